package lmo.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import lmo.dynamics.Fixed;
import lmo.engine.LocalEngine;
import lmo.engine.Recorder;
import lmo.engine.Simulation;
import lmo.model.transport.OtModel;
import lmo.transport.OnlineSinkhorn;
import lmo.transport.SinkhornResult;
import lmo.transport.TransportProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code model.type: ot} in a scenario: the shipped W1 scenario binds to epsilon = 0.01 on the max-normalised squared
 * cost and runs the standalone solver's iterations; keys that would silently change the problem are refused.
 */
class OtScenarioTest {
    @TempDir Path dir;

    static final Path W1 = Path.of("scenarios/ot-w1.yaml");

    @Test
    void theW1ScenarioIsTheStandaloneSolverOnTheW1Problem() throws Exception {
        Scenario s = Scenarios.load(W1, "steps=15");
        assertEquals(new NoneSpec(), s.dynamics(), "dynamics defaults to none for ot");
        Simulation sim = Assembler.build(s);
        OtModel model = assertInstanceOf(OtModel.class, sim.model());
        assertInstanceOf(Fixed.class, sim.dynamics());
        assertEquals(100, model.schedule().beta(0), 1e-12, "epsilon 0.01");
        assertEquals(1.5350586379875804, model.cost().max() * model.cost().scale(), 1e-12, "W1's cmax, by POT");
        assertEquals(1, model.cost().max(), 0.0, "divided by its max");
        Recorder rec = new Recorder();
        LocalEngine.run(sim, rec);
        double[] p = sim.populations().get(0).m0(), q = new double[1000];
        java.util.Arrays.fill(q, 1.0 / 1000);
        SinkhornResult ref = OnlineSinkhorn.solve(TransportProblem.of(model.cost(), p, q),
                OnlineSinkhorn.Options.fixed(model.schedule(), 15).withBlockSize(sim.blockSize()));
        assertArrayEquals(ref.u(), rec.last.s()[0], 0.0);
    }

    @Test
    void stopAtToleranceEndsTheRunAtTheFirstLoggedStateBelowIt() throws Exception {
        String[] set = {"populations.x.count=300", "model.target.count=200", "output.every=5", "model.tolerance=1e-6"};
        Recorder rec = new Recorder();
        java.util.List<String> o = new java.util.ArrayList<>(java.util.List.of(set));
        o.add("model.stopAtTolerance=true");
        lmo.engine.RunOutcome out = LocalEngine.run(Assembler.build(Scenarios.load(W1, o.toArray(String[]::new))), rec);
        assertEquals(lmo.engine.RunOutcome.Status.COMPLETED, out.status());
        long k = out.step();
        assertTrue(k > 0 && k < 200 && k % 5 == 0, "stopped at " + k);
        int err = rec.columns.indexOf("marginalError"), err2 = rec.columns.indexOf("secondMarginalError");
        double[] last = rec.rows.get(rec.rows.size() - 1), before = rec.rows.get(rec.rows.size() - 2);
        assertTrue(Math.max(last[err], last[err2]) <= 1e-6, "the last row has both marginal errors below the tolerance");
        assertTrue(Math.max(before[err], before[err2]) > 1e-6, "the one before does not");
        assertTrue(out.message().startsWith("converged at step " + k + " of 200"), out.message());
        java.util.List<String> plain = new java.util.ArrayList<>(java.util.List.of(set));
        plain.add("steps=" + k);
        plain.add("model.solver.acceleration=on");   // the default of a run that stops at its tolerance
        assertEquals(LocalEngine.run(Assembler.build(Scenarios.load(W1, plain.toArray(String[]::new))), new Recorder())
                .stateSha256(), out.stateSha256(), "the same state as a run of exactly that many steps");
        assertTrue(Scenarios.error(Scenarios.write(dir, "bad.yaml", java.nio.file.Files.readString(W1)
                .replace("  tolerance: 1.0e-6\n", "  stopAtTolerance: true\n"))).contains("model.stopAtTolerance"));
    }

