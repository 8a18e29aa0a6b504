package lmo.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link OmegaSchedule} on over-relaxed block Gauss–Seidel for {@code u = B v, v = B^T u} with B diagonal (singular
 * values b_i): the linearisation of Sinkhorn, whose plain rate is {@code kappa = max b_i^2} and whose over-relaxed
 * rate obeys {@code (rho + omega - 1)^2 = rho omega^2 kappa} exactly (Young's theory for consistently ordered
 * systems). The faster modes make the first iterations' ratios a transient, as in a real run.
 */
class OmegaScheduleTest {
    private static final double[] MODES = {0.9258, 0.8, 0.6, 0.3};   // kappa = 0.857, W1's

    /** Runs the schedule from u = v = 1 for {@code iterations}; returns the final state. */
    private static double[] run(double[] b, double[] state, int iterations) {
        double[] u = ones(b.length);
        double[] v = ones(b.length);
        double[] s = state;
        for (int k = 0; k < iterations; k++) s = OmegaSchedule.next(s, sweep(b, u, v, OmegaSchedule.omega(s)));
        return s;
    }

    private static double[] ones(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, 1.0);
        return a;
    }

    /** One over-relaxed sweep (u, then v) by {@code w}; returns {@code sum_i |v_i new - v_i|}. Modified: u, v. */
    private static double sweep(double[] b, double[] u, double[] v, double w) {
        double delta = 0;
        for (int i = 0; i < b.length; i++) {
            u[i] += w * (b[i] * v[i] - u[i]);
            double vi = v[i] + w * (b[i] * u[i] - v[i]);
            delta += Math.abs(vi - v[i]);
            v[i] = vi;
        }
        return delta;
    }

    private static double kappa(double[] b) {
        double k = 0;
        for (double x : b) k = Math.max(k, x * x);
        return k;
    }

    @Test
    void theSecondEstimateReachesTheBestFactorWhereTheFirstRanLow() {
        double best = OmegaSchedule.best(kappa(MODES));
        double first = OmegaSchedule.omega(run(MODES, OmegaSchedule.adaptive(), OmegaSchedule.WARMUP));
        double[] end = run(MODES, OmegaSchedule.adaptive(), 60);
        assertTrue(first < best - 0.005, "the first estimate " + first + " sits below omega* " + best);
        assertEquals(best, OmegaSchedule.omega(end), 0.005, "the second estimate");
        assertEquals(OmegaSchedule.SETTLED, end[OmegaSchedule.FIXED]);
    }

    @Test
    void twoEstimatesConvergeInFewerIterationsThanOne() {
        assertTrue(iterationsTo(1e-12, true) < iterationsTo(1e-12, false),
                iterationsTo(1e-12, true) + " iterations against " + iterationsTo(1e-12, false));
    }

    /** Iterations until the change falls under tol, with the second estimate or with the first one kept. */
    private static int iterationsTo(double tol, boolean refine) {
        double[] u = ones(MODES.length);
        double[] v = ones(MODES.length);
        double[] s = OmegaSchedule.adaptive();
        for (int k = 1; k < 1000; k++) {
            double delta = sweep(MODES, u, v, OmegaSchedule.omega(s));
            if (delta < tol) return k;
            boolean estimated = s[OmegaSchedule.KAPPA] != 0;
            s = OmegaSchedule.next(s, delta);
            if (!refine && estimated) s[OmegaSchedule.FIXED] = OmegaSchedule.SETTLED;
        }
        return 1000;
    }

    @Test
    void aboveTheBestFactorTheRatiosDoNotMoveIt() {
        double[] fast = {0.5, 0.3, 0.1};   // kappa = 0.25: omega* = 1.072, below the start 1.3
        double[] first = run(fast, OmegaSchedule.adaptive(), OmegaSchedule.WARMUP);
        double[] end = run(fast, OmegaSchedule.adaptive(), 40);
        assertEquals(OmegaSchedule.omega(first), OmegaSchedule.omega(end), 0.01,
                OmegaSchedule.omega(end) + " against the first estimate " + OmegaSchedule.omega(first));
    }

    @Test
    void aFixedFactorNeverMoves() {
        double[] end = run(MODES, OmegaSchedule.fixed(1.2), 40);
        assertEquals(1.2, OmegaSchedule.omega(end));
        assertEquals(0.0, end[OmegaSchedule.KAPPA]);
    }

    @Test
    void steadyRatesAreReadOnlyFromRatiosThatMoveOneWay() {
        assertEquals(0.0, OmegaSchedule.steadyRate(1, 0.53, 0.19, 0.23));       // 0.53, 0.36, 1.2: oscillating
        assertEquals(0.0, OmegaSchedule.steadyRate(1, 0.6, 0.3, 0.2));          // 0.6, 0.5, 0.67: not one way
        // W1's ratios after the first estimate, falling towards 0.551: the last ratio (Aitken applies from below)
        assertEquals(0.5855, OmegaSchedule.steadyRate(1, 0.6719, 0.6719 * 0.6143, 0.6719 * 0.6143 * 0.5855), 1e-12);
        // rising towards 0.95 (W1 at epsilon = 0.001): extrapolated
        double r = OmegaSchedule.steadyRate(1, 0.944, 0.944 * 0.9453, 0.944 * 0.9453 * 0.9465);
        assertTrue(r > 0.9465 && r < 1, "extrapolated " + r);
    }
}
