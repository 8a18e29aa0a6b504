package lmo.transport.barycenter;

/**
 * The Gibbs kernel of the cost {@code 1/2 |x - y|^2} on a tensor grid, applied in the log domain:
 * {@code (K f)(x) = LSE_y( f(y) - |x - y|^2 / (2 lambda) )} over the grid points y. The cost is a sum over axes, so
 * K is applied one axis at a time: {@code LSE_{y_0}( -(x_0 - y_0)^2/(2 lambda) + LSE_{y_1}( f(y) - (x_1 - y_1)^2/(2 lambda) ) )},
 * O(size * sum_a n_a) work instead of O(size^2). On a regular axis the cost depends on |i - l| only: one table of
 * n_a values per axis, no matrix. Each line is a Toeplitz product of exponentials scaled by the line's maximum; the
 * rows that product cannot resolve (values spanning more than about 485, potentials over a small lambda) are summed
 * chunk by chunk, each chunk scaled by its own maximum and the far ones left out, at about the kernel's width per
 * row, and every sum stops at the kernel's support: on 1000 nodes an iteration at lambda = 1e-3 costs no more than
 * at lambda = 2 (before, these rows were exact log-sum-exps of n exponentials, 6-8 times slower; docs/transport.md).
 */
final class SeparableLogKernel {
    private final TensorGrid grid;
    private final double[][] table;   // table[a][|i - l|] = (h_a |i - l|)^2 / (2 lambda)
    private final double[][] kernel;  // kernel[a][k] = exp(-table[a][k])
    private final int[] support;      // kernel[a][k] = 0 for k >= support[a] (t increases with k)
    private final double[] line, lineOut, scaled, local, chunkMax, terms, buffer;
    private final int[] chunkArg;
    private boolean localReady;
    private final boolean exact;   // local[] holds the current line's chunk-scaled exponentials

    SeparableLogKernel(TensorGrid grid, double lambda) {
        this(grid, lambda, false);
    }

