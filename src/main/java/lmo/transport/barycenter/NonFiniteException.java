package lmo.transport.barycenter;

/** A solver met a NaN or an infinity: the message names the quantity, the iteration (or step), the input and the index. */
public final class NonFiniteException extends ArithmeticException {
    private final long iteration;
    private final int input;
    private final int index;

    public NonFiniteException(String quantity, long iteration, int input, int index, double value) {
        super(quantity + " is " + value + " at iteration " + iteration + (input >= 0 ? ", input " + input : "") + ", index " + index);
        this.iteration = iteration;
        this.input = input;
        this.index = index;
    }

    public long iteration() { return iteration; }
    /** The input measure k, or -1 when the quantity is not per input. */
    public int input() { return input; }
    public int index() { return index; }
}
