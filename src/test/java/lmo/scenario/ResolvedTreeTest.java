package lmo.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The resolved scenario is the tree binding recorded ({@link Node.Resolved}), written by {@link ScenarioWriter}:
 * every shipped scenario and every scenario file of the tests is a fixed point of write-then-load (the same text,
 * an equal scenario); defaults, values the binder derives, and {@code --set} overrides appear in it; keys that do
 * not apply are left out.
 */
class ResolvedTreeTest {
    @TempDir Path dir;

    /** The shipped scenarios, then the scenario files of these tests (YAML and JSON). */
    static Stream<Path> files() throws IOException {
        try (Stream<Path> tests = Files.walk(Path.of("src/test/resources/lmo/scenario"))) {
            List<Path> own = tests.filter(p -> p.toString().matches(".*\\.(yaml|json)")).sorted().toList();
            return Stream.concat(ShippedScenariosTest.shipped(), own.stream());
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void everyScenarioFileIsAFixedPointOfWriteThenLoad(Path file) throws Exception {
        Scenario s = ScenarioLoader.load(file, List.of());
        String yaml = s.toYaml();
        Scenario again = Scenarios.load(Scenarios.write(dir, "resolved.yaml", yaml));
        assertEquals(s, again, yaml);
        assertEquals(yaml, again.toYaml());
    }

    private String written(String text, String... overrides) throws ScenarioException {
        return Scenarios.load(Scenarios.write(dir, "x.yaml", text), overrides).toYaml();
    }

    @Test
    void defaultsAndDerivedValuesAreWrittenInDocumentedOrder() throws Exception {
        String yaml = written(Scenarios.TORUS.replace("name: t\n", ""));
        assertTrue(yaml.startsWith("name: x\ndescription: \"\"\nseed: 0\nsteps: 10\npopulations:\n"), yaml);
        assertTrue(yaml.contains("    init: {type: gaussian, mean: [0.5], std: [0.05]}\n    mass: 1.0\n"), yaml);
        assertTrue(yaml.contains("  population: p\n  kernel: {type: sobolev, s: 1.0, modes: 64, method: exact}\n"), yaml);
        assertTrue(yaml.contains("dynamics:\n  type: wasserstein\n  stepSize: 0.01\n  scaleStepByInit: false\n"), yaml);
        assertTrue(yaml.contains("engine:\n  shards: " + Runtime.getRuntime().availableProcessors()
                + "\n  blockSize: auto\n  sync: bsp\noutput:\n  every: 1\n  snapshotEvery: 0\ncheckpoint:\n  every: 0\n"), yaml);
    }

    @Test
    void overridesAreWrittenAsSetAndScalarsAsRead() throws Exception {
        String yaml = written(Scenarios.TORUS, "dynamics.stepSize=2e-3", "init.mean=[0.25]", "output.every=1e1");
        assertTrue(yaml.contains("  stepSize: 0.002\n"), yaml);
        assertTrue(yaml.contains("mean: [0.25]"), yaml);
        assertTrue(yaml.contains("output:\n  every: 10\n"), yaml);
    }

    @Test
    void keysThatDoNotApplyAreLeftOut() throws Exception {
        String gaussian = Files.readString(Path.of("scenarios/deep-linear-critical-lr.yaml"))
                .replace("type: residual", "type: gaussian");
        String yaml = written(gaussian);
        assertTrue(yaml.contains("  init: {type: gaussian, scale: 0.25}\n"), yaml);
        assertFalse(yaml.contains("readoutSeed"), "gaussian init trains W_L: no read-out seed\n" + yaml);
        String onTorus = written(Scenarios.TORUS.replace("{type: gaussian, mean: [0.5], std: 0.05}", "{type: uniform}"));
        assertTrue(onTorus.contains("    init: {type: uniform}\n"), "no box, no scale on a torus\n" + onTorus);
    }

    @Test
    void theBlockSizeChosenAtBuildIsWrittenWithoutChangingTheLoadedScenario() throws Exception {
        Scenario s = Scenarios.load(Scenarios.write(dir, "x.yaml", Scenarios.TORUS));
        Scenario resolved = Assembler.resolved(s, Assembler.build(s));
        String yaml = resolved.toYaml();
        assertTrue(yaml.contains("  blockSize: " + resolved.engine().blockSize() + "\n"), yaml);
        assertTrue(s.toYaml().contains("  blockSize: auto\n"), s.toYaml());
        assertEquals(resolved, Scenarios.load(Scenarios.write(dir, "resolved.yaml", yaml)));
    }

    @Test
    void theWriterKnowsNoTypeAndNoKey() throws IOException {
        String source = Files.readString(Path.of("src/main/java/lmo/scenario/ScenarioWriter.java"));
        for (String word : List.of("Keys", "Spec", "\"type\"", "\"model\"", "\"engine\"")) {
            assertFalse(source.contains(word), "ScenarioWriter mentions " + word);
        }
    }
}
