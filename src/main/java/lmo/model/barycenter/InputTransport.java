package lmo.model.barycenter;

import lmo.transport.barycenter.PointCloud;

/**
 * The online log-domain transport between a block of particles {@code (X_i, a_i)} and one input
 * {@code nu = sum_j b_j delta_{y_j}}, cost {@code c(x, y) = 1/2 |x - y|^2}, inner strength lambda; no N x M matrix,
 * cost entries are recomputed on the fly (summed coordinate by coordinate from the differences).
 *
 * <pre>
 *   c-transform of g (rows):     f_i = -lambda LSE_j( (g_j - c(X_i, y_j)) / lambda + log b_j )
 *   conditional mean:            E[Y | X_i] = sum_j softmax_j( (g_j - c(X_i, y_j)) / lambda + log b_j ) y_j
 *   column partial (for g):      the pair (M_j, S_j) of LSE_i( (f_i - c(X_i, y_j)) / lambda + log a_i ) over the block
 * </pre>
 *
 * Column partials are computed in two passes over the block (max, then the sum of exponentials in particle order),
 * so they are a function of the block alone; the engine folds them in block order. Terms more than 60 below the
 * maximum are skipped in row and column sums (each below e^-60 of the largest term, which adds exactly 1: at a small
 * lambda most pairs, and most of the exponentials' cost). Stateless: one instance per input,
 * shared by all threads.
 */
final class InputTransport {
    /** Row terms this far below the maximum are skipped (their sum is below the rounding of the row's sum). */
    static final double NEGLIGIBLE = -60;

    private final int dim;
    private final double[] y;
    private final double[] logB;
    private final double lambda;

    InputTransport(PointCloud input, double lambda) {
        this.dim = input.dim();
        this.y = input.points();
        this.logB = new double[input.size()];
        for (int j = 0; j < logB.length; j++) logB[j] = Math.log(input.weights()[j]);
        this.lambda = lambda;
    }

    /** The number of input points M. */
    int size() { return logB.length; }

    /** {@code h_j = g_j / lambda + log b_j}, the row terms' part that does not depend on X. */
    double[] rowOffsets(double[] g, int from) {
        double[] h = new double[logB.length];
        for (int j = 0; j < h.length; j++) h[j] = g[from + j] / lambda + logB[j];
        return h;
    }

    /**
     * The c-transform {@code f_i} of the particles {@code [0, count)} of {@code x} (flat, {@code dim} per particle),
     * written to {@code f}; with {@code mean != null}, also {@code E[Y | X_i]} into {@code mean[i*dim + c]}.
     *
     * @param h the row offsets of {@link #rowOffsets}
     * @param z scratch of length >= M
     */
    void rows(double[] x, int count, double[] h, double[] f, double[] mean, double[] z) {
        double inv2l = 1 / (2 * lambda);
        int m = h.length;
        for (int i = 0, at = 0; i < count; i++, at += dim) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0, yj = 0; j < m; j++, yj += dim) {
                double t = h[j] - squaredDistance(x, at, yj) * inv2l;
                z[j] = t;
                if (t > max) max = t;
            }
            double sum = 0;
            if (mean != null) {
                for (int c = 0; c < dim; c++) mean[at + c] = 0;
                for (int j = 0, yj = 0; j < m; j++, yj += dim) {
                    double d = z[j] - max;
                    if (d < NEGLIGIBLE) continue;
                    double e = Math.exp(d);
                    sum += e;
                    for (int c = 0; c < dim; c++) mean[at + c] += e * y[yj + c];
                }
                for (int c = 0; c < dim; c++) mean[at + c] /= sum;
            } else {
                for (int j = 0; j < m; j++) {
                    double d = z[j] - max;
                    if (d >= NEGLIGIBLE) sum += Math.exp(d);
                }
            }
            f[i] = -lambda * (max + Math.log(sum));
        }
    }

    /**
     * The block's column partial: for every input point j, the pair {@code out[j] = M_j}, {@code out[M + j] = S_j} of
     * {@code LSE_i((f_i - c(X_i, y_j)) / lambda + logA_i)} over {@code i in [0, count)}; the empty pair
     * {@code (-inf, 0)} where every term is {@code -inf}. Modified: out.
     */
    void columns(double[] x, int count, double[] f, double[] logA, double[] out) {
        columns(x, count, f, logA, out, logB.length);
    }

    /** {@link #columns}, the partial's pairs {@code (out[j], out[terms + j])} of a reduction of {@code terms} terms. */
    void columns(double[] x, int count, double[] f, double[] logA, double[] out, int terms) {
        double inv2l = 1 / (2 * lambda);
        int m = logB.length;
        double[] v = new double[count];
        for (int j = 0, yj = 0; j < m; j++, yj += dim) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0, at = 0; i < count; i++, at += dim) {
                double t = f[i] / lambda - squaredDistance(x, at, yj) * inv2l + logA[i];
                v[i] = t;
                if (t > max) max = t;
            }
            double sum = 0;
            if (max > Double.NEGATIVE_INFINITY) {
                for (int i = 0; i < count; i++) {
                    double d = v[i] - max;
                    if (d >= NEGLIGIBLE) sum += Math.exp(d);
                }
            }
            out[j] = max;
            out[terms + j] = sum;
        }
    }

    /**
     * {@code sum_i a_i f_i} over the block as two log-sum-exp pairs of a reduction of {@code terms} terms: term
     * {@code at} folds {@code log(a_i f_i)} over {@code f_i > 0}, term {@code at + 1} {@code log(-a_i f_i)} over
     * {@code f_i < 0}; the sum is then {@code exp(LSE_at) - exp(LSE_{at+1})} (see {@link #signedSum}). Modified: out.
     */
    static void signedPartial(double[] f, double[] logA, int count, double[] out, int at, int terms) {
        for (int sign = 0; sign < 2; sign++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < count; i++) {
                double v = sign == 0 ? f[i] : -f[i];
                if (v > 0) max = Math.max(max, logA[i] + Math.log(v));
            }
            double sum = 0;
            if (max > Double.NEGATIVE_INFINITY) {
                for (int i = 0; i < count; i++) {
                    double v = sign == 0 ? f[i] : -f[i];
                    if (v > 0) sum += Math.exp(logA[i] + Math.log(v) - max);
                }
            }
            out[at + sign] = max;
            out[terms + at + sign] = sum;
        }
    }

    /** The signed sum of {@link #signedPartial} from a combined summary of {@code terms} terms. */
    static double signedSum(double[] summary, int terms, int at) {
        double pos = summary[at] == Double.NEGATIVE_INFINITY ? 0 : Math.exp(lmo.particles.Reduction.logSumExpOf(summary, terms, at));
        double neg = summary[at + 1] == Double.NEGATIVE_INFINITY ? 0 : Math.exp(lmo.particles.Reduction.logSumExpOf(summary, terms, at + 1));
        return pos - neg;
    }

    private double squaredDistance(double[] x, int at, int yj) {
        double r2 = 0;
        for (int c = 0; c < dim; c++) {
            double u = x[at + c] - y[yj + c];
            r2 += u * u;
        }
        return r2;
    }
}
