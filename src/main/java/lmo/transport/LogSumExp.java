package lmo.transport;

/**
 * The max-stabilised streaming log-sum-exp: a pair {@code (m, s)} stands for {@code LSE = m + log s}, i.e.
 * {@code sum_k e^{x_k} = s e^m}, with {@code m = max_k x_k} (so {@code 1 <= s <= count}).
 *
 * <ul>
 *   <li>Empty: {@code (-inf, 0)}, whose value is {@code -inf}.</li>
 *   <li>Adding x: if {@code x > m}: {@code (x, s e^{m - x} + 1)}; else {@code (m, s + e^{x - m})}; an entry
 *   {@code x = -inf} is skipped (it adds {@code e^{-inf} = 0}).</li>
 *   <li>Combine (associative, with the empty pair as unit):
 *   {@code (m, s) + (m', s') = (M, s e^{m - M} + s' e^{m' - M})}, {@code M = max(m, m')}; two empties stay empty.</li>
 * </ul>
 *
 * <p>Combine is associative in exact arithmetic only; in floating point the bits depend on the order. The solver
 * therefore fixes the order: entries in row order within a block, block partials combined in block order. Combining
 * in that fixed order makes results independent of where (which thread, shard or JVM) each block was computed.
 *
 * <p>The column arrays {@code max[]}, {@code sum[]} hold one pair per column; methods modify only the arrays
 * named as output.
 */
public final class LogSumExp {
    private LogSumExp() {}

    /** Sets every pair of {@code max, sum} to the empty pair {@code (-inf, 0)}. Modified: max, sum. */
    public static void clear(double[] max, double[] sum) {
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(sum, 0.0);
    }

    /** Adds entry x to pair j. Modified: max[j], sum[j]. */
    public static void add(double[] max, double[] sum, int j, double x) {
        double mj = max[j];
        if (x > mj) {
            sum[j] = sum[j] * Math.exp(mj - x) + 1.0;
            max[j] = x;
        } else if (x > Double.NEGATIVE_INFINITY) {
            sum[j] += Math.exp(x - mj);
        }
    }

    /**
     * Pair-wise combine {@code (max, sum)[j] <- (max, sum)[j] + (otherMax, otherSum)[j]} for j in {@code [from, to)};
     * the left operand comes first in the fixed order. Modified: max, sum.
     */
    public static void combine(double[] max, double[] sum, double[] otherMax, double[] otherSum, int from, int to) {
        for (int j = from; j < to; j++) {
            double a = max[j];
            double b = otherMax[j];
            double mm = Math.max(a, b);
            if (mm == Double.NEGATIVE_INFINITY) continue;  // both empty
            sum[j] = sum[j] * Math.exp(a - mm) + otherSum[j] * Math.exp(b - mm);
            max[j] = mm;
        }
    }

    /** The value {@code m + log s} of a pair ({@code -inf} when empty). */
    public static double value(double max, double sum) {
        return max == Double.NEGATIVE_INFINITY ? Double.NEGATIVE_INFINITY : max + Math.log(sum);
    }

    /**
     * {@code LSE_k a[k]} over {@code [from, to)} by two passes (max, then {@code sum e^{a_k - max}}); {@code -inf}
     * when empty or all entries are {@code -inf}.
     */
    public static double of(double[] a, int from, int to) {
        double mm = Double.NEGATIVE_INFINITY;
        for (int k = from; k < to; k++) if (a[k] > mm) mm = a[k];
        if (mm == Double.NEGATIVE_INFINITY) return mm;
        if (mm == Double.POSITIVE_INFINITY) return mm;
        double s = 0.0;
        for (int k = from; k < to; k++) s += Math.exp(a[k] - mm);
        return mm + Math.log(s);
    }
}
