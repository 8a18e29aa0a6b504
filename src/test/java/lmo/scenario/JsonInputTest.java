package lmo.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code .json} scenario is read as JSON into the same scenario as the equivalent YAML, with the same error format. */
class JsonInputTest {
    @TempDir Path dir;

    @Test
    void jsonGivesTheSameScenarioAsTheEquivalentYaml() throws Exception {
        assertEquals(Scenarios.load(Scenarios.resource("sobolev-torus-s1.yaml")),
                Scenarios.load(Scenarios.resource("sobolev-torus-s1.json")));
    }

    @Test
    void jsonValueErrorsHaveLineAndColumn() {
        Path file = Scenarios.write(dir, "x.json", """
                {
                  "steps": 10,
                  "dynamics": {"type": "wasserstein", "stepSize": -0.1}
                }
                """);
        assertEquals(file + ":1:1: missing required key 'populations'", Scenarios.error(file));
        file = Scenarios.write(dir, "y.json", """
                {
                  "steps": 10,
                  "stepz": 10
                }
                """);
        assertEquals(file + ":3:3: stepz: unknown key; expected one of: name, description, seed, steps, populations, model,"
                + " dynamics, engine, output, checkpoint; did you mean 'steps'?", Scenarios.error(file));
    }

    @Test
    void jsonSyntaxErrorsHaveLineAndColumn() {
        Path file = Scenarios.write(dir, "x.json", "{\n  \"steps\": 10,\n}\n");
        assertEquals(file + ":3:1: syntax error: Unexpected character ('}' (code 125)): was expecting double-quote to start field name",
                Scenarios.error(file));
        file = Scenarios.write(dir, "d.json", "{\n  \"steps\": 10,\n  \"steps\": 11\n}\n");
        assertEquals(file + ":3:3: steps: duplicate key", Scenarios.error(file));
    }

    @Test
    void jsonRangeErrorsPointAtTheValue() {
        Path file = Scenarios.write(dir, "x.json", """
                {"name": "t", "steps": 10,
                 "populations": {"p": {"count": 100, "space": {"type": "torus", "dim": 1},
                                       "init": {"type": "gaussian", "mean": [0.5], "std": 0.05}}},
                 "model": {"type": "mmd", "kernel": {"type": "sobolev", "s": 1}, "target": {"type": "uniform"}},
                 "dynamics": {"type": "wasserstein", "stepSize": -0.1}}
                """);
        assertEquals(file + ":5:50: dynamics.stepSize: must be > 0, got -0.1", Scenarios.error(file));
    }
}
