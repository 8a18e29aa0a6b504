package lmo.transport;

/**
 * A transport solver met a NaN or an infinity: the message names the iteration, the quantity ({@code u}: the rows /
 * first marginal; {@code v}: the columns / second marginal of Sinkhorn; a barycenter's potentials, Gibbs density or
 * positions), the input measure when there are several, and the index, so a run never ends in a silent NaN (cf.
 * POT #54, ott #6). The usual cause is a beta too large for an un-normalised cost, a zero weight, or a step size too
 * large for the particles.
 */
public final class NonFiniteException extends ArithmeticException {
    private final long iteration;
    private final String side;
    private final int input;
    private final int index;
    private final double value;

    /** A Sinkhorn potential: {@code side} u or v; iteration -1 when the kernel does not know it (see {@link #at}). */
    public NonFiniteException(int iteration, String side, int index, double value) {
        super("non-finite " + side + "[" + index + "] = " + value + (iteration >= 0 ? " at iteration " + iteration : ""));
        this.iteration = iteration;
        this.side = side;
        this.input = -1;
        this.index = index;
        this.value = value;
    }

    /** A barycenter solver's quantity, at an iteration (or step), for input k (-1: not per input), at an index. */
    public NonFiniteException(String quantity, long iteration, int input, int index, double value) {
        super(quantity + " is " + value + " at iteration " + iteration + (input >= 0 ? ", input " + input : "")
                + ", index " + index);
        this.iteration = iteration;
        this.side = quantity;
        this.input = input;
        this.index = index;
        this.value = value;
    }

    /** The same Sinkhorn failure, stamped with the iteration (kernels do not know it). */
    public NonFiniteException at(int t) {
        return new NonFiniteException(t, side, index, value);
    }

    public long iteration() { return iteration; }

    /** The quantity: {@code u}, {@code v}, or a barycenter solver's (e.g. {@code potential g}). */
    public String side() { return side; }

    /** The input measure k, or -1 when the quantity is not per input. */
    public int input() { return input; }

    public int index() { return index; }

    public double value() { return value; }
}
