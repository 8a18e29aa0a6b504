package lmo.model.game;

/**
 * The Fourier modes {@code E_k(x) = e^(2 pi i k.x)} of a point of the unit torus T^d for every multi-index
 * {@code k in {-K..K}^d}, in the order of {@link FourierPayoff}: lexicographic, the first axis slowest, axis c at
 * index {@code k_c + K}. One {@code cos}/{@code sin} per axis: {@code e^(2 pi i k_c x_c)} are the powers of
 * {@code e^(2 pi i x_c)} (negative powers by conjugation), and the multi-index modes are their products.
 * Complex values are interleaved {@code (re, im)}. Holds scratch arrays: one instance per thread.
 */
final class FourierModes {
    private static final double TWO_PI = 2 * Math.PI;
    private final int dim;
    private final int order;
    private final int side;
    private final int count;
    private final int[] k;
    private final double[] pow;
    private final double[] acc;

    FourierModes(int dim, int order) {
        this.dim = dim;
        this.order = order;
        this.side = 2 * order + 1;
        this.count = FourierPayoff.modeCount(dim, order);
        this.k = new int[count * dim];
        for (int idx = 0; idx < count; idx++) {
            for (int c = dim - 1, r = idx; c >= 0; c--, r /= side) k[idx * dim + c] = r % side - order;
        }
        this.pow = new double[2 * side];
        this.acc = new double[dim];
    }

    /** Number of modes n = (2K+1)^d. */
    int count() { return count; }

    /** k_c of mode idx. */
    int k(int idx, int c) { return k[idx * dim + c]; }

    /** Writes {@code E_k(x)} for every k to {@code e[eOff .. eOff + 2n)}. */
    void eval(double[] x, int xOff, double[] e, int eOff) {
        e[eOff] = 1;
        e[eOff + 1] = 0;
        int have = 1;
        for (int c = 0; c < dim; c++) {
            double t = TWO_PI * x[xOff + c];
            double wr = Math.cos(t), wi = Math.sin(t);
            pow[2 * order] = 1;
            pow[2 * order + 1] = 0;
            double pr = 1, pi = 0;
            for (int m = 1; m <= order; m++) {
                double nr = pr * wr - pi * wi;
                pi = pr * wi + pi * wr;
                pr = nr;
                pow[2 * (order + m)] = pr;
                pow[2 * (order + m) + 1] = pi;
                pow[2 * (order - m)] = pr;
                pow[2 * (order - m) + 1] = -pi;
            }
            for (int a = have - 1; a >= 0; a--) {
                double ar = e[eOff + 2 * a], ai = e[eOff + 2 * a + 1];
                for (int j = side - 1; j >= 0; j--) {
                    int at = eOff + 2 * (a * side + j);
                    double qr = pow[2 * j], qi = pow[2 * j + 1];
                    e[at] = ar * qr - ai * qi;
                    e[at + 1] = ar * qi + ai * qr;
                }
            }
            have *= side;
        }
    }

    /** {@code Re sum_k w_k E_k}: w at {@code wOff}, the modes at {@code eOff}. */
    double value(double[] w, int wOff, double[] e, int eOff) {
        double s = 0;
        for (int q = 0; q < 2 * count; q += 2) s += w[wOff + q] * e[eOff + q] - w[wOff + q + 1] * e[eOff + q + 1];
        return s;
    }

    /**
     * {@code Re sum_k w_k E_k(x)}, and adds {@code scale} times its gradient
     * {@code -2 pi sum_k k Im(w_k E_k(x))} to {@code grad[gOff .. gOff + d)}.
     */
    double valueAndGradient(double[] w, int wOff, double[] e, int eOff, double scale, double[] grad, int gOff) {
        double s = 0;
        for (int c = 0; c < dim; c++) acc[c] = 0;
        for (int idx = 0, q = 0; idx < count; idx++, q += 2) {
            double wr = w[wOff + q], wi = w[wOff + q + 1], er = e[eOff + q], ei = e[eOff + q + 1];
            s += wr * er - wi * ei;
            double im = wr * ei + wi * er;
            for (int c = 0; c < dim; c++) acc[c] += k[idx * dim + c] * im;
        }
        for (int c = 0; c < dim; c++) grad[gOff + c] += scale * -TWO_PI * acc[c];
        return s;
    }
}
