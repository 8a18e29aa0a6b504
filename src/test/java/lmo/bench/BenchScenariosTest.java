package lmo.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import lmo.family.MmdSpec;
import lmo.family.OtSpec;
import lmo.family.TwoLayerSpec;
import lmo.scenario.FileInit;
import lmo.scenario.InitSpec;
import lmo.scenario.LatticeInit;
import lmo.scenario.Scenario;
import lmo.scenario.ScenarioException;
import lmo.scenario.ScenarioLoader;
import lmo.space.Euclidean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench's scenarios state the shared workloads: resized by the bench's {@code --set} overrides they load, their
 * W1 and W4 points are the recipe's Kronecker points (sums, sums of squares and first values of
 * {@code data/checksums.json} for the 16384 points, copied here) and the W3 scenario reads the files {@link W3Data}
 * writes next to it.
 */
class BenchScenariosTest {
    @TempDir Path dir;

    private Scenario load(Workload w, List<String> sets) throws IOException, ScenarioException {
        Bench bench = new Bench((s, o, out) -> null, dir, 1, new PrintStream(java.io.OutputStream.nullOutputStream()));
        return ScenarioLoader.load(bench.prepare(w, 1000), sets);
    }

    @Test
    void w1SourcesAndTargetsAreTheRecipesPoints() throws Exception {
        Scenario s = load(new SinkhornWorkload(), List.of("populations.x.count=16384", "model.target.count=16384"));
        OtSpec ot = assertInstanceOf(OtSpec.class, s.model());
        assertSourcePoints(s.populations().get("x").init());
        assertTargetPoints(ot.target().from());
        assertEquals(16384, ot.target().count());
    }

    @Test
    void w4ParticlesAndTargetsAreTheRecipesPoints() throws Exception {
        Scenario s = load(new MmdWorkload(), List.of("populations.particles.count=16384", "model.target.count=16384", "steps=3"));
        MmdSpec mmd = assertInstanceOf(MmdSpec.class, s.model());
        assertSourcePoints(s.populations().get("particles").init());
        assertTargetPoints(assertInstanceOf(lmo.scenario.SamplesTarget.class, mmd.target()).from());
        assertEquals(MmdWorkload.STEP, ((lmo.scenario.WassersteinSpec) s.dynamics()).stepSize());
    }

    @Test
    void w3ReadsTheNeuronsAndDataWrittenBesideIt() throws Exception {
        Scenario s = load(new NetworkWorkload(), List.of("populations.neurons.count=600"));
        assertInstanceOf(TwoLayerSpec.class, s.model());
        FileInit init = assertInstanceOf(FileInit.class, s.populations().get("neurons").init());
        assertEquals(600, init.rows(), "the first 600 of the 1000 neurons written");
        assertEquals(1 + W3Data.DIM, s.populations().get("neurons").space().dim());
    }

    /** x_i = (frac(i A1), frac(i A2)): checksums.json's points_x. */
    private static void assertSourcePoints(InitSpec init) {
        assertPoints(init, 16382.873352765826, 10921.75288211638, new double[] {0.0, 0.0, 0.6180339887498949, 0.4142135623730951});
    }

    /** y_j = (0.5 frac(j B1) + 0.5, 0.5 frac(j B2) + 0.25): checksums.json's points_y. */
    private static void assertTargetPoints(InitSpec from) {
        assertPoints(from, 20479.186342595996, 13993.46730969191, new double[] {0.5, 0.25, 0.8774388331233464, 0.5349201454990267});
    }

    private static void assertPoints(InitSpec spec, double sum, double sumSq, double[] first) {
        LatticeInit l = assertInstanceOf(LatticeInit.class, spec);
        double[] x = new lmo.init.LatticeInit(l.generator(), l.low(), l.high()).positions(new Euclidean(2), 16384, 0, 0);
        double s = 0, q = 0;
        for (double v : x) {
            s += v;
            q += v * v;
        }
        for (int i = 0; i < first.length; i++) assertEquals(first[i], x[i], "value " + i + ", bit for bit");
        assertEquals(sum, s, 1e-9, "sum");
        assertEquals(sumSq, q, 1e-9, "sum of squares");
    }
}
