package lmo.transport;

/**
 * A Sinkhorn solve met a NaN or an infinity: the message names the iteration, the side ({@code u}: the rows /
 * first marginal; {@code v}: the columns / second marginal) and the index, so a run never ends in a silent NaN
 * (cf. POT #54, ott #6). The usual cause is a beta too large for an un-normalised cost, or a zero weight.
 */
public final class NonFiniteException extends ArithmeticException {
    private final int iteration;
    private final String side;
    private final int index;
    private final double value;

    public NonFiniteException(int iteration, String side, int index, double value) {
        super("non-finite " + side + "[" + index + "] = " + value
                + (iteration >= 0 ? " at iteration " + iteration : ""));
        this.iteration = iteration;
        this.side = side;
        this.index = index;
        this.value = value;
    }

    /** The same failure, stamped with the iteration (kernels do not know it). */
    public NonFiniteException at(int t) {
        return new NonFiniteException(t, side, index, value);
    }

    public int iteration() {
        return iteration;
    }

    public String side() {
        return side;
    }

    public int index() {
        return index;
    }

    public double value() {
        return value;
    }
}
