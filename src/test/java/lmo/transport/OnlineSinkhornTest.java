package lmo.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The online, blocked solver is the paper's log-domain Sinkhorn: it agrees with {@link DenseReference}. */
class OnlineSinkhornTest {

    record Case(int n, int m, int d, boolean half, int block) {}

    static final Case[] CASES = {
        new Case(7, 5, 1, false, 3), new Case(13, 29, 2, true, 5), new Case(40, 17, 3, false, 7),
        new Case(33, 34, 2, false, 64), new Case(21, 8, 1, true, 4), new Case(50, 61, 3, true, 16),
    };

    static double[] points(SplittableRandom r, int count) {
        double[] a = new double[count];
        for (int k = 0; k < count; k++) a[k] = r.nextDouble(-1, 1);
        return a;
    }

    static double[] weights(SplittableRandom r, int count) {
        double[] w = new double[count];
        double s = 0;
        for (int k = 0; k < count; k++) s += (w[k] = r.nextDouble(0.2, 1));
        for (int k = 0; k < count; k++) w[k] /= s;
        return w;
    }

    static double relDiff(double[] a, double[] b) {
        double num = 0, den = 0;
        for (int k = 0; k < a.length; k++) {
            num = Math.max(num, Math.abs(a[k] - b[k]));
            den = Math.max(den, Math.abs(b[k]));
        }
        return num / den;
    }

    void agrees(InverseTemperature schedule, boolean debiased, String normalize, int iterations) {
        SplittableRandom r = new SplittableRandom(42);
        for (Case k : CASES) {
            double[] x = points(r, k.n * k.d), y = points(r, k.m * k.d);
            double[] p = weights(r, k.n), q = weights(r, k.m);
            Cost cost = Cost.of(x, k.n, y, k.m, k.d,
                    k.half ? Cost.Kind.HALF_SQEUCLIDEAN : Cost.Kind.SQEUCLIDEAN, Cost.Normalize.of(normalize));
            SinkhornResult res = OnlineSinkhorn.solve(TransportProblem.of(cost, p, q),
                    OnlineSinkhorn.Options.fixed(schedule, iterations).withBlockSize(k.block));
            double[] betas = new double[iterations + 1];
            for (int t = 0; t <= iterations; t++) betas[t] = schedule.beta(t);
            DenseReference ref = new DenseReference(x, y, k.n, k.m, k.d, k.half, normalize, p, q);
            ref.run(betas, debiased, iterations);
            String at = k + " " + schedule;
            assertEquals(iterations, res.iterations(), at);
            assertEquals(iterations, res.history().size(), at);
            assertTrue(relDiff(res.u(), ref.u) < 1e-12, at + " u " + relDiff(res.u(), ref.u));
            assertTrue(relDiff(res.v(), ref.v) < 1e-12, at + " v " + relDiff(res.v(), ref.v));
            PlanMetrics last = res.last();
            assertEquals(ref.cost(), last.cost(), 1e-12 * Math.abs(ref.cost()), at + " cost");
            assertEquals(ref.marginalError(), last.marginalError(), 1e-12, at + " marginal error");
            assertEquals(ref.dual(), last.dual(), 1e-12 * Math.max(1, Math.abs(ref.dual())), at + " dual");
            assertEquals(betas[iterations], res.beta(), 0.0, at);
        }
    }

    @Test
    void constantBetaIsPlainLogDomainSinkhorn() {
        agrees(InverseTemperature.constant(20), false, "max", 40);
        agrees(InverseTemperature.constant(3), false, "none", 25);
    }

    @Test
    void annealedUpdatesUAtTheOldAndVAtTheNewBeta() {
        agrees(InverseTemperature.annealed(10, 0.5), false, "oscillation", 40);
    }

    @Test
    void debiasedAnnealedReweightsOnlyTheFirstMarginal() {
        agrees(InverseTemperature.debiasedAnnealed(10, 2.0 / 3), true, "oscillation", 40);
    }

    @Test
    void epsilonScalingFollowsItsGeometricSchedule() {
        agrees(InverseTemperature.epsilonScaling(1, 1.3, 200), false, "max", 30);
    }

