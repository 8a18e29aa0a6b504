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
import lmo.io.Csv;
import lmo.run.RunDirectory;
import lmo.io.Table;
import lmo.model.resnet.ResNetModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code model.type: resnet} in scenarios: the authors' sanity run trains (L = 50, M = D = 64, N = 10, d = 5, eta = 1,
 * 15 steps), the population is derived from the sizes, and a run measures its errors against a reference run.
 */
class ResNetScenarioTest {
    @TempDir Path dir;

    static final Path SHAPES = Path.of("scenarios/resnet-shapes.yaml");

    private static double[] losses(Recorder rec) {
        int c = rec.columns.indexOf("loss");
        return new double[] {rec.rows.get(0)[c], rec.rows.get(rec.rows.size() - 1)[c]};
    }

    @Test
    void fifteenStepsDivideTheLossByMoreThanOnePointSixOnAverageOverEightSeeds() throws Exception {
        double ratio = 0;
        for (int seed = 1; seed <= 8; seed++) {
            Simulation sim = Assembler.build(Scenarios.load(SHAPES, "seed=" + seed));
            assertEquals(3200, sim.populations().get(0).count());
            assertEquals(128, sim.populations().get(0).dim());
            Recorder rec = new Recorder();
            LocalEngine.run(sim, rec);
            double[] l = losses(rec);
            ratio += l[1] / l[0] / 8;
        }
        assertTrue(ratio < 0.6, "final / initial loss averaged over 8 seeds: " + ratio);
    }

    /** Runs a scenario into a run directory (final tables included); returns the recorder. */
    private Recorder runInto(Path out, String... overrides) throws Exception {
        Scenario s = Scenarios.load(SHAPES, overrides);
        Simulation sim = Assembler.build(s);
        Recorder rec = new Recorder();
        RunDirectory run = RunDirectory.create(out, Assembler.resolved(s, sim).toYaml(), s.description());
        RunOutcome o = LocalEngine.run(sim, new lmo.engine.RunObserver() {
            @Override public void onStart(Simulation x, lmo.engine.BlockLayout l, java.util.List<String> c) {
                run.onStart(x, l, c);
                rec.onStart(x, l, c);
            }
            @Override public void onMetrics(long k, double w, double[] v) {
                run.onMetrics(k, w, v);
                rec.onMetrics(k, w, v);
            }
            @Override public void onFinish(RunOutcome r, lmo.particles.Gathered g) {
                run.onFinish(r, g);
                rec.onFinish(r, g);
            }
        });
        assertEquals(RunOutcome.Status.COMPLETED, o.status());
        return rec;
    }

    @Test
    void aRunMeasuresItsErrorsAgainstAReferenceAtTheFinalStep() throws Exception {
        Path ref = dir.resolve("ref");
        runInto(ref, "model.depth=4", "model.width=12", "model.embedding=16", "steps=3");
        Table refEmbedding = Csv.read(ref.resolve("embedding.csv"));
        assertEquals(16, refEmbedding.rows());
        assertEquals(10, refEmbedding.cols());
        Recorder self = runInto(dir.resolve("self"), "model.depth=4", "model.width=12", "model.embedding=16", "steps=3",
                "model.reference=" + ref);
        double[] last = self.rows.get(self.rows.size() - 1);
        assertEquals(0.0, last[self.columns.indexOf("errorEmbedding")], 0.0, "the same run: no error");
        assertEquals(0.0, last[self.columns.indexOf("errorOutput")], 0.0);
        assertTrue(Double.isNaN(self.rows.get(0)[self.columns.indexOf("errorEmbedding")]), "defined at the end only");
        Recorder small = runInto(dir.resolve("small"), "model.depth=4", "model.width=6", "model.embedding=8",
                "steps=3", "model.reference=" + ref);
        Table mine = Csv.read(dir.resolve("small").resolve("embedding.csv"));
        double e = 0;
        for (int r = 0; r < 8; r++) for (int n = 0; n < 10; n++) e += Math.pow(mine.get(r, n) - refEmbedding.get(r, n), 2);
        double got = small.rows.get(small.rows.size() - 1)[small.columns.indexOf("errorEmbedding")];
        assertEquals(Math.sqrt(e / 80), got, 1e-12, "RMS over the first D = 8 coordinates and the samples");
        assertTrue(got > 0);
    }

    @Test
    void thePopulationIsDerivedAndTheResolvedScenarioReadsBackTheSame() throws Exception {
        Scenario s = Scenarios.load(SHAPES);
        String yaml = s.toYaml();
        assertFalse(yaml.contains("populations:"), "the derived population is left out:\n" + yaml);
        assertEquals(s, Scenarios.load(Scenarios.write(dir, "resolved.yaml", yaml)));
        assertTrue(Assembler.build(s).model() instanceof ResNetModel);
    }

    @Test
    void badKeysNameTheirPlace() throws Exception {
        String text = Files.readString(SHAPES);
        assertTrue(error(text.replace("  depth: 50\n", "")).contains("model: missing required key 'depth'"));
        assertTrue(error(text.replace("activation: tanh", "activation: relu")).contains("model.activation"));
        assertTrue(error(text.replace("{type: wasserstein, stepSize: 1}", "{type: langevin, stepSize: 1, temperature: 0}"))
                .contains("dynamics.type: model resnet trains by full-batch gradient descent"));
        assertTrue(error(text + "populations:\n  units: {count: 10, space: {type: euclidean, dim: 128}, init: {type: gaussian, mean: 0, std: 8}}\n")
                .contains("must hold depth * width = 3200 units"));
        assertTrue(error(text.replace("  samples: 10\n", "  samples: 10\n  reference: nowhere\n"))
                .contains("model.reference: not a directory"));
    }

    private String error(String text) {
        return Scenarios.error(Scenarios.write(dir, "bad.yaml", text));
    }
}
