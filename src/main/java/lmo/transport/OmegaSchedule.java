package lmo.transport;

/**
 * The over-relaxation factor of accelerated Sinkhorn, chosen from the run's own convergence rate (after Thibault
 * et al. 2017). Plain Sinkhorn converges linearly at a rate kappa per iteration; its two half-steps are a block
 * Gauss–Seidel sweep, for which successive over-relaxation's best factor and the rate rho it observes at a factor
 * omega below that best are
 * <pre>
 *   omega* = 2 / (1 + sqrt(1 - kappa))   (rate omega* - 1 instead of kappa),     (rho + omega - 1)^2 = rho omega^2 kappa
 * </pre>
 * (W1: kappa = 0.857, omega* = 1.45, rate 0.45). The schedule starts at {@link #START} (below omega* whenever
 * kappa &gt; 0.65, where acceleration matters; harmless above it), and after {@link #WARMUP} iterations estimates
 * rho from the changes of the potentials {@code Delta_k = sum_j q_j |v_k,j - v_k-1,j|} (the limit of their ratios by
 * Aitken's extrapolation), inverts the relation for kappa and keeps omega* from then on. Capped at
 * {@link Overrelaxation#MAX_OMEGA}; each step is made safe coordinate by coordinate by {@link Overrelaxation}, so a
 * poor estimate costs speed, never convergence. Measured on W1 (n = 1000, to 1e-6): 89 plain iterations, 22 at the
 * best fixed factor 1.5, 23 adaptive. A fixed factor skips the estimation.
 *
 * <p>The state is a few doubles (a model's global state: checkpointed and hashed), a pure function of the run's
 * iterates, so the factor is the same on any number of shards.
 */
public final class OmegaSchedule {
    /** Iterations at {@link #START} before the estimate. */
    public static final int WARMUP = 4;

    /** The factor of the first iterations. */
    public static final double START = 1.3;

    /** State layout: omega, the estimated kappa (0 before), whether fixed, iterations seen, the last 4 Deltas. */
    static final int OMEGA = 0, KAPPA = 1, FIXED = 2, COUNT = 3, DELTAS = 4;

    /** Doubles of state. */
    public static final int LENGTH = DELTAS + 4;

    private OmegaSchedule() {}

    /** The adaptive schedule's initial state (omega = {@link #START}). */
    public static double[] adaptive() {
        double[] s = new double[LENGTH];
        s[OMEGA] = START;
        return s;
    }

    /** A fixed factor in {@code [1, MAX_OMEGA]}. */
    public static double[] fixed(double omega) {
        if (!(omega >= 1 && omega <= Overrelaxation.MAX_OMEGA)) {
            throw new IllegalArgumentException("omega must be in [1, " + Overrelaxation.MAX_OMEGA + "], not " + omega);
        }
        double[] s = new double[LENGTH];
        s[OMEGA] = omega;
        s[FIXED] = 1.0;
        return s;
    }

    /** The factor of the current iteration. */
    public static double omega(double[] state) { return state[OMEGA]; }

    /** The best factor for a plain rate kappa in [0, 1). */
    public static double best(double kappa) {
        return Math.min(Overrelaxation.MAX_OMEGA, 2 / (1 + Math.sqrt(1 - kappa)));
    }

    /** The state after an iteration whose potentials changed by {@code delta} (a new array). */
    public static double[] next(double[] state, double delta) {
        double[] s = state.clone();
        System.arraycopy(state, DELTAS, s, DELTAS + 1, 3);
        s[DELTAS] = delta;
        s[COUNT] = state[COUNT] + 1;
        if (s[FIXED] != 0 || s[KAPPA] != 0 || s[COUNT] < WARMUP) return s;
        double rho = rate(s[DELTAS + 3], s[DELTAS + 2], s[DELTAS + 1], s[DELTAS]);
        double w = s[OMEGA];
        double kappa = (rho + w - 1) * (rho + w - 1) / (rho * w * w);
        if (!(rho > 0 && rho < 1 && kappa > 0)) return s;   // no estimate yet (converged, or not contracting)
        s[KAPPA] = Math.min(kappa, 0.9999);
        s[OMEGA] = best(s[KAPPA]);
        return s;
    }

    /**
     * The limit of the ratios {@code r_k = d_k / d_k-1} of four successive changes, by Aitken's extrapolation
     * {@code r - (r - r')^2 / (r - 2 r' + r'')} (the ratios approach the rate geometrically from below); the last ratio
     * when the extrapolation does not apply.
     */
    static double rate(double d0, double d1, double d2, double d3) {
        double r1 = d1 / d0, r2 = d2 / d1, r3 = d3 / d2;
        double den = r3 - 2 * r2 + r1;
        double kappa = r3 - (r3 - r2) * (r3 - r2) / den;
        return den < 0 && kappa > r3 && kappa < 1 ? kappa : r3;
    }
}
