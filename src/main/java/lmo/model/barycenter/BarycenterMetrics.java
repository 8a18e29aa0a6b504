package lmo.model.barycenter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metric columns both barycenter solvers log, in this order: {@code mean_c} and {@code variance_c} per coordinate
 * c of the barycenter estimate, {@code covariance_ab} for a < b, {@code marginalError_k} (the l1 inner marginal
 * error of the plan towards input k), with the particles' inner solve to a tolerance {@code innerIterations_k} (its
 * Sinkhorn rounds this step), and, when every input is an isotropic Gaussian, the distance to the closed form of the
 * (lambda, tau)-barycenter: {@code meanError} = |mean - sum_k w_k m_k| (euclidean) and {@code varianceError} =
 * max_c |variance_c - s^2| / s^2 (relative).
 */
public final class BarycenterMetrics {
    private final int dim;
    private final int inputs;
    private final double[] referenceMean;
    private final double referenceVariance;
    private final double lambda;
    private final double tau;
    private final boolean innerIterations;

    /**
     * @param referenceMean the closed-form mean, or null when the inputs are not all isotropic Gaussians
     * @param referenceVariance the closed-form variance per coordinate (ignored without a mean)
     */
    public BarycenterMetrics(int dim, int inputs, double[] referenceMean, double referenceVariance) {
        this(dim, inputs, referenceMean, referenceVariance, Double.NaN, Double.NaN, false);
    }

    private BarycenterMetrics(int dim, int inputs, double[] referenceMean, double referenceVariance, double lambda,
                              double tau, boolean innerIterations) {
        this.innerIterations = innerIterations;
        this.lambda = lambda;
        this.tau = tau;
        this.dim = dim;
        this.inputs = inputs;
        this.referenceMean = referenceMean == null ? null : referenceMean.clone();
        this.referenceVariance = referenceVariance;
        if (referenceMean != null && (referenceMean.length != dim || !(referenceVariance > 0))) {
            throw new IllegalArgumentException("the closed form needs a mean of dimension " + dim + " and a variance > 0");
        }
    }

    /** These metrics of the (lambda, tau) problem, whose conventions {@link #conventions} then states. */
    public BarycenterMetrics stating(double lambda, double tau) {
        return new BarycenterMetrics(dim, inputs, referenceMean, referenceVariance, lambda, tau, innerIterations);
    }

    /**
     * These metrics with the columns {@code innerIterations_k} after {@code marginalError_k}, and marginalError_k
     * stated as the particles' inner solve to a tolerance measures it.
     */
    BarycenterMetrics withInnerIterations() {
        return new BarycenterMetrics(dim, inputs, referenceMean, referenceVariance, lambda, tau, true);
    }

    /**
     * The conventions of both solvers' numbers, for {@code summary.json}: the cost (1/2 |x - y|^2, not normalised),
     * the objective and what lambda and tau weigh, and which closed form {@code meanError}, {@code varianceError}
     * measure against.
     */
    Map<String, Object> conventions() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("cost", "half-sqeuclidean |x - y|^2 / 2, not normalised");
        c.put("objective", "sum_k w_k T_lambda(mu, nu_k) + tau H(mu), T_lambda(mu, nu) = min <c, gamma> + lambda"
                + " KL(gamma | mu (x) nu), H the entropy relative to Lebesgue");
        if (!Double.isNaN(lambda)) c.put("lambda", lambda);
        if (!Double.isNaN(tau)) c.put("tau", tau);
        c.put("marginalError_k", innerIterations
                ? "l1 error of the second (input-side) marginal of the plan towards input k that the drift uses (its"
                        + " first marginal is exact)"
                : "l1 error of the first (barycenter-side) marginal of the plan towards input k");
        if (innerIterations) c.put("innerIterations_k", "Sinkhorn rounds towards input k this step");
        if (referenceMean != null) {
            c.put("closedForm", "meanError = |mean - sum_k w_k m_k|; varianceError = max_c |variance_c - s^2| / s^2,"
                    + " s^2 = " + referenceVariance + " the (lambda, tau) closed form for isotropic Gaussians");
        }
        return c;
    }

    List<String> names() {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < dim; c++) out.add("mean_" + c);
        for (int c = 0; c < dim; c++) out.add("variance_" + c);
        for (int a = 0; a < dim; a++) for (int b = a + 1; b < dim; b++) out.add("covariance_" + a + b);
        for (int k = 0; k < inputs; k++) out.add("marginalError_" + k);
        if (innerIterations) for (int k = 0; k < inputs; k++) out.add("innerIterations_" + k);
        if (referenceMean != null) {
            out.add("meanError");
            out.add("varianceError");
        }
        return out;
    }

    /**
     * The row of {@link #names()}.
     *
     * @param mean the mean per coordinate
     * @param covariance d x d row-major
     * @param errors per input
     */
    double[] values(double[] mean, double[] covariance, double[] errors) {
        return values(mean, covariance, errors, null);
    }

    /** The row of {@link #names()}, with the inner rounds per input ({@link #withInnerIterations}). */
    double[] values(double[] mean, double[] covariance, double[] errors, double[] innerRounds) {
        double[] out = new double[names().size()];
        int at = 0;
        for (int c = 0; c < dim; c++) out[at++] = mean[c];
        for (int c = 0; c < dim; c++) out[at++] = covariance[c * dim + c];
        for (int a = 0; a < dim; a++) for (int b = a + 1; b < dim; b++) out[at++] = covariance[a * dim + b];
        for (int k = 0; k < inputs; k++) out[at++] = errors[k];
        if (innerIterations) for (int k = 0; k < inputs; k++) out[at++] = innerRounds[k];
        if (referenceMean != null) {
            double d2 = 0, worst = 0;
            for (int c = 0; c < dim; c++) {
                d2 += (mean[c] - referenceMean[c]) * (mean[c] - referenceMean[c]);
                worst = Math.max(worst, Math.abs(covariance[c * dim + c] - referenceVariance) / referenceVariance);
            }
            out[at++] = Math.sqrt(d2);
            out[at] = worst;
        }
        return out;
    }
}
