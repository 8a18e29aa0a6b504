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
        int err = rec.columns.indexOf("marginalError");
        assertTrue(rec.rows.get(rec.rows.size() - 1)[err] <= 1e-6, "the last row is below the tolerance");
        assertTrue(rec.rows.get(rec.rows.size() - 2)[err] > 1e-6, "the one before is not");
        assertTrue(out.message().startsWith("converged at step " + k + " of 200"), out.message());
        java.util.List<String> plain = new java.util.ArrayList<>(java.util.List.of(set));
        plain.add("steps=" + k);
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

    private String error(String text) {
        return Scenarios.error(Scenarios.write(dir, "bad.yaml", text));
    }
}
