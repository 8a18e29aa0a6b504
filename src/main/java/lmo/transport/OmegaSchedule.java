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
 * Aitken's extrapolation), inverts the relation for kappa and moves to its omega*. That first estimate reads a rate
 * still settling and runs low (W1: kappa 0.845, omega 1.4355, where the rate is 0.551, not 0.45: just below omega*
 * the rate rises like a square root). So the schedule measures again at the new factor, {@link #REFINE} iterations
 * later, once the ratios are steady (three in (0, 1), moving one way, within 0.15; else it waits, at most
 * {@link #PATIENCE} iterations), and raises omega to the second estimate's omega* (W1: kappa 0.864, omega 1.461);
 * it never lowers it, since above omega* the rates are complex, the ratios oscillate and rho = omega - 1 says
 * nothing of kappa. Then it keeps the factor. Capped at {@link Overrelaxation#MAX_OMEGA}; each step is made safe
 * coordinate by coordinate by {@link Overrelaxation}, so a poor estimate costs speed, never convergence.
 *
 * <p>Iterations to an l1 error of 1e-6 on both marginals, W1 (n = 1000 and 4000 alike; 23 at n = 10000), epsilon 0.1,
 * 0.03, 0.01, 0.003, 0.001, 3e-4: one estimate 20, 13, 28, 68, 204, 679; two 20, 13, 23, 43, 94, 306 (plain Sinkhorn
 * 89 at 0.01; the best fixed factor, 1.5, 22 at n = 4000). To 1e-4 at n = 20000: 18 (one estimate 20, omega = 1.45
 * fixed 16). A fixed factor skips the estimation.
 *
 * <p>The state is a few doubles (a model's global state: checkpointed and hashed), a pure function of the run's
 * iterates, so the factor is the same on any number of shards.
 */
public final class OmegaSchedule {
    /** Iterations at {@link #START} before the estimate. */
    public static final int WARMUP = 4;

    /** The factor of the first iterations. */
    public static final double START = 1.3;

    /** Iterations at the first estimate's factor before the second ({@link #WARMUP} + 1: the first is a transient). */
    public static final int REFINE = WARMUP + 1;

    /** The most iterations at the first estimate's factor that wait for a steady rate before it is kept. */
    public static final int PATIENCE = 4 * REFINE;

    /**
     * State layout: omega, the estimated kappa (0 before), {@code FIXED} (0 adaptive, 1 fixed by the scenario,
     * {@link #SETTLED} adaptive and done), iterations seen since the factor last changed, the last 4 Deltas.
     */
    static final int OMEGA = 0, KAPPA = 1, FIXED = 2, COUNT = 3, DELTAS = 4;

    /** {@code state[FIXED]} of an adaptive schedule after its second estimate. */
    static final double SETTLED = 2;

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
        if (s[FIXED] != 0) return s;
        boolean first = s[KAPPA] == 0;
        if (s[COUNT] < (first ? WARMUP : REFINE)) return s;
        double w = s[OMEGA];
        double d0 = s[DELTAS + 3], d1 = s[DELTAS + 2], d2 = s[DELTAS + 1], d3 = s[DELTAS];
        double kappa = kappa(first ? rate(d0, d1, d2, d3) : steadyRate(d0, d1, d2, d3), w);
        if (first) {
            if (!(kappa > 0)) return s;   // no estimate yet (converged, or not contracting)
            s[KAPPA] = kappa;
            s[OMEGA] = best(kappa);
            s[COUNT] = 0;                 // the deltas at the new factor are counted afresh
            return s;
        }
        if (!(kappa > 0) && s[COUNT] < PATIENCE) return s;   // not yet a steady rate: wait
        s[FIXED] = SETTLED;
        if (kappa > 0 && best(kappa) > w) {   // rho > omega - 1: below the best factor
            s[KAPPA] = kappa;
            s[OMEGA] = best(kappa);
        }
        return s;
    }

    /**
     * The plain rate kappa for which over-relaxation by {@code omega} contracts at {@code rho},
     * {@code (rho + omega - 1)^2 / (rho omega^2)} (capped at 0.9999), or 0 when rho is not a rate in (0, 1). At or
     * above the best factor rho is {@code omega - 1}, and this gives the kappa whose best factor omega is.
     */
    static double kappa(double rho, double omega) {
        if (!(rho > 0 && rho < 1)) return 0;
        double kappa = (rho + omega - 1) * (rho + omega - 1) / (rho * omega * omega);
        return kappa > 0 ? Math.min(kappa, 0.9999) : 0;
    }

    /**
     * {@link #rate}, only when the three ratios of the changes lie in (0, 1) and move one way (a real rate being
     * approached), else 0: above the best factor the rates are complex and the ratios oscillate (W1 at epsilon =
     * 0.1 after a first estimate of 1.59: 0.53, 0.36, 1.20), and no kappa can be read from them.
     */
    static double steadyRate(double d0, double d1, double d2, double d3) {
        double r1 = d1 / d0, r2 = d2 / d1, r3 = d3 / d2;
        boolean inside = r1 > 0 && r1 < 1 && r2 > 0 && r2 < 1 && r3 > 0 && r3 < 1;
        return inside && (r3 - r2) * (r2 - r1) >= 0 && Math.abs(r3 - r1) <= 0.15 ? rate(d0, d1, d2, d3) : 0;
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
