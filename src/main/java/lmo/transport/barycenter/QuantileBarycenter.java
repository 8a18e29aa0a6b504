package lmo.transport.barycenter;

/**
 * The unregularised Wasserstein barycenter (lambda = tau = 0) of measures on a line grid, by averaging quantile
 * functions: {@code Q(u) = sum_k w_k Q_k(u)}. For measures with atoms at grid nodes, every Q_k is constant between
 * consecutive breakpoints of the cumulative weights, so the barycenter is exact: one atom per interval of u, at
 * {@code sum_k w_k x_k} with mass the interval's length. Each atom is split between its two neighbouring grid nodes
 * in proportion to its distance (which keeps the mean exact); the grid must cover the inputs' supports.
 */
public final class QuantileBarycenter {
    private QuantileBarycenter() {}

    /**
     * @param grid a grid of dimension 1
     * @param logInputs per input, normalised log-weights on the grid ({@code -inf} where 0)
     * @param w the weights w_k, summing to 1
     * @return the barycenter's weights on the grid (summing to 1)
     */
    public static double[] onGrid(TensorGrid grid, double[][] logInputs, double[] w) {
        if (grid.dim() != 1) throw new IllegalArgumentException("the quantile barycenter needs a line grid, got dim " + grid.dim());
        int n = grid.size(), kIn = logInputs.length;
        double[] out = new double[n];
        int[] at = new int[kIn];
        double[] left = new double[kIn];   // weight of the current atom of input k not yet used
        for (int k = 0; k < kIn; k++) {
            at[k] = -1;
            left[k] = 0;
        }
        double h = grid.spacing(0), lo = grid.coordinate(0, 0);
        while (true) {
            for (int k = 0; k < kIn; k++) {
                while (left[k] <= 0 && at[k] < n - 1) left[k] = Math.exp(logInputs[k][++at[k]]);
            }
            double step = Double.POSITIVE_INFINITY;
            for (int k = 0; k < kIn; k++) step = Math.min(step, left[k]);
            if (!(step > 0)) break;
            double x = 0;
            for (int k = 0; k < kIn; k++) {
                x += w[k] * grid.coordinate(0, at[k]);
                left[k] -= step;
            }
            double pos = (x - lo) / h;
            int i = Math.max(0, Math.min(n - 2, (int) Math.floor(pos)));
            double frac = Math.max(0, Math.min(1, pos - i));
            out[i] += step * (1 - frac);
            out[i + 1] += step * frac;
        }
        double total = 0;
        for (double v : out) total += v;
        for (int l = 0; l < n; l++) out[l] /= total;
        return out;
    }
}
