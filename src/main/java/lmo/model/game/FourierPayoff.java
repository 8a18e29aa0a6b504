package lmo.model.game;

import lmo.rng.CounterRng;

/**
 * A trigonometric payoff on T^d x T^d (the unit torus [0,1)^d for both players):
 * {@code f(x, y) = Re sum_{k in {-K..K}^d} sum_{l in {-K..K}^d} c_kl e^(2 pi i (k.x + l.y))}; player 1 (x) minimises
 * f, player 2 (y) maximises it.
 *
 * <p>Multi-indices are numbered lexicographically, the first axis slowest, axis c at index {@code k_c + K}: mode
 * {@code idx = sum_c (k_c + K) (2K+1)^(d-1-c)}, {@code n = (2K+1)^d} modes; k = 0 is index {@code (n-1)/2}. The
 * coefficients are a complex n x n matrix, stored row-major (row k, column l) with real and imaginary parts
 * interleaved: {@code c_kl = coefficients[2 (k n + l)] + i coefficients[2 (k n + l) + 1]} — the layout of a .npy
 * array of shape (n, n, 2).
 *
 * <p>The model does not call {@link #value} per pair: it uses {@link #applyRight} / {@link #applyLeft} to fold the
 * other player's modes into one coefficient vector per player (docs/games.md). Immutable, thread-safe.
 */
public final class FourierPayoff implements Payoff {
    private final int dim;
    private final int order;
    private final int n;
    private final double[] c;

    /**
     * @param dim d, the dimension of both tori
     * @param order K >= 0
     * @param coefficients {@code 2 n^2} doubles, layout above (copied)
     */
    public FourierPayoff(int dim, int order, double[] coefficients) {
        if (dim < 1) throw new IllegalArgumentException("fourier payoff: dim must be >= 1, got " + dim);
        if (order < 0) throw new IllegalArgumentException("fourier payoff: order must be >= 0, got " + order);
        this.dim = dim;
        this.order = order;
        this.n = modeCount(dim, order);
        if (coefficients.length != 2 * n * n) {
            throw new IllegalArgumentException("fourier payoff of dim " + dim + " and order " + order + " needs "
                    + 2 * n * n + " coefficient values (n = " + n + ", shape (n, n, 2)), got " + coefficients.length);
        }
        for (double v : coefficients) {
            if (!Double.isFinite(v)) throw new IllegalArgumentException("fourier payoff: coefficient " + v + " is not finite");
        }
        this.c = coefficients.clone();
    }

    /** n = (2K+1)^d; throws when it exceeds 4096 (the coefficient matrix would exceed 256 MB). */
    public static int modeCount(int dim, int order) {
        long n = 1;
        for (int i = 0; i < dim; i++) {
            n *= 2L * order + 1;
            if (n > 4096) throw new IllegalArgumentException("fourier payoff: (2K+1)^d = (" + (2 * order + 1) + ")^" + dim + " modes is more than 4096");
        }
        return (int) n;
    }

    /**
     * Random coefficients: real and imaginary parts iid N(0, 1/2) (so E|c_kl|^2 = 1, Julia's {@code randn(ComplexF64)}
     * convention), {@code CounterRng.gaussians(seed, 0, 0, 0, STREAM_PAYOFF)} in the coefficient layout.
     */
    public static FourierPayoff random(int dim, int order, long seed) {
        int n = modeCount(dim, order);
        double[] c = new double[2 * n * n];
        CounterRng.gaussians(seed, 0, 0, 0, CounterRng.STREAM_PAYOFF, c, 0, c.length);
        double s = Math.sqrt(0.5);
        for (int i = 0; i < c.length; i++) c[i] *= s;
        return new FourierPayoff(dim, order, c);
    }

    /**
     * Example 4.1 of Wang–Chizat (arXiv 2211.01280) on T^1 x T^1, with the generic perturbation:
     * {@code f = sin 4 pi x + sin 4 pi y + 2 cos 2 pi (x+y) + epsilon sin 2 pi (x+y)}, i.e. K = 2 and
     * {@code c_{2,0} = c_{0,2} = -i}, {@code c_{1,1} = 2 - i epsilon}. Its mixed Nash equilibrium, for every
     * epsilon: {@code mu* = (delta_{3/8} + delta_{7/8})/2}, {@code nu* = (delta_{1/8} + delta_{5/8})/2}, value 0.
     */
    public static FourierPayoff example41(double epsilon) {
        int n = 5;
        double[] c = new double[2 * n * n];
        c[2 * (4 * n + 2) + 1] = -1;      // k = 2, l = 0
        c[2 * (2 * n + 4) + 1] = -1;      // k = 0, l = 2
        c[2 * (3 * n + 3)] = 2;           // k = 1, l = 1
        c[2 * (3 * n + 3) + 1] = -epsilon;
        return new FourierPayoff(1, 2, c);
    }

