package lmo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lmo.dynamics.Dynamics;
import lmo.dynamics.StepContext;
import lmo.particles.Block;
import lmo.particles.Population;
import lmo.space.Space;
import org.junit.jupiter.api.Test;

class LocalEngineTest {

    @Test
    void meanAttractionContractsDeviationsByOneMinusEtaPerStep() {
        double eta = 0.1;
        int steps = 30;
        Simulation sim = Fixtures.sim(500, 2, new MeanAttraction(2), TestDynamics.euler(eta), steps, 64, 1);
        Recorder rec = new Recorder();
        RunOutcome out = LocalEngine.run(sim, rec);
        assertEquals(RunOutcome.Status.COMPLETED, out.status());
        double v0 = rec.rows.get(0)[0];
        for (int k = 0; k <= steps; k++) {
            double expected = v0 * Math.pow(1 - eta, 2 * k);
            assertEquals(expected, rec.rows.get(k)[0], 1e-12 * v0, "variance after " + k + " steps");
        }
        // the mean is conserved and every particle's deviation shrank by (1 - eta)^steps
        Population p = sim.populations().get(0);
        double[] x0 = p.x0();
        double[] mean = new double[2];
        for (int i = 0; i < p.count(); i++) for (int c = 0; c < 2; c++) mean[c] += x0[i * 2 + c] / p.count();
        double f = Math.pow(1 - eta, steps);
        for (int i = 0; i < p.count(); i++) {
            for (int c = 0; c < 2; c++) {
                double expected = mean[c] + f * (x0[i * 2 + c] - mean[c]);
                assertEquals(expected, rec.last.x()[0][i * 2 + c], 1e-12);
            }
        }
        assertEquals(List.of("variance", "mass_p"), rec.columns);
    }

    @Test
    void stepZeroAndTheLastStepAreAlwaysLogged() {
        Simulation base = Fixtures.sim(100, 1, new MeanAttraction(1), TestDynamics.euler(0.1), 25, 16, 1);
        Simulation sim = new Simulation("t", 1, 25, base.populations(), base.model(), base.dynamics(), 16, 1, 10, 7);
        Recorder rec = new Recorder();
        LocalEngine.run(sim, rec);
        assertEquals(List.of(0L, 10L, 20L, 25L), rec.loggedSteps);
        assertEquals(List.of(0L, 7L, 14L, 21L), rec.snapshotSteps);
    }

    @Test
    void renormalisedMassesKeepTheInitialTotal() {
        Simulation sim = Fixtures.sim(300, 2, new MeanAttraction(2), new TestDynamics(0.05, 0.7, true, 0), 40, 32, 1);
        Recorder rec = new Recorder();
        LocalEngine.run(sim, rec);
        double total = 0;
        for (double m : rec.last.m()[0]) total += m;
        assertEquals(1.0, total, 1e-14);
        // and the masses did change: the far particles lost weight relative to the near ones
        double[] m = rec.last.m()[0];
        double min = 1, max = 0;
        for (double v : m) { min = Math.min(min, v); max = Math.max(max, v); }
        assertTrue(max / min > 1.01, "masses moved: " + min + " .. " + max);
    }

    @Test
    void aNonFiniteUpdateStopsTheRunAndKeepsTheLastGoodState() {
        int badStep = 5;
        long badId = 37;
        Dynamics poisoned = new Dynamics() {
            final TestDynamics euler = TestDynamics.euler(0.1);
            @Override public void step(Space space, Block b, double[] v, double[] g, StepContext ctx) {
                euler.step(space, b, v, g, ctx);
                long i = badId - b.firstId();
                if (ctx.step() == badStep && i >= 0 && i < b.count()) b.xNext()[(int) i * b.dim()] = Double.NaN;
            }
            @Override public double timeStep() { return 0.1; }
            @Override public String type() { return "poisoned"; }
        };
        Simulation sim = Fixtures.sim(100, 1, new MeanAttraction(1), poisoned, 20, 16, 1);
        Recorder rec = new Recorder();
        RunOutcome out = LocalEngine.run(sim, rec);
        assertEquals(RunOutcome.Status.DIVERGED, out.status());
        assertEquals(badStep, out.step());
        assertTrue(out.message().contains("step " + badStep), out.message());
        assertTrue(out.message().contains("population p, particle " + badId), out.message());
        RunOutcome clean = LocalEngine.run(Fixtures.sim(100, 1, new MeanAttraction(1), TestDynamics.euler(0.1), badStep, 16, 1), new Recorder());
        assertEquals(clean.stateSha256(), out.stateSha256(), "the kept state is the state after " + badStep + " steps");
    }

    @Test
    void theHashSeesEveryBit() {
        Simulation a = Fixtures.sim(64, 1, new MeanAttraction(1), TestDynamics.euler(0.1), 3, 16, 1);
        Simulation b = Fixtures.sim(64, 1, new MeanAttraction(1), TestDynamics.euler(0.1 + Math.ulp(0.1)), 3, 16, 1);
        assertNotEquals(LocalEngine.run(a, new Recorder()).stateSha256(), LocalEngine.run(b, new Recorder()).stateSha256());
    }

    @Test
    void maxAndMinMetricEntriesCombineAsExtremes() {
        Simulation sim = Fixtures.sim(300, 1, new ExtremeMetrics(), TestDynamics.euler(0.1), 2, 16, 1);
        Recorder rec = new Recorder();
        LocalEngine.run(sim, rec);
        double[] x = sim.populations().get(0).x0();
        double max = Double.NEGATIVE_INFINITY, min = Double.POSITIVE_INFINITY;
        for (double v : x) { max = Math.max(max, v); min = Math.min(min, v); }
        assertEquals(max, rec.rows.get(0)[1], 0.0);
        assertEquals(min, rec.rows.get(0)[2], 0.0);
        assertTrue(min < 0 && max > 0, "both signs, so a stray 0 would show");
    }
}
