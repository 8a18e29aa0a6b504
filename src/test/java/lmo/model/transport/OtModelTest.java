package lmo.model.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lmo.dynamics.Fixed;
import lmo.actor.ActorEngine;
import lmo.engine.LocalEngine;
import lmo.particles.Population;
import lmo.engine.Recorder;
import lmo.engine.RunOutcome;
import lmo.engine.Simulation;
import lmo.model.Model;
import lmo.rng.CounterRng;
import lmo.space.Euclidean;
import lmo.transport.Cost;
import lmo.transport.InverseTemperature;
import lmo.transport.OnlineSinkhorn;
import lmo.transport.PlanMetrics;
import lmo.transport.SinkhornResult;
import lmo.transport.TransportProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sinkhorn in the engine is {@link OnlineSinkhorn} run on shards: the same potentials and plan metrics, bit for bit,
 * whatever the shards or actors, for the plain, annealed and debiased schedules.
 */
class OtModelTest {
    static final int N = 157, M = 93, D = 2, BLOCK = 16, STEPS = 25;

    static double[] points(int n, int population) {
        double[] x = new double[n * D];
        CounterRng.uniforms(7, population, 0, 0, 0, x, 0, x.length);
        return x;
    }

    static double[] weights(int n, int population) {
        double[] w = new double[n];
        CounterRng.uniforms(8, population, 0, 0, 0, w, 0, n);
        double s = 0;
        for (int i = 0; i < n; i++) s += (w[i] += 0.5);
        for (int i = 0; i < n; i++) w[i] /= s;
        return w;
    }

    static InverseTemperature schedule(String kind) {
        return switch (kind) {
            case "annealed" -> InverseTemperature.annealed(10, 0.5);
            case "debiased-annealed" -> InverseTemperature.debiasedAnnealed(10, 2.0 / 3);
            default -> InverseTemperature.constant(200);
        };
    }

    /** {@code accelerated}: constant beta, over-relaxed with the adaptive factor. */
    static double omega(String kind) {
        return kind.equals("accelerated") ? Double.NaN : 1.0;
    }

