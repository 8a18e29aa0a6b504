package lmo.transport;

import java.util.Arrays;

/**
 * The exact {@code min} and {@code max} over all pairs of the raw cost {@code k(x_i, y_j)} of {@link Cost}, the same
 * values as a pass over all n m pairs (min and max do not depend on the order), without visiting most pairs. Bounds
 * are computed with the operations of {@code k} on the bounding box of y; correctly rounded subtraction, square and
 * sum are monotone, so a bound on the exact inputs is a bound on the computed k:
 * <ul>
 *   <li>max: {@code ub_i = factor sum_k max((x_ik - lo_k)^2, (x_ik - hi_k)^2) >= k(x_i, y_j)}; rows by ub descending,
 *       stop at the first row whose ub is not above the max so far (every pair of a visited row is computed);</li>
 *   <li>min: {@code factor (x_i0 - y_j0)^2 <= k(x_i, y_j)}; targets sorted by coordinate 0, each row scans outwards
 *       from x_i0 and stops on each side when that bound is not below the min so far.</li>
 * </ul>
 * Points with a coordinate that is not finite fall back to the pass over all pairs (a NaN k is skipped, as there).
 */
final class CostRange {
    private CostRange() {}

    /** {@code {min k, max k}} over all pairs. */
    static double[] of(double[] x, int n, double[] y, int m, int d, Cost.Kind kind) {
        if (!allFinite(x) || !allFinite(y)) return Cost.rawRangeAllPairs(x, n, y, m, d, kind);
        return new double[] {min(x, n, y, m, d, kind), max(x, n, y, m, d, kind)};
    }

    private static boolean allFinite(double[] a) {
        for (double v : a) if (!Double.isFinite(v)) return false;
        return true;
    }

    private static double max(double[] x, int n, double[] y, int m, int d, Cost.Kind kind) {
        double[] lo = new double[d], hi = new double[d];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < d; k++) {
                lo[k] = Math.min(lo[k], y[j * d + k]);
                hi[k] = Math.max(hi[k], y[j * d + k]);
            }
        }
        double f = kind.factor;
        double[] ub = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            double s = 0.0;
            for (int k = 0; k < d; k++) {
                double a = x[i * d + k] - lo[k], b = x[i * d + k] - hi[k];
                s += Math.max(a * a, b * b);
            }
            ub[i] = f == 1.0 ? s : f * s;
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> Double.compare(ub[q], ub[p]));
        double best = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < n; r++) {
            int i = order[r];
            if (ub[i] <= best) break;
            for (int j = 0; j < m; j++) best = Math.max(best, Cost.raw(x, i, y, j, d, kind));
        }
        return best;
    }

    private static double min(double[] x, int n, double[] y, int m, int d, Cost.Kind kind) {
        double f = kind.factor;
        double[] y0 = new double[m];
        Integer[] byY0 = new Integer[m];
        for (int j = 0; j < m; j++) byY0[j] = j;
        Arrays.sort(byY0, (p, q) -> Double.compare(y[p * d], y[q * d]));
        for (int r = 0; r < m; r++) y0[r] = y[byY0[r] * d];
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double xi = x[i * d];
            int p = lowerBound(y0, xi);
            for (int r = p; r < m; r++) {              // y0 >= xi, moving right: (xi - y0)^2 grows
                double t = xi - y0[r];
                if ((f == 1.0 ? t * t : f * (t * t)) >= best) break;
                best = Math.min(best, Cost.raw(x, i, y, byY0[r], d, kind));
            }
            for (int r = p - 1; r >= 0; r--) {         // y0 < xi, moving left
                double t = xi - y0[r];
                if ((f == 1.0 ? t * t : f * (t * t)) >= best) break;
                best = Math.min(best, Cost.raw(x, i, y, byY0[r], d, kind));
            }
        }
        return best;
    }

    /** The first index r with {@code a[r] >= v} (a sorted ascending), or a.length. */
    private static int lowerBound(double[] a, double v) {
        int lo = 0, hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
