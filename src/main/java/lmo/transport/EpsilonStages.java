package lmo.transport;

/**
 * Epsilon scaling with inner iterations (POT's {@code sinkhorn_epsilon_scaling}, in the form of a step rule): stage
 * s = 0, 1, 2, ... runs Sinkhorn iterations at {@code beta_s = min(beta_0 sigma^s, beta_max)} (the stage's beta of an
 * {@link InverseTemperature#epsilonScaling} schedule, epsilon_s = 1 / beta_s), warm-started from the previous stage's
 * potentials, until an iteration's plan has a second-marginal l1 error of at most {@code innerTolerance} or the stage
 * has run {@code innerIterations} iterations; then the next stage starts. The last stage (beta_max) runs until the
 * run ends (its step count, or the model's tolerance). One engine step is one iteration, as for every schedule, so
 * the beta of a step depends on the data: the stage is model global state, {@link #LENGTH} doubles
 * {@code [stage, iterations done in it]}, hashed and checkpointed with the rest.
 *
 * <p>The error read is the one the v-update's pass gives at no extra cost: the plan {@code (u_k, v_{k-1})} at
 * beta_k against q ({@link OnlineSinkhorn#SECOND_ERROR}); after a u-update the first marginal is exact, so it is the
 * plain iteration's stopping criterion. A stage's first iteration sees the previous stage's v at a new beta, so its
 * error is large; {@code innerIterations} bounds a stage whose tolerance is out of reach.
 */
public final class EpsilonStages {
    /** Global-state slots: the stage, the iterations done in it. */
    public static final int LENGTH = 2;

    private final InverseTemperature schedule;
    private final int innerIterations;
    private final double innerTolerance;
    private final int last;

    /**
     * @param schedule an {@link InverseTemperature#epsilonScaling} schedule: stage s runs at its beta(s)
     * @param innerIterations the most iterations of a stage before the last, >= 1
     * @param innerTolerance the second-marginal error that ends a stage, >= 0 (0: every stage runs innerIterations)
     */
    public EpsilonStages(InverseTemperature schedule, int innerIterations, double innerTolerance) {
        if (schedule.kind() != InverseTemperature.Kind.EPSILON_SCALING) {
            throw new IllegalArgumentException("stages need an epsilon-scaling schedule: " + schedule.describe());
        }
        if (innerIterations < 1) throw new IllegalArgumentException("innerIterations must be >= 1: " + innerIterations);
        if (!(innerTolerance >= 0)) throw new IllegalArgumentException("innerTolerance must be >= 0: " + innerTolerance);
        this.schedule = schedule;
        this.innerIterations = innerIterations;
        this.innerTolerance = innerTolerance;
        int s = 0;
        while (schedule.beta(s) < schedule.betaMax()) {
            if (s > 0 && !(schedule.beta(s) > schedule.beta(s - 1))) {   // sigma = 1: beta_max is never reached
                throw new IllegalArgumentException("stages need sigma > 1: " + schedule.describe());
            }
            s++;
        }
        this.last = s;
    }

    /** The state of step 0: stage 0, no iteration done. */
    public static double[] initial() {
        return new double[LENGTH];
    }

    /** The stage of a state. */
    public static int stage(double[] state) {
        return (int) state[0];
    }

    /** The beta of a state's stage. */
    public double beta(double[] state) {
        return schedule.beta(stage(state));
    }

    /** The index of the last stage, whose beta is beta_max. */
    public int lastStage() {
        return last;
    }

    /**
     * The state after an iteration of {@code state}'s stage whose plan had the second-marginal error {@code error}:
     * the next stage when the error is at most the inner tolerance or the stage has run its inner iterations (never
     * past the last stage), else one more iteration done. A NaN error ends no stage (the run's divergence check
     * names it).
     */
    public double[] next(double[] state, double error) {
        int s = stage(state), done = (int) state[1] + 1;
        if (s < last && (error <= innerTolerance || done >= innerIterations)) return new double[] {s + 1, 0};
        return new double[] {s, done};
    }

    /** One line for the run's conventions. */
    public String describe() {
        return "stages: iterations at beta_s of " + schedule.describe() + ", the next stage after an iteration whose"
                + " second-marginal l1 error is <= " + innerTolerance + " or after " + innerIterations + " iterations;"
                + " the last stage (beta_max) runs to the end";
    }
}
