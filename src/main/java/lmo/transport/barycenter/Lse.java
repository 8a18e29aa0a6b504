package lmo.transport.barycenter;

/**
 * Max-stabilised log-sum-exp, {@code LSE(v) = M + log sum_i exp(v_i - M)} with {@code M = max v}; -infinity for an
 * empty or all -infinity input. Private to the package: lmo.transport.LogSumExp replaces it at the merge.
 */
final class Lse {
    private Lse() {}

    /** {@code LSE(v[from .. to))}. */
    static double of(double[] v, int from, int to) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) if (v[i] > m) m = v[i];
        if (m == Double.NEGATIVE_INFINITY) return m;
        double s = 0;
        for (int i = from; i < to; i++) s += Math.exp(v[i] - m);
        return m + Math.log(s);
    }

    /** Combines partials (max m_b, sum s_b = sum exp(v - m_b)) in the order given: {@code LSE = M + log sum_b s_b exp(m_b - M)}. */
    static double combine(double[] max, double[] sum, int from, int to, int stride) {
        double m = Double.NEGATIVE_INFINITY;
        for (int b = from; b < to; b += stride) if (max[b] > m) m = max[b];
        if (m == Double.NEGATIVE_INFINITY) return m;
        double s = 0;
        for (int b = from; b < to; b += stride) s += sum[b] * Math.exp(max[b] - m);
        return m + Math.log(s);
    }
}
