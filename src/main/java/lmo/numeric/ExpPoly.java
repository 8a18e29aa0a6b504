package lmo.numeric;

/**
 * {@code exp} from IEEE-exact operations only (fma, multiply, subtract, bit shifts), so that the scalar form here and
 * the lane-wise form in {@link VectorExp} give the same bits, interpreted or compiled, on every JDK. (The Vector
 * API's {@code lanewise(EXP)} does not: on JDK 17 it returns different bits before and after C2 compiles the loop,
 * and differs between JDK versions.)
 *
 * <p>{@code exp(a) = 2^n e^r}, {@code n = rint(a / ln 2)} by the 1.5*2^52 shift, {@code r = a - n ln 2} with ln 2
 * split in two (two fmas), {@code |r| <= 0.347}; {@code e^r} by its degree-13 Taylor polynomial in Horner form
 * (truncation below 4e-18 relative); {@code 2^n} built in the exponent bits. About 1 ulp. Arguments below -708 give
 * 0 (the true value is below 3.4e-308; {@code -inf} gives 0, NaN gives NaN); the kernels only pass arguments
 * {@code <= 0}; above 709 it is not valid. Used by the MMD pair sums ({@code lmo.model.kernel}) and the online
 * Sinkhorn kernels ({@code lmo.transport}).
 */
public final class ExpPoly {
    private ExpPoly() {}

    public static final double LOG2E = 1.4426950408889634;
    public static final double SHIFT = 0x1.8p52;
    public static final double LN2_HI = 0x1.62e42fefa39efp-1;
    public static final double LN2_LO = 0x1.abc9e3b39803fp-56;
    public static final long BIAS = 1023L << 52;
    public static final double UNDERFLOW = -708.0;
    public static final double C2 = 1.0 / 2;
    public static final double C3 = 1.0 / 6;
    public static final double C4 = 1.0 / 24;
    public static final double C5 = 1.0 / 120;
    public static final double C6 = 1.0 / 720;
    public static final double C7 = 1.0 / 5040;
    public static final double C8 = 1.0 / 40320;
    public static final double C9 = 1.0 / 362880;
    public static final double C10 = 1.0 / 3628800;
    public static final double C11 = 1.0 / 39916800;
    public static final double C12 = 1.0 / 479001600;
    public static final double C13 = 1.0 / 6227020800.0;

    /** {@code e^a} for {@code a <= 709}, in exactly the operations of {@link VectorExp#exp}. */
    public static double exp(double a) {
        double t = Math.fma(a, LOG2E, SHIFT);
        double n = t - SHIFT;
        double r = Math.fma(n, -LN2_HI, a);
        r = Math.fma(n, -LN2_LO, r);
        double p = C13;
        p = Math.fma(p, r, C12);
        p = Math.fma(p, r, C11);
        p = Math.fma(p, r, C10);
        p = Math.fma(p, r, C9);
        p = Math.fma(p, r, C8);
        p = Math.fma(p, r, C7);
        p = Math.fma(p, r, C6);
        p = Math.fma(p, r, C5);
        p = Math.fma(p, r, C4);
        p = Math.fma(p, r, C3);
        p = Math.fma(p, r, C2);
        p = Math.fma(p, r, 1.0);
        p = Math.fma(p, r, 1.0);
        double scale = Double.longBitsToDouble((Double.doubleToRawLongBits(t) << 52) + BIAS);
        double res = p * scale;
        return a < UNDERFLOW ? 0.0 : res;
    }
}
