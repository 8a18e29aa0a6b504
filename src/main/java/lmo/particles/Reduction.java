package lmo.particles;

/**
 * What one reduce round combines over all blocks, in block order.
 *
 * <ul>
 *   <li>{@link Kind#CONCAT}: each block writes {@code length} doubles per particle ({@code count * length}); the
 *       summary is their concatenation in block order (every population's blocks, one row per particle in id order;
 *       the model leaves the rows of populations it does not use at zero) — per-particle rows that a model's
 *       {@link lmo.model.Model#globalStep global step} needs together (rows of a kernel matrix, say).</li>
 *   <li>{@link Kind#SUM}: each block writes {@code length} doubles; the summary is their sum, added block by block
 *       in block order (so it does not depend on placement).</li>
 *   <li>{@link Kind#GATHER}: the engine concatenates the positions and masses of every particle of every population,
 *       in id order; the model writes nothing.</li>
 *   <li>{@link Kind#LOG_SUM_EXP}: {@code terms} log-sum-exps over particles, e.g. one Sinkhorn half-step
 *       {@code LSE_i (u_i + log p_i - beta c(x_i, y_j))} per point y_j of another measure. A block writes
 *       {@code length = 2 terms} doubles, the max-stabilised pairs {@code (M_j, S_j)} with
 *       {@code LSE_j = M_j + log S_j}: maxima at {@code [0, terms)}, scaled sums at {@code [terms, 2 terms)}. The engine
 *       hands the model a buffer holding the identity {@code (-Infinity, 0)} and folds the blocks in block order
 *       with {@code (M, S) + (M', S') = (N, S e^(M - N) + S' e^(M' - N))}, {@code N = max(M, M')}: no overflow at any
 *       inverse temperature, and the same bits whatever the placement.</li>
 * </ul>
 */
public record Reduction(Kind kind, int length) {
    public enum Kind { SUM, GATHER, CONCAT, LOG_SUM_EXP }

    public static Reduction sum(int length) {
        if (length < 0) throw new IllegalArgumentException("length < 0");
        return new Reduction(Kind.SUM, length);
    }

    public static Reduction gather() { return new Reduction(Kind.GATHER, 0); }

    /** {@code terms} max-stabilised log-sum-exps, {@code 2 terms} doubles (see {@link Kind#LOG_SUM_EXP}). */
    public static Reduction logSumExp(int terms) {
        if (terms < 0) throw new IllegalArgumentException("terms < 0");
        return new Reduction(Kind.LOG_SUM_EXP, 2 * terms);
    }

    /** A block's partial buffer for a SUM or LOG_SUM_EXP round, holding the identity of the fold. */
    public double[] identity() {
        double[] out = new double[length];
        if (kind == Kind.LOG_SUM_EXP) java.util.Arrays.fill(out, 0, length / 2, Double.NEGATIVE_INFINITY);
        return out;
    }

    /** {@code acc <- acc + part} for a SUM or LOG_SUM_EXP round (the fold the engine applies in block order). */
    public void fold(double[] acc, double[] part) {
        if (kind == Kind.SUM) {
            for (int i = 0; i < length; i++) acc[i] += part[i];
            return;
        }
        if (kind != Kind.LOG_SUM_EXP) throw new IllegalStateException(kind + " partials are not folded");
        int terms = length / 2;
        for (int j = 0; j < terms; j++) {
            double m = acc[j], mp = part[j];
            if (mp == Double.NEGATIVE_INFINITY) continue;
            if (mp <= m) {
                acc[terms + j] += part[terms + j] * Math.exp(mp - m);
            } else {
                acc[terms + j] = acc[terms + j] * Math.exp(m - mp) + part[terms + j];
                acc[j] = mp;
            }
        }
    }

    /** {@code M_j + log S_j}: term j of a combined LOG_SUM_EXP summary of {@code terms} terms. */
    public static double logSumExpOf(double[] summary, int terms, int j) {
        return summary[j] + Math.log(summary[terms + j]);
    }

    /** {@code perParticle} doubles per particle, concatenated in block order. */
    public static Reduction concat(int perParticle) {
        if (perParticle < 0) throw new IllegalArgumentException("length < 0");
        return new Reduction(Kind.CONCAT, perParticle);
    }
}
