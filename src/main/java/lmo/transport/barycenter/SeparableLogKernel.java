package lmo.transport.barycenter;

/**
 * The Gibbs kernel of the cost {@code 1/2 |x - y|^2} on a tensor grid, applied in the log domain:
 * {@code (K f)(x) = LSE_y( f(y) - |x - y|^2 / (2 lambda) )} over the grid points y. The cost is a sum over axes, so
 * K is applied one axis at a time: {@code LSE_{y_0}( -(x_0 - y_0)^2/(2 lambda) + LSE_{y_1}( f(y) - (x_1 - y_1)^2/(2 lambda) ) )},
 * O(size * sum_a n_a) work instead of O(size^2). On a regular axis the cost depends on |i - l| only: one table of
 * n_a values per axis, no matrix.
 */
final class SeparableLogKernel {
    private final TensorGrid grid;
    private final double[][] table;   // table[a][|i - l|] = (h_a |i - l|)^2 / (2 lambda)
    private final double[][] kernel;  // kernel[a][k] = exp(-table[a][k])
    private final double[] line, lineOut, scaled, buffer;

    SeparableLogKernel(TensorGrid grid, double lambda) {
        this.grid = grid;
        int d = grid.dim(), longest = 0;
        table = new double[d][];
        kernel = new double[d][];
        for (int a = 0; a < d; a++) {
            int n = grid.count(a);
            longest = Math.max(longest, n);
            table[a] = new double[n];
            kernel[a] = new double[n];
            for (int k = 0; k < n; k++) {
                double r = grid.spacing(a) * k;
                table[a][k] = r * r / (2 * lambda);
                kernel[a][k] = Math.exp(-table[a][k]);
            }
        }
        line = new double[longest];
        lineOut = new double[longest];
        scaled = new double[longest];
        buffer = new double[grid.size()];
    }

    /** {@code out = K in}; in and out may be the same array. */
    void apply(double[] in, double[] out) {
        int d = grid.dim();
        double[] src = in;
        for (int a = 0; a < d; a++) {
            // the last pass writes into out; earlier passes alternate with the buffer so that src != dst
            double[] dst = ((d - 1 - a) % 2 == 0) ? out : buffer;
            if (dst == src) dst = (dst == out) ? buffer : out;
            axis(a, src, dst);
            src = dst;
        }
        if (src != out) System.arraycopy(src, 0, out, 0, out.length);
    }

    private void axis(int a, double[] src, double[] dst) {
        int n = grid.count(a), stride = 1;
        for (int b = a + 1; b < grid.dim(); b++) stride *= grid.count(b);
        int outer = grid.size() / (n * stride);
        double[] t = table[a], e = kernel[a];
        for (int o = 0; o < outer; o++) {
            for (int s = 0; s < stride; s++) {
                int base = o * n * stride + s;
                for (int i = 0; i < n; i++) line[i] = src[base + i * stride];
                convolve(line, lineOut, n, t, e);
                for (int i = 0; i < n; i++) dst[base + i * stride] = lineOut[i];
            }
        }
    }

    /**
     * {@code out[i] = LSE_l( in[l] - t[|i - l|] )}. Fast path: with {@code M = max in},
     * {@code out[i] = M + log sum_l exp(in[l] - M) exp(-t[|i - l|])}, a Toeplitz product of scaled exponentials
     * (kernel row {@code e[k] = exp(-t[k])} tabulated). Every term is positive, so when the sum is at least
     * {@link #SAFE} the terms lost to underflow (each below 2^-1074, at most n of them) change it by less than
     * 1e-300 relative. A row whose sum is below SAFE (or zero) is recomputed exactly by the two-pass log-sum-exp.
     */
    private void convolve(double[] in, double[] out, int n, double[] t, double[] e) {
        double m = Double.NEGATIVE_INFINITY;
        for (int l = 0; l < n; l++) if (in[l] > m) m = in[l];
        if (m == Double.NEGATIVE_INFINITY) { java.util.Arrays.fill(out, 0, n, m); return; }
        for (int l = 0; l < n; l++) scaled[l] = Math.exp(in[l] - m);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int l = 0; l < i; l++) s += scaled[l] * e[i - l];
            for (int l = i; l < n; l++) s += scaled[l] * e[l - i];
            out[i] = s >= SAFE ? m + Math.log(s) : exactRow(in, n, t, i);
        }
    }

    /** Rows whose scaled sum is below this are recomputed in the log domain. */
    static final double SAFE = 0x1.0p-700;

    /** {@code LSE_l( in[l] - t[|i - l|] )}, two passes (max, then sum). */
    private static double exactRow(double[] in, int n, double[] t, int i) {
        double m = Double.NEGATIVE_INFINITY;
        for (int l = 0; l < n; l++) {
            double v = in[l] - t[Math.abs(i - l)];
            if (v > m) m = v;
        }
        if (m == Double.NEGATIVE_INFINITY) return m;
        double s = 0;
        for (int l = 0; l < n; l++) s += Math.exp(in[l] - t[Math.abs(i - l)] - m);
        return m + Math.log(s);
    }
}
