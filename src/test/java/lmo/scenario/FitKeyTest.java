package lmo.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code output.fit} asks the plots for fitted laws: it is validated like every key, resolved with its defaults,
 * written back in the resolved scenario, and its metric must be a column the run logs.
 */
class FitKeyTest {
    @TempDir Path dir;

    private Path torus(String output) {
        return Scenarios.write(dir, "x.yaml", Scenarios.TORUS + "output:\n" + output);
    }

    @Test
    void aFitDefaultsToTheWholeRunAndIsWrittenBackInTheResolvedScenario() throws Exception {
        Scenario s = Scenarios.load(torus("  fit:\n    - {metric: energy, law: power}\n    - {metric: mass_p, law: exponential, from: 0.02, to: 0.05}\n"));
        assertEquals(List.of(new FitSpec("energy", "power", 0, 10 * 0.01), new FitSpec("mass_p", "exponential", 0.02, 0.05)),
                s.output().fit());
        String yaml = s.toYaml();
        assertTrue(yaml.contains("  fit:\n    - {metric: energy, law: power, from: 0.0, to: 0.1}\n"
                + "    - {metric: mass_p, law: exponential, from: 0.02, to: 0.05}\n"), yaml);
        assertEquals(s, Scenarios.load(Scenarios.write(dir, "resolved.yaml", yaml)), "the resolved form loads to the same scenario");
        Assembler.build(s);
    }

    @Test
    void withoutAFitTheResolvedScenarioHasNoFitKey() throws Exception {
        Scenario s = Scenarios.load(torus("  every: 2\n"));
        assertEquals(List.of(), s.output().fit());
        assertTrue(!s.toYaml().contains("fit"), s.toYaml());
    }

    @Test
    void aBadFitIsALocatedError() {
        assertEquals(dir.resolve("x.yaml") + ":17:29: output.fit[0].law: expected one of: power, exponential, got 'linear'",
                Scenarios.error(torus("  fit:\n    - {metric: energy, law: linear}\n")));
        assertEquals(dir.resolve("x.yaml") + ":17:51: output.fit[0].to: must be > 400, got 40",
                Scenarios.error(torus("  fit:\n    - {metric: energy, law: power, from: 400, to: 40}\n")));
        assertEquals(dir.resolve("x.yaml") + ":17:7: output.fit[0]: missing required key 'law'",
                Scenarios.error(torus("  fit:\n    - {metric: energy}\n")));
        assertEquals("--set output.fit: expected a list, got a mapping",
                Scenarios.error(torus("  every: 1\n"), "output.fit={metric: energy, law: power}"));
    }

    @Test
    void theMetricMustBeAColumnOfMetricsCsv() throws Exception {
        Scenario s = Scenarios.load(torus("  fit:\n    - {metric: energi, law: power}\n"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> Assembler.build(s));
        assertEquals(dir.resolve("x.yaml") + ":17:16: output.fit[0].metric: unknown metric 'energi'; metrics.csv has:"
                + " energy, mass_p", e.getMessage(), "the metric's line and column, like every other error");
        Scenario set = Scenarios.load(torus("  every: 1\n"), "output.fit=[{metric: energi, law: power}]");
        assertEquals("--set output.fit[0].metric: unknown metric 'energi'; metrics.csv has: energy, mass_p",
                assertThrows(ScenarioException.class, () -> Assembler.build(set)).getMessage());
    }

    @Test
    void theShippedSobolevScenariosAskForThePowerLawAndTheExponentialRate() throws Exception {
        assertEquals(List.of(new FitSpec("energy", "power", 400, 4000)),
                ScenarioLoader.load(Path.of("scenarios/sobolev-torus-s2.yaml"), List.of()).output().fit());
        assertEquals(List.of(new FitSpec("energy", "exponential", 0, 4)),
                ScenarioLoader.load(Path.of("scenarios/sobolev-torus-s1.yaml"), List.of()).output().fit());
    }
}
