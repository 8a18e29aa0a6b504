package lmo.family;

import lmo.scenario.ModelSpec;
import lmo.scenario.PotentialSpec;
import lmo.scenario.SamplesTarget;

/**
 * {@code model.type: ot}: entropic optimal transport between the particles of {@code population} (the sources,
 * with their masses) and a samples {@code target}, by log-domain Sinkhorn ({@link lmo.model.transport.OtModel}).
 *
 * @param cost {@code sqeuclidean} (|x - y|^2) or {@code half-sqeuclidean} (1/2 |x - y|^2)
 * @param normalize {@code none}, {@code max} or {@code oscillation} (the cost divided by max c, or max c - min c)
 * @param solver {@code sinkhorn}, {@code annealed}, {@code debiased-annealed} or {@code epsilon-scaling}
 * @param beta0 beta of {@code sinkhorn}, beta_0 of the others (on the normalised cost)
 * @param kappa the exponent of {@code annealed} / {@code debiased-annealed} (NaN otherwise)
 * @param sigma the factor of {@code epsilon-scaling} (NaN otherwise)
 * @param betaMax the cap of {@code epsilon-scaling} (NaN otherwise)
 * @param innerIterations {@code epsilon-scaling} in stages ({@link lmo.transport.EpsilonStages}): the most iterations
 *     of a stage; 0 for one iteration a beta (no stages)
 * @param innerTolerance the second-marginal error that ends a stage (NaN without stages)
 * @param tolerance the l1 first-marginal error at or below which {@code converged} is 1 ({@link #DEFAULT_TOLERANCE}
 *     when not given)
 * @param stopAtTolerance end the run at the first logged state whose {@code converged} is 1
 * @param omega over-relaxation: 1 plain Sinkhorn, NaN the adaptive factor, else the fixed factor
 */
public record OtSpec(String population, SamplesTarget target, String cost, String normalize, String solver,
                     double beta0, double kappa, double sigma, double betaMax, int innerIterations,
                     double innerTolerance, double tolerance,
                     boolean stopAtTolerance, double omega) implements ModelSpec {
    /** {@code model.tolerance} when the scenario gives none: the flag {@code converged} is always stated. */
    public static final double DEFAULT_TOLERANCE = 1e-6;

    /** {@code solver.innerIterations} when only {@code innerTolerance} is given (POT's {@code numInnerItermax}). */
    public static final int DEFAULT_INNER_ITERATIONS = 100;

    @Override public String type() { return "ot"; }
    @Override public PotentialSpec potential() { return null; }
}
