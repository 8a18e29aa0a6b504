package lmo.transport;

/**
 * Online metrics of the plan {@code pi_t[i,j] = exp(u_i + log p_i + v_j + log q_j - beta_t c_ij)} after iteration t,
 * computed in a row pass without storing the plan. With {@code L_i = LSE_j(v_j + log q_j - beta_t c_ij)} and the
 * softmax weights {@code w_ij = exp(v_j + log q_j - beta_t c_ij - L_i)}:
 * <ul>
 *   <li>{@code (pi_t 1)_i = p_i exp(u_i + L_i)} (the row mass);</li>
 *   <li>{@code marginalError = sum_i |(pi_t 1)_i - p_i|} (l1, first marginal);</li>
 *   <li>{@code secondMarginalError = sum_j |(pi_t^T 1)_j - q_j|} (l1, second marginal: zero up to rounding after a
 *   plain v-update, not after an over-relaxed one; from {@link OnlineSinkhorn#vUpdate});</li>
 *   <li>{@code cost = <C, pi_t> = sum_i (pi_t 1)_i sum_j w_ij c_ij} (on the normalised cost);</li>
 *   <li>{@code mass = sum_ij pi_t[i,j]};</li>
 *   <li>{@code kl = KL(pi_t | p (x) q) = sum_ij pi log(pi / (p_i q_j)) - mass + |p| |q|}, with
 *   {@code log(pi_ij / (p_i q_j)) = u_i + v_j - beta_t c_ij};</li>
 *   <li>{@code primal = cost + kl / beta_t} (the entropic objective with reference {@code p (x) q}, evaluated at
 *   pi_t, which is not in Gamma(p, q) until the first marginal error vanishes);</li>
 *   <li>{@code dual = (<u, p> + <v, q> - mass + |p| |q|) / beta_t}: the dual of
 *   {@code min <C, pi> + beta^{-1} KL(pi | p (x) q)} over Gamma(p, q) at the potentials {@code f = u / beta},
 *   {@code g = v / beta}; a lower bound of that minimum for any (u, v), equal to it at the optimum. The paper's
 *   reference {@code pi_ref = (nm)^{-1} 1 1^T} shifts both by {@code beta^{-1} sum pi log(nm p_i q_j)}
 *   (zero for uniform weights).</li>
 * </ul>
 *
 * @param iteration t (the plan after t full iterations)
 * @param beta      beta_t
 */
public record PlanMetrics(int iteration, double beta, double marginalError, double secondMarginalError, double cost,
                          double mass, double kl, double primal, double dual) {

    /** Slots of the per-block partial sums filled by {@link OnlineSinkhorn#uRows}. */
    public static final int ERROR = 0, MASS = 1, COST = 2, LOG_RATIO = 3, PU = 4, SLOTS = 5;

    /** The metrics from summed block partials, {@code <v, q>}, the masses |p|, |q| and the second marginal's error. */
    public static PlanMetrics of(int t, double beta, double[] partial, double vq, double massPQ, double secondError) {
        double mass = partial[MASS];
        double kl = partial[LOG_RATIO] - mass + massPQ;
        double cost = partial[COST];
        return new PlanMetrics(t, beta, partial[ERROR], secondError, cost, mass, kl, cost + kl / beta,
                (partial[PU] + vq - mass + massPQ) / beta);
    }

    /** The larger of the two marginal errors: what stopping at a tolerance compares. */
    public double worstMarginalError() {
        return Math.max(marginalError, secondMarginalError);
    }
}