    static Simulation sim(String kind, int shards) {
        double[] x = points(N, 0), y = points(M, 1), p = weights(N, 0), q = weights(M, 1);
        Cost cost = Cost.of(x, N, y, M, D, Cost.Kind.SQEUCLIDEAN, Cost.Normalize.OSCILLATION);
        OtModel model = new OtModel(0, cost, p, q, schedule(kind), 1e-3, false, omega(kind));
        Population sources = new Population("x", 0, new Euclidean(D), x, p);
        return new Simulation("ot", 1, STEPS, List.of(sources), model, new Fixed(), BLOCK, shards, 1, 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sinkhorn", "annealed", "debiased-annealed", "accelerated"})
    void theEngineRunsTheStandaloneSolverBitForBit(String kind) {
        Simulation sim = sim(kind, 3);
        Recorder rec = new Recorder();
        assertEquals(RunOutcome.Status.COMPLETED, LocalEngine.run(sim, rec).status());
        OtModel model = (OtModel) sim.model();
        TransportProblem problem = TransportProblem.of(model.cost(), sim.populations().get(0).m0(), weights(M, 1));
        SinkhornResult ref = OnlineSinkhorn.solve(problem,
                OnlineSinkhorn.Options.fixed(schedule(kind), STEPS).withBlockSize(BLOCK).withOmega(omega(kind)));
        assertArrayEquals(ref.u(), rec.last.s()[0], 0.0, "u after " + STEPS + " iterations");
        List<PlanMetrics> history = ref.history();
        int error = rec.columns.indexOf("marginalError"), cost = rec.columns.indexOf("cost");
        int second = rec.columns.indexOf("secondMarginalError");
        for (int t = 1; t <= STEPS; t++) {
            PlanMetrics pm = history.get(t - 1);
            assertEquals(t, pm.iteration());
            assertEquals(pm.marginalError(), rec.rows.get(t)[error], 0.0, "marginal error of pi_" + t);
            assertEquals(pm.cost(), rec.rows.get(t)[cost], 0.0, "cost of pi_" + t);
            assertEquals(pm.secondMarginalError(), rec.rows.get(t)[second], 0.0, "second marginal error of pi_" + t);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sinkhorn", "debiased-annealed", "accelerated"})
    void potentialsDoNotDependOnShardsOrActors(String kind) {
        String one = LocalEngine.run(sim(kind, 1), new Recorder()).stateSha256();
        assertEquals(one, LocalEngine.run(sim(kind, 4), new Recorder()).stateSha256());
        assertEquals(one, ActorEngine.run(sim(kind, 3), new Recorder()).stateSha256());
        Recorder rec = new Recorder();
        LocalEngine.run(sim(kind, 2), rec);
        int error = rec.columns.indexOf("marginalError");
        assertTrue(rec.rows.get(STEPS)[error] < rec.rows.get(1)[error], "the first marginal error decreases");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sinkhorn", "annealed"})
    void theRoundedPlanIsFeasibleAndWithinLemma23OfTheExactOptimum(String kind) {
        Simulation sim = sim(kind, 2);
        Recorder rec = new Recorder();
        LocalEngine.run(sim, rec);
        OtModel model = (OtModel) sim.model();
        double[] t = model.finalTables(rec.last, STEPS).get(lmo.io.RunLayout.TRANSPORT).rows().data();
        double beta = t[0], rounded = t[1], exact = t[2], gap = t[3];
        assertEquals(model.schedule().beta(STEPS), beta, 0.0);
        assertEquals(rounded - exact, gap, 0.0);
        assertTrue(gap >= -1e-12, "a plan in Gamma(p, q) costs at least OT: " + gap);
        double error = rec.rows.get(STEPS)[rec.columns.indexOf("marginalError")];
        int sub = rec.columns.indexOf("suboptimality");
        for (double[] row : rec.rows) assertTrue(row[sub] >= -1e-12, "every logged plan, rounded, costs at least OT");
        assertEquals(gap, rec.rows.get(STEPS)[sub], 1e-15, "the last row is the final plan");
        assertTrue(rec.rows.get(STEPS)[sub] < rec.rows.get(1)[sub], "the rounded plans improve");
        double bound = Math.log((double) N * M) / beta + 4 * error * model.cost().oscillation();
        assertTrue(gap <= bound, "Lemma 2.3: " + gap + " <= " + bound);
    }

    /**
     * The plan is rounded up to 1e7 pairs (the "small enough to hold the plan"); the exact optimum, a network
     * simplex, only up to 4e6.
     */
    @org.junit.jupiter.api.Test
    void theRoundedCostReachesTenMillionPairsAndTheExactOptimumFourMillion() {
        assertEquals(List.of("roundedCost", "suboptimality"), extras(2000, 2000));
        assertEquals(List.of("roundedCost"), extras(2500, 2000));
        assertEquals(List.of(), extras(4000, 2600));
        int n = 2500, m = 2000;
        double[] x = points(n, 0), p = weights(n, 0);
        Cost cost = Cost.of(x, n, points(m, 1), m, D, Cost.Kind.SQEUCLIDEAN, Cost.Normalize.MAX);
        OtModel model = new OtModel(0, cost, p, weights(m, 1), InverseTemperature.constant(50), Double.NaN);
        assertEquals(2, model.rounds(), "u is gathered for the rounding");
        Simulation sim = new Simulation("ot", 1, 2, List.of(new Population("x", 0, new Euclidean(D), x, p)), model,
                new Fixed(), 500, 2, 1, 0);
        Recorder rec = new Recorder();
        LocalEngine.run(sim, rec);
        lmo.io.FinalTable t = model.finalTables(rec.last, 2).get(lmo.io.RunLayout.TRANSPORT);
        assertEquals(List.of("beta", "roundedCost", "scale"), t.columns());
        double rounded = t.rows().data()[1];
        assertEquals(rec.rows.get(2)[rec.columns.indexOf("roundedCost")], rounded, 1e-15, "the last row is the final plan");
        assertTrue(rounded > 0 && rounded <= cost.max(), "a cost of a coupling: " + rounded);
        assertEquals(cost.scale(), model.conventions().get("scale"));
    }

    private static List<String> extras(int n, int m) {
        Cost cost = Cost.of(points(n, 0), n, points(m, 1), m, D, Cost.Kind.SQEUCLIDEAN, Cost.Normalize.NONE);
        List<String> names = new OtModel(0, cost, weights(n, 0), weights(m, 1), InverseTemperature.constant(10),
                Double.NaN).metricNames();
        return names.stream().filter(c -> c.equals("roundedCost") || c.equals("suboptimality")).toList();
    }
}