    @Test
    void theResolvedScenarioReadsBackTheSame() throws Exception {
        Scenario s = Scenarios.load(W1);
        String yaml = s.toYaml();
        assertTrue(yaml.contains("cost: sqeuclidean") && yaml.contains("type: none"), yaml);
        Scenario again = Scenarios.load(Scenarios.write(dir, "resolved.yaml", yaml));
        assertEquals(s, again, yaml);
    }

    @Test
    void badKeysNameTheirPlace() throws Exception {
        String text = java.nio.file.Files.readString(W1);
        assertTrue(error(text.replace("  cost: sqeuclidean\n", "")).contains("model: missing required key 'cost'"));
        assertTrue(error(text.replace("  cost: sqeuclidean", "  cost: euclidean")).contains("model.cost"));
        assertTrue(error(text.replace("{type: sinkhorn, epsilon: 0.01}", "{type: sinkhorn, epsilon: 0.01, beta: 3}"))
                .contains("model.solver.epsilon"));
        assertTrue(error(text + "dynamics: {type: wfr, stepSize: 0.1, massStepSize: 0.1}\n").contains("dynamics.type: model ot"));
        assertTrue(error(text.replace("{type: euclidean, dim: 2}", "{type: torus, dim: 2}")).contains("ot needs a euclidean"));
        java.nio.file.Files.writeString(dir.resolve("targets.csv"), "0.5,0.5,1\n0.6,0.4,0\n0.7,0.3,2\n");
        Path bad = Scenarios.write(dir, "zero.yaml",
                text.replaceAll("(?s)  target:.*?  cost:", "  target: {type: samples, file: targets.csv}\n  cost:"));
        assertEquals(bad + ":17:33: model.target.file: targets.csv row 2 column 3: a target weight must be > 0 for ot (a"
                + " target point of weight 0 has no potential), got 0", Scenarios.error(bad), "refused when loading");
    }

    @Test
    void accelerationIsOnByDefaultOnlyForAConstantBetaThatStopsAndItsKeysAreCheckedWithTheirReason() throws Exception {
        String text = java.nio.file.Files.readString(W1);
        String solver = "  solver: {type: sinkhorn, epsilon: 0.01}";
        assertTrue(text.contains(solver));
        lmo.family.OtSpec plain = (lmo.family.OtSpec) Scenarios.load(W1).model();
        assertEquals(1.0, plain.omega(), 0.0, "ot-w1 runs plain Sinkhorn, as its paper");
        lmo.family.OtSpec stops = (lmo.family.OtSpec) Scenarios.load(W1, "model.stopAtTolerance=true").model();
        assertTrue(Double.isNaN(stops.omega()), "a constant-beta solve that stops at its tolerance is over-relaxed");
        lmo.family.OtSpec fixed = (lmo.family.OtSpec) Scenarios.load(W1, "model.solver.acceleration=on",
                "model.solver.omega=1.5").model();
        assertEquals(1.5, fixed.omega(), 0.0);

        String omegaAlone = error(text.replace(solver, "  solver: {type: sinkhorn, epsilon: 0.01, omega: 1.5}"));
        assertTrue(omegaAlone.contains(":27:43:") && omegaAlone.contains("model.solver.omega")
                && omegaAlone.contains("acceleration: on"), omegaAlone);
        String range = error(text.replace(solver, "  solver: {type: sinkhorn, epsilon: 0.01, acceleration: on,"
                + " omega: 2.5}"));
        assertTrue(range.contains("model.solver.omega") && range.contains("1..1.9746"), range);
        String debiased = error(text.replace(solver, "  solver: {type: debiased-annealed, acceleration: on}"));
        assertTrue(debiased.contains("model.solver.acceleration") && debiased.contains("not a maximisation of the dual"),
                debiased);
    }

    private String error(String text) {
        return Scenarios.error(Scenarios.write(dir, "bad.yaml", text));
    }
}
