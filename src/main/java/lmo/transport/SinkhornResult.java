package lmo.transport;

import java.util.List;

/**
 * The outcome of an {@link OnlineSinkhorn} solve: the log-domain potentials of the last plan
 * {@code pi[i,j] = exp(u_i + log p_i + v_j + log q_j - beta c_ij)} (u on the n rows, v on the m columns, on the
 * normalised cost; the entropic potentials in cost units are u / beta, v / beta), that plan's beta, the number of
 * completed iterations, the per-iteration {@link PlanMetrics} (entry k is the plan after iteration k + 1) and the
 * status.
 *
 * @param converged  computed once at the end: {@code tolerance} was given and the last plan's marginal error is
 *                   {@code <= tolerance}; false when no tolerance was given (there is no criterion to meet)
 * @param tolerance  the l1 first-marginal tolerance, NaN if none
 * @param cost       {@link Cost#describe()} of the cost solved
 * @param schedule   {@link InverseTemperature#describe()} of the schedule
 */
public record SinkhornResult(double[] u, double[] v, double beta, int iterations, boolean converged, double tolerance,
                             List<PlanMetrics> history, String cost, String schedule) {

    /** The metrics of the last plan. */
    public PlanMetrics last() {
        return history.get(history.size() - 1);
    }
}