    @Test
    void metricsOfEveryIterationMatchTheDensePlan() {
        SplittableRandom r = new SplittableRandom(7);
        int n = 19, m = 23, d = 2;
        double[] x = points(r, n * d), y = points(r, m * d), p = weights(r, n), q = weights(r, m);
        Cost cost = Cost.of(x, n, y, m, d, Cost.Kind.SQEUCLIDEAN, Cost.Normalize.OSCILLATION);
        InverseTemperature s = InverseTemperature.annealed(10, 0.5);
        SinkhornResult res = OnlineSinkhorn.solve(TransportProblem.of(cost, p, q),
                OnlineSinkhorn.Options.fixed(s, 12).withBlockSize(5));
        for (int t = 1; t <= 12; t++) {
            double[] betas = new double[t + 1];
            for (int k = 0; k <= t; k++) betas[k] = s.beta(k);
            DenseReference ref = new DenseReference(x, y, n, m, d, false, "oscillation", p, q);
            ref.run(betas, false, t);
            PlanMetrics pm = res.history().get(t - 1);
            assertEquals(t, pm.iteration());
            assertEquals(ref.cost(), pm.cost(), 1e-12 * ref.cost());
            assertEquals(ref.marginalError(), pm.marginalError(), 1e-13);
            assertEquals(ref.dual(), pm.dual(), 1e-12);
            assertEquals(1.0, pm.mass(), 1e-13, "the second marginal is exact after the v-update");
        }
    }

    @Test
    void aToleranceStopsAtTheFirstPlanBelowItAndSetsConverged() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 30, m = 20, d = 2;
        Cost cost = Cost.of(points(r, n * d), n, points(r, m * d), m, d, Cost.Kind.SQEUCLIDEAN, Cost.Normalize.MAX);
        TransportProblem pr = TransportProblem.uniform(cost);
        SinkhornResult res = OnlineSinkhorn.solve(pr,
                new OnlineSinkhorn.Options(InverseTemperature.constant(10), 1000, 1e-9, 8));
        assertTrue(res.converged());
        assertTrue(res.last().marginalError() < 1e-9);
        assertTrue(res.history().get(res.iterations() - 2).marginalError() >= 1e-9);
        SinkhornResult full = OnlineSinkhorn.solve(pr, OnlineSinkhorn.Options.fixed(InverseTemperature.constant(10),
                res.iterations()).withBlockSize(8));
        assertEquals(0.0, relDiff(res.u(), full.u()), "the returned u is that of the plan that met the tolerance");
        assertEquals(0.0, relDiff(res.v(), full.v()));
        SinkhornResult capped = OnlineSinkhorn.solve(pr,
                new OnlineSinkhorn.Options(InverseTemperature.constant(10), 3, 1e-9, 8));
        assertEquals(3, capped.iterations());
        assertTrue(!capped.converged());
        assertTrue(!full.converged(), "no tolerance, no criterion");
    }

    @Test
    void atConvergencePrimalEqualsDualAndKlIsNonNegative() {
        SplittableRandom r = new SplittableRandom(21);
        int n = 35, m = 26, d = 2;
        double[] p = weights(r, n), q = weights(r, m);
        Cost cost = Cost.of(points(r, n * d), n, points(r, m * d), m, d, Cost.Kind.HALF_SQEUCLIDEAN, Cost.Normalize.MAX);
        SinkhornResult res = OnlineSinkhorn.solve(TransportProblem.of(cost, p, q),
                new OnlineSinkhorn.Options(InverseTemperature.constant(30), 5000, 1e-13, 8));
        assertTrue(res.converged(), "marginal error " + res.last().marginalError());
        PlanMetrics pm = res.last();
        // strong duality of min <C, pi> + KL(pi | p (x) q) / beta over Gamma(p, q)
        assertEquals(pm.primal(), pm.dual(), 1e-12, pm.toString());
        assertTrue(pm.kl() > 0);
        for (PlanMetrics h : res.history()) assertTrue(h.dual() <= pm.primal() + 1e-12, "weak duality at " + h);
    }
}