    /** The index of multi-index k (each |k_c| <= K). */
    public int modeIndex(int[] k) {
        if (k.length != dim) throw new IllegalArgumentException("multi-index of length " + k.length + ", dim is " + dim);
        int idx = 0;
        for (int kc : k) {
            if (Math.abs(kc) > order) throw new IllegalArgumentException("|k_c| = " + Math.abs(kc) + " exceeds the order " + order);
            idx = idx * (2 * order + 1) + kc + order;
        }
        return idx;
    }

    public int dim() { return dim; }
    public int order() { return order; }
    /** n = (2K+1)^d. */
    public int modes() { return n; }
    /** A copy of the coefficients, layout above. */
    public double[] coefficients() { return c.clone(); }

    @Override public int dimX() { return dim; }
    @Override public int dimY() { return dim; }

    /**
     * {@code w_k = scale sum_l c_kl y_l} for every k: {@code y} at {@code yOff} (n complex values), {@code w} written at
     * {@code wOff}. With y the modes of nu this is the coefficient vector of {@code V(x) = Re sum_k w_k E_k(x)}.
     */
    public void applyRight(double[] y, int yOff, double scale, double[] w, int wOff) {
        for (int k = 0; k < n; k++) {
            double re = 0, im = 0;
            for (int l = 0, at = 2 * k * n; l < n; l++, at += 2) {
                double cr = c[at], ci = c[at + 1], yr = y[yOff + 2 * l], yi = y[yOff + 2 * l + 1];
                re += cr * yr - ci * yi;
                im += cr * yi + ci * yr;
            }
            w[wOff + 2 * k] = scale * re;
            w[wOff + 2 * k + 1] = scale * im;
        }
    }

    /** {@code z_l = scale sum_k c_kl x_k} for every l (the coefficient vector of {@code U(y) = Re sum_l z_l E_l(y)}). */
    public void applyLeft(double[] x, int xOff, double scale, double[] z, int zOff) {
        for (int l = 0; l < n; l++) {
            double re = 0, im = 0;
            for (int k = 0, at = 2 * l; k < n; k++, at += 2 * n) {
                double cr = c[at], ci = c[at + 1], xr = x[xOff + 2 * k], xi = x[xOff + 2 * k + 1];
                re += cr * xr - ci * xi;
                im += cr * xi + ci * xr;
            }
            z[zOff + 2 * l] = scale * re;
            z[zOff + 2 * l + 1] = scale * im;
        }
    }

    @Override
    public double value(double[] x, int xOff, double[] y, int yOff) {
        FourierModes modes = new FourierModes(dim, order);
        double[] e = new double[4 * n];
        modes.eval(y, yOff, e, 0);
        applyRight(e, 0, 1, e, 2 * n);
        modes.eval(x, xOff, e, 0);
        return modes.value(e, 2 * n, e, 0);
    }

    @Override
    public void gradX(double[] x, int xOff, double[] y, int yOff, double[] out, int outOff) {
        FourierModes modes = new FourierModes(dim, order);
        double[] e = new double[4 * n];
        modes.eval(y, yOff, e, 0);
        applyRight(e, 0, 1, e, 2 * n);
        modes.eval(x, xOff, e, 0);
        for (int cc = 0; cc < dim; cc++) out[outOff + cc] = 0;
        modes.valueAndGradient(e, 2 * n, e, 0, 1, out, outOff);
    }

    @Override
    public void gradY(double[] x, int xOff, double[] y, int yOff, double[] out, int outOff) {
        FourierModes modes = new FourierModes(dim, order);
        double[] e = new double[4 * n];
        modes.eval(x, xOff, e, 0);
        applyLeft(e, 0, 1, e, 2 * n);
        modes.eval(y, yOff, e, 0);
        for (int cc = 0; cc < dim; cc++) out[outOff + cc] = 0;
        modes.valueAndGradient(e, 2 * n, e, 0, 1, out, outOff);
    }

    @Override public String toString() { return "FourierPayoff[d=" + dim + ", K=" + order + "]"; }
}