    /** @param exact every row by the two-pass log-sum-exp over the whole line (n exponentials a row): the reference */
    SeparableLogKernel(TensorGrid grid, double lambda, boolean exact) {
        this.exact = exact;
        this.grid = grid;
        int d = grid.dim(), longest = 0;
        table = new double[d][];
        kernel = new double[d][];
        support = new int[d];
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
            while (support[a] < n && kernel[a][support[a]] > 0) support[a]++;
        }
        line = new double[longest];
        lineOut = new double[longest];
        scaled = new double[longest];
        local = new double[longest];
        int chunks = (longest + CHUNK - 1) / CHUNK;
        chunkMax = new double[chunks];
        chunkArg = new int[chunks];
        terms = new double[chunks];
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
                if (exact) {
                    for (int i = 0; i < n; i++) lineOut[i] = exactRow(line, 0, n, t, i);
                } else {
                    convolve(line, lineOut, n, t, e, support[a]);
                }
                for (int i = 0; i < n; i++) dst[base + i * stride] = lineOut[i];
            }
        }
    }

    /**
     * {@code out[i] = LSE_l( in[l] - t[|i - l|] )}. Fast path: with {@code M = max in},
     * {@code out[i] = M + log s_i}, {@code s_i = sum_l exp(in[l] - M) exp(-t[|i - l|])}, a Toeplitz product of scaled
     * exponentials (kernel row {@code e[k] = exp(-t[k])} tabulated). Every term is positive, so when
     * {@code s_i >= SAFE} the terms lost to underflow (each below 2^-1074, at most n of them) change it by less than
     * 1e-300 relative. A row with {@code s_i < SAFE} (a line whose values span more than -log SAFE ~ 485, as
     * potentials over a small lambda do) is computed by {@link #chunkedRow}: the same sum in chunks of {@link #CHUNK}
     * points, each scaled by its own maximum, the negligible far chunks left out, so it costs about the kernel's
     * width instead of n exponentials.
     *
     * <p>Which rows: the chunks' maxima give a lower bound {@code L_i} of out[i] (a term of the row). When
     * {@code L_i >= M + log SAFE} the fast path is certain; otherwise the chunked row {@code C_i} comes first, and the
     * fast path is tried only when {@code C_i >= M + log SAFE - 1e-6} (C_i is accurate to far below 1e-6, the sum s_i
     * to about n ulps). So every row whose {@code s_i >= SAFE} gets {@code M + log s_i}, and every other row the
     * chunked value: the same choice as computing s_i for every row, without the n-term sum of most rows at a small
     * lambda.
     */
    private void convolve(double[] in, double[] out, int n, double[] t, double[] e, int width) {
        double m = Double.NEGATIVE_INFINITY;
        for (int l = 0; l < n; l++) if (in[l] > m) m = in[l];
        if (m == Double.NEGATIVE_INFINITY) { java.util.Arrays.fill(out, 0, n, m); return; }
        chunkMaxima(in, n);
        boolean scaledReady = false;
        localReady = false;
        double fast = m + Math.log(SAFE);
        for (int i = 0; i < n; i++) {
            double chunked = Double.NaN;
            boolean tryFast = lowerBound(i, n, t) >= fast;
            if (!tryFast) {
                chunked = chunkedRow(in, n, t, e, i);
                tryFast = chunked >= fast - 1e-6;
            }
            double s = 0;
            if (tryFast) {
                if (!scaledReady) {
                    for (int l = 0; l < n; l++) scaled[l] = Math.exp(in[l] - m);
                    scaledReady = true;
                }
                // the terms with e[|i - l|] = 0 (|i - l| >= width) add +0.0: left out, the sum is the same
                for (int l = Math.max(0, i - width + 1); l < i; l++) s += scaled[l] * e[i - l];
                for (int l = i, to = Math.min(n, i + width); l < to; l++) s += scaled[l] * e[l - i];
            }
            if (s >= SAFE) out[i] = m + Math.log(s);
            else out[i] = Double.isNaN(chunked) ? chunkedRow(in, n, t, e, i) : chunked;
        }
    }

    /** Rows whose scaled sum is below this are computed chunk by chunk. */
    static final double SAFE = 0x1.0p-700;

    /** Points per chunk of {@link #chunkedRow}. */
    static final int CHUNK = 64;

    /**
     * Chunks whose every term is below {@code exp(-NEGLIGIBLE)} times the row's largest known term, over all chunks
     * (so with {@code log(chunks)} added), are left out: together they change the row's sum by less than e^-40 ~ 4e-18
     * relative, below its rounding.
     */
    private static final double NEGLIGIBLE = 40;

    /** Per chunk c its maximum {@code chunkMax[c]} and where it is, {@code chunkArg[c]}. */
    private void chunkMaxima(double[] in, int n) {
        for (int c = 0, from = 0; from < n; c++, from += CHUNK) {
            int to = Math.min(n, from + CHUNK), at = from;
            double max = Double.NEGATIVE_INFINITY;
            for (int l = from; l < to; l++) {
                if (in[l] > max) { max = in[l]; at = l; }
            }
            chunkMax[c] = max;
            chunkArg[c] = at;
        }
    }

    /** {@code max_c (in[a_c] - t[|i - a_c|])} over the chunks, a_c = chunkArg[c]: a term of row i, so at most out[i]. */
    private double lowerBound(int i, int n, double[] t) {
        double known = Double.NEGATIVE_INFINITY;
        for (int c = 0, count = (n + CHUNK - 1) / CHUNK; c < count; c++) {
            if (chunkMax[c] > Double.NEGATIVE_INFINITY) known = Math.max(known, chunkMax[c] - t[Math.abs(i - chunkArg[c])]);
        }
        return known;
    }

    /**
     * Row i chunk by chunk: chunk c's term is {@code T_c = chunkMax[c] + log sum_{l in c} local[l] e[|i - l|]}
     * (recomputed by the two-pass log-sum-exp over the chunk when that sum is below SAFE), and
     * {@code out[i] = LSE_c T_c}. A chunk is skipped when its bound {@code chunkMax[c] - t[distance from i to c] +
     * log(CHUNK)} lies more than NEGLIGIBLE + log(chunks) below {@code max_c (in[a_c] - t[|i - a_c|])} (a_c where the
     * chunk's maximum is: a term of the row, so a lower bound of it). Far chunks at a small lambda are skipped, so the
     * row costs about the kernel's width, not n.
     */
    private double chunkedRow(double[] in, int n, double[] t, double[] e, int i) {
        if (!localReady) {
            for (int c = 0, from = 0; from < n; c++, from += CHUNK) {
                for (int l = from, to = Math.min(n, from + CHUNK); l < to; l++) local[l] = Math.exp(in[l] - chunkMax[c]);
            }
            localReady = true;
        }
        int count = (n + CHUNK - 1) / CHUNK;
        double known = lowerBound(i, n, t);
        if (known == Double.NEGATIVE_INFINITY) return known;
        double cut = known - NEGLIGIBLE - Math.log((double) count * CHUNK), max = Double.NEGATIVE_INFINITY;
        for (int c = 0, from = 0; c < count; c++, from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            int gap = i < from ? from - i : i >= to ? i - to + 1 : 0;
            double term = Double.NEGATIVE_INFINITY;
            if (chunkMax[c] - t[gap] >= cut) {
                double s = 0;
                for (int l = from; l < to; l++) s += local[l] * e[Math.abs(i - l)];
                term = s >= SAFE ? chunkMax[c] + Math.log(s) : exactRow(in, from, to, t, i);
            }
            terms[c] = term;
            if (term > max) max = term;
        }
        double s = 0;
        for (int c = 0; c < count; c++) if (terms[c] > Double.NEGATIVE_INFINITY) s += Math.exp(terms[c] - max);
        return max + Math.log(s);
    }

    /** {@code LSE_{l in [from, to)}( in[l] - t[|i - l|] )}, two passes (max, then sum). */
    private static double exactRow(double[] in, int from, int to, double[] t, int i) {
        double m = Double.NEGATIVE_INFINITY;
        for (int l = from; l < to; l++) {
            double v = in[l] - t[Math.abs(i - l)];
            if (v > m) m = v;
        }
        if (m == Double.NEGATIVE_INFINITY) return m;
        double s = 0;
        for (int l = from; l < to; l++) s += Math.exp(in[l] - t[Math.abs(i - l)] - m);
        return m + Math.log(s);
    }
}
