package lmo.transport;

/**
 * The two pair loops of online log-domain Sinkhorn, as one fixed sequence of floating-point operations that
 * {@link LaneSinkhornKernels} (plain Java) and {@link VectorSinkhornKernels} (Vector API) both follow exactly, so they
 * give identical bits. {@code c_ij} has the bits of {@link Cost#at}; exp is {@link lmo.numeric.ExpPoly#exp}.
 * <pre>
 *   row i (u-side):   z_j = (v_j + logQ_j) - beta c_ij;   mx = max_j z_j   (by {@code z > mx}: NaN entries are
 *                     skipped, and the max of the others, a -0/+0 tie aside, does not depend on the order)
 *                     e_j = exp(z_j - mx); lane l = j mod 4, j ascending:
 *                     s_l = s_l + e_j;  wc_l = fma(e_j, c_ij, wc_l);  wv_l = fma(e_j, v_j, wv_l)
 *                     s = (s_0 + s_1) + (s_2 + s_3), the same for wc, wv
 *   rows [from, to) (v-side), per column j:   x_ij = (u_i + logP_i) - beta c_ij
 *                     max_j = max_i x_ij (Math.max);   sum_j = sum_i exp(x_ij - max_j), i ascending from 0
 *                     a column whose max is -inf is the empty pair (-inf, 0)
 * </pre>
 * Every term is at most 1 (its argument is {@code <= 0}), the largest exactly 1: nothing overflows. A row whose
 * entries are all {@code -inf} gives {@code mx = -inf} and a NaN sum (the caller throws {@link NonFiniteException}).
 */
abstract class SinkhornKernels {
    static final int LANES = 4;

    /**
     * The Vector API kernels when {@code jdk.incubator.vector} is loaded, else the scalar lane emulation. (A method,
     * not a static field here: a subclass's initialisation would run this class's first.)
     */
    static SinkhornKernels best() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                ? new VectorSinkhornKernels() : new LaneSinkhornKernels();
    }

    /**
     * Row i: {@code out[0 .. 4) = {mx, s, wc, wv}}.
     *
     * @param cRow scratch, m entries (left holding c_i.). Modified.
     * @param zRow scratch, m entries. Modified.
     * @param acc  scratch, 12 entries. Modified.
     */
    abstract void row(Cost cost, int i, double[] v, double[] logQ, double beta, double[] cRow, double[] zRow,
                      double[] acc, double[] out);

    /** Rows {@code [from, to)}: the pair {@code (max_j, sum_j)} of every column. Modified: max, sum, cRow (scratch, m). */
    abstract void columns(Cost cost, int from, int to, double[] u, double[] logP, double beta, double[] max,
                          double[] sum, double[] cRow);

    /** Exponents are clamped here: a term {@code e^700} or an overflow puts the sum out of {@link #accepted}. */
    static final double CLAMP = 700.0;

    /**
     * Row i in one pass with a fixed shift (the row's previous potential {@code -u_i} stands in for the max):
     * {@code e_j = exp(min(z_j - shift, CLAMP))}, {@code z_j = vlq_j - beta c_ij} ({@code vlq = v + logQ}), summed in
     * the lanes of {@link #row}; {@code out = {shift, s, wc, wv}}. The caller checks {@link #accepted}{@code (s)} and
     * falls back to {@link #row} (two passes) otherwise.
     *
     * @param cRow scratch, m entries. Modified.
     * @param zRow scratch, m entries (the terms e_j). Modified.
     * @param acc  scratch, 12 entries. Modified.
     */
    abstract void rowShifted(Cost cost, int i, double[] vlq, double[] v, double beta, double shift, double[] cRow,
                             double[] zRow, double[] acc, double[] out);

    /**
     * Rows {@code [from, to)} in one pass with a fixed shift per column (the previous {@code -v_j}):
     * {@code sum_j = sum_i exp(min(x_ij - shift_j, CLAMP))}, {@code x_ij = (u_i + logP_i) - beta c_ij}, i ascending
     * from 0. The caller checks {@link #accepted} per column. Modified: sum (overwritten), cRow (scratch, m).
     */
    abstract void columnsShifted(Cost cost, int from, int to, double[] u, double[] logP, double beta, double[] shift,
                                 double[] sum, double[] cRow);

    /**
     * Whether a shifted sum is usable as it is: in {@code [1e-200, 1e200]}, so no term overflowed or was clamped
     * (each is at most the sum) and terms lost to underflow weigh under 1e-100 of it; NaN is refused.
     */
    static boolean accepted(double s) {
        return s >= 1e-200 && s <= 1e200;
    }

    /** Lanes of a shifted row over columns {@code [from, to)}, added into {@code acc}. Modified: acc. */
    static void shiftedLanes(int from, int to, double shift, double beta, double[] c, double[] vlq, double[] v,
                             double[] acc) {
        for (int j = from; j < to; j++) {
            int l = j & (LANES - 1);
            double e = lmo.numeric.ExpPoly.exp(Math.min(vlq[j] - beta * c[j] - shift, CLAMP));
            acc[l] += e;
            acc[4 + l] = Math.fma(e, c[j], acc[4 + l]);
            acc[8 + l] = Math.fma(e, v[j], acc[8 + l]);
        }
    }

    /** Lanes of columns {@code [from, to)} of a row, added into {@code acc} (s, wc, wv at 0, 4, 8). Modified: acc. */
    static void lanes(int from, int to, double mx, double[] c, double[] z, double[] v, double[] acc) {
        for (int j = from; j < to; j++) {
            int l = j & (LANES - 1);
            double e = lmo.numeric.ExpPoly.exp(z[j] - mx);
            acc[l] += e;
            acc[4 + l] = Math.fma(e, c[j], acc[4 + l]);
            acc[8 + l] = Math.fma(e, v[j], acc[8 + l]);
        }
    }

    /** {@code out = {mx, s, wc, wv}} from the lanes. Modified: out. */
    static void finish(double mx, double[] acc, double[] out) {
        out[0] = mx;
        for (int k = 0; k < 3; k++) {
            int o = 4 * k;
            out[1 + k] = (acc[o] + acc[o + 1]) + (acc[o + 2] + acc[o + 3]);
        }
    }

    /** Columns whose max is -inf (all entries -inf, sum NaN) become the empty pair. Modified: sum. */
    static void emptyColumns(double[] max, double[] sum) {
        for (int j = 0; j < max.length; j++) if (max[j] == Double.NEGATIVE_INFINITY) sum[j] = 0.0;
    }
}
