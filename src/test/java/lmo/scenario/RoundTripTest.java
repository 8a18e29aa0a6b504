package lmo.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import lmo.io.Npy;
import lmo.io.Table;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import lmo.family.PotentialModelSpec;

/**
 * {@link Scenario#toYaml()} writes every resolved key; loading that text again gives an equal scenario, for every
 * dynamics, kernel, target and init type. The resolved text is also a fixed point of load-then-write.
 */
class RoundTripTest {
    @TempDir Path dir;

    private void assertRoundTrip(String text) throws Exception {
        Scenario s = Scenarios.load(Scenarios.write(dir, "original.yaml", text));
        String yaml = s.toYaml();
        Scenario again = Scenarios.load(Scenarios.write(dir, "resolved.yaml", yaml));
        assertEquals(s, again, yaml);
        assertEquals(yaml, again.toYaml());
    }

    private static String torus(String init, String kernel, String target, String dynamics) {
        return Scenarios.TORUS.replace("init: {type: gaussian, mean: [0.5], std: 0.05}", "init: " + init)
                .replace("kernel: {type: sobolev, s: 1}", "kernel: " + kernel).replace("target: {type: uniform}", "target: " + target)
                .replace("  type: wasserstein\n  stepSize: 0.01\n", dynamics);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "  type: wasserstein\n  stepSize: 0.01\n",
        "  type: fisher-rao\n  massStepSize: 0.5\n",
        "  type: fisher-rao\n  massStepSize: 0.5\n  conserveMass: false\n",
        "  type: wfr\n  stepSize: 1e-3\n  massStepSize: 4e-3\n",
        "  type: langevin\n  stepSize: 0.1\n  temperature: 0.001\n",
        "  type: langevin\n  stepSize: 0.1\n  temperature: {type: geometric, initial: 0.1, factor: 2, stageSteps: 50}\n",
        "  type: langevin\n  stepSize: 0.1\n  temperature: {type: logarithmic, c: 0.3}\n",
        "  type: langevin\n  stepSize: 0.1\n  temperature: {type: piecewise, steps: [0, 10, 20], values: [1, 0.1, 0]}\n",
    })
    void everyDynamicsType(String dynamics) throws Exception {
        assertRoundTrip(torus("{type: uniform}", "{type: sobolev}", "{type: uniform}", dynamics));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{type: gaussian, mean: [0.5], std: [0.05]}",
        "{type: uniform}",
        "{type: grid}",
        "{type: lattice, generator: [0.6180339887498949]}",
        "{type: quantiles, density: {modes: [{k: [1], amplitude: 0.3}, {k: [-2], amplitude: -0.1}]}}",
        "{type: quantiles, density: {type: cosine, modes: []}}",
    })
    void everyTorusInitAndTheSobolevKernel(String init) throws Exception {
        assertRoundTrip(torus(init, "{type: sobolev, s: 2.5, modes: 7}",
                "{type: cosine, modes: [{k: [3], amplitude: 0.5}]}", "  type: wasserstein\n  stepSize: 0.01\n"));
    }

    @Test
    void fileInitAndFileTargetWithAbsolutePaths() throws Exception {
        double[] ones = new double[200];
        java.util.Arrays.fill(ones, 1.0);
        Npy.write(dir.resolve("x.npy"), new Table(100, 2, ones));
        Npy.write(dir.resolve("y.npy"), new Table(40, 2, java.util.Arrays.copyOf(ones, 80)));
        assertRoundTrip(Scenarios.TORUS.replace("type: torus", "type: euclidean")
                .replace("{type: gaussian, mean: [0.5], std: 0.05}", "{type: file, path: x.npy}")
                .replace("{type: sobolev, s: 1}", "{type: gaussian, sigma: 0.25}")
                .replace("{type: uniform}", "{type: samples, file: y.npy, rows: 30}"));
    }

    @Test
    void generatedTargetsAndEuclideanAndSphereSpaces() throws Exception {
        String two = """
                name: "null"
                description: "two populations: a 'quoted' line one\\nline two # not a comment"
                seed: -9007199254740993
                steps: 0
                populations:
                  yes:
                    count: 16
                    space: {type: euclidean, dim: 2}
                    init: {type: grid, low: [-1, -2], high: [1, 2.5]}
                    mass: 3
                  s2:
                    count: 10
                    space: {type: sphere, dim: 3}
                    init: {type: gaussian, mean: [0, 0, 1], std: 0.1}
                model:
                  type: mmd
                  population: s2
                  kernel: {type: energy}
                  target: {type: samples, count: 25, from: {type: uniform}}
                dynamics: {type: langevin, stepSize: 0.5}
                engine: {shards: 2, blockSize: 64}
                output: {every: 3, snapshotEvery: 9}
                checkpoint: {every: 4}
                """;
        assertRoundTrip(two);
        assertEquals(-9007199254740993L, Scenarios.load(Scenarios.write(dir, "two.yaml", two)).seed(), "a long seed is exact");
        assertEquals(new CheckpointSpec(4), Scenarios.load(Scenarios.write(dir, "two.yaml", two)).checkpoint());
        assertRoundTrip(two.replace("population: s2", "population: yes").replace("{type: energy}", "{type: gaussian, sigma: 2}")
                .replace("from: {type: uniform}", "from: {type: grid, low: [0, 0], high: [1e-3, 2]}")
                .replace("count: 25", "count: 36"));
        assertRoundTrip(two.replace("population: s2", "population: yes")
                .replace("from: {type: uniform}", "from: {type: gaussian, mean: [1, 2], std: [0.5, 2]}"));
        assertRoundTrip(two.replace("population: s2", "population: yes").replace("{type: energy}", "{type: gaussian, sigma: 0.1}")
                .replace("from: {type: uniform}", "from: {type: lattice, generator: [0.7548776662466927, 0.5698402909980532], "
                        + "low: [0.5, 0.25], high: [1.0, 0.75]}"));
    }

    @Test
    void aPotentialModelAndAPotentialAddedToMmd() throws Exception {
        String ou = """
                name: ou
                steps: 10
                populations:
                  p:
                    count: 100
                    space: {type: euclidean, dim: 2}
                    init: {type: gaussian, mean: [1, 0], std: 0.1}
                model:
                  type: potential
                  potential: {kappa: 2}
                dynamics: {type: langevin, stepSize: 0.1, temperature: 0.5}
                """;
        assertRoundTrip(ou);
        Scenario s = Scenarios.load(Scenarios.write(dir, "ou.yaml", ou));
        assertEquals(new PotentialModelSpec(new PotentialSpec("p", "quadratic", 2)), s.model());
        assertRoundTrip(torus("{type: uniform}", "{type: sobolev}", "{type: uniform}", "  type: wasserstein\n  stepSize: 0.01\n")
                .replace("  target: {type: uniform}", "  target: {type: uniform}\n  potential: {type: quadratic, kappa: 0.5}"));
    }

    @Test
    void listedParticlesWithTheirMasses() throws Exception {
        String text = torus("{type: list, positions: [[0.385], [0.865]], masses: [0.4, 0.6]}", "{type: sobolev}",
                "{type: uniform}", "  type: wasserstein\n  stepSize: 0.01\n").replace("count: 100", "count: 2");
        assertRoundTrip(text);
        Scenario s = Scenarios.load(Scenarios.write(dir, "list.yaml", text));
        lmo.engine.Simulation sim = Assembler.build(s);
        assertEquals(0.865, sim.populations().get(0).x0()[1], 0.0);
        assertEquals(0.6, sim.populations().get(0).m0()[1], 0.0);
        String bad = text.replace("positions: [[0.385], [0.865]]", "positions: [[0.385]]");
        assertTrue(Scenarios.error(Scenarios.write(dir, "bad.yaml", bad)).contains("expected 2 rows (the population count), got 1"));
    }
}
