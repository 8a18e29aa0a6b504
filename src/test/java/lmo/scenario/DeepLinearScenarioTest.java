package lmo.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import lmo.engine.LocalEngine;
import lmo.engine.Recorder;
import lmo.engine.RunOutcome;
import lmo.engine.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code model.type: deep-linear} in scenarios: with residual initialisation, gradient descent learns below the
 * critical step 1 / (L a) and fails above it, at every depth (the paper's threshold moving like 1 / L).
 */
class DeepLinearScenarioTest {
    @TempDir Path dir;

    static final Path CRITICAL = Path.of("scenarios/deep-linear-critical-lr.yaml");

    /** {criticalStep, final excessLoss or +inf when the run diverged}. */
    private static double[] run(int depth, double factor) throws Exception {
        Scenario probe = Scenarios.load(CRITICAL, "model.depth=" + depth, "steps=0");
        Recorder p = new Recorder();
        LocalEngine.run(Assembler.build(probe), p);
        double critical = p.rows.get(0)[p.columns.indexOf("criticalStep")];
        Simulation sim = Assembler.build(Scenarios.load(CRITICAL, "model.depth=" + depth, "dynamics.stepSize=" + factor * critical));
        Recorder rec = new Recorder();
        RunOutcome o = LocalEngine.run(sim, rec);
        double excess = o.status() == RunOutcome.Status.DIVERGED ? Double.POSITIVE_INFINITY
                : rec.rows.get(rec.rows.size() - 1)[rec.columns.indexOf("excessLoss")];
        return new double[] {critical, excess};
    }

    @Test
    void learningSucceedsBelowTheCriticalStepAndFailsAboveIt() throws Exception {
        double previous = Double.NaN;
        for (int depth : new int[] {5, 10, 20}) {
            double[] below = run(depth, 0.5), above = run(depth, 2.0);
            assertTrue(below[1] < 1e-12, "L = " + depth + ", half the critical step: excess loss " + below[1]);
            assertTrue(above[1] > 1e-2, "L = " + depth + ", twice the critical step: excess loss " + above[1]);
            if (!Double.isNaN(previous)) assertEquals(0.5, below[0] / previous, 0.02, "the critical step moves like 1 / L");
            previous = below[0];
        }
    }

    @Test
    void thePopulationIsDerivedAndTheResolvedScenarioReadsBackTheSame() throws Exception {
        for (String f : new String[] {"scenarios/deep-linear-critical-lr.yaml", "scenarios/deep-linear-sharpness.yaml"}) {
            Scenario s = Scenarios.load(Path.of(f));
            assertEquals(10, s.populations().get("layers").count());
            assertEquals(25, s.populations().get("layers").space().dim());
            String yaml = s.toYaml();
            assertFalse(yaml.contains("populations:"), yaml);
            assertEquals(s, Scenarios.load(Scenarios.write(dir, "resolved.yaml", yaml)));
        }
    }

    @Test
    void badKeysNameTheirPlace() throws Exception {
        String text = Files.readString(CRITICAL);
        assertTrue(error(text.replace("init: {type: residual, scale: 0.25}", "init: {type: orthogonal, scale: 0.25}"))
                .contains("model.init.type"));
        assertTrue(error(text.replace("  samples: 50\n", "  samples: 3\n")).contains("model.samples: must be >= 6"));
        assertTrue(error(text.replace("  dataSeed: 0\n", "  dataSeed: 0\n  readoutSeed: 3\n").replace("residual", "gaussian"))
                .contains("model.readoutSeed"));
        assertTrue(error(text.replace("{type: wasserstein, stepSize: 0.0587}", "{type: fisher-rao, massStepSize: 0.1}"))
                .contains("model deep-linear trains by full-batch gradient descent"));
    }

    private String error(String text) {
        return Scenarios.error(Scenarios.write(dir, "bad.yaml", text));
    }
}
