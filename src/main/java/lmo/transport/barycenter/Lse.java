package lmo.transport.barycenter;

/**
 * The fold of strided (max, sum) partials into one log-sum-exp (the particles' column sums of
 * {@link NoisyParticleDescent}, block by block); single arrays use {@link lmo.transport.LogSumExp#of}.
 */
final class Lse {
    private Lse() {}

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
