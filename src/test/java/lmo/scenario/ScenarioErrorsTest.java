package lmo.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad scenario is reported as one line {@code FILE:LINE:COL: key.path: message}, pointing at the offending
 * value (or key, or enclosing mapping). Line numbers refer to {@link Scenarios#TORUS}:
 * <pre>
 *  5     count: 100
 *  6     space: {type: torus, dim: 1}
 *  7     init: {type: gaussian, mean: [0.5], std: 0.05}
 * 10   kernel: {type: sobolev, s: 1}
 * 11   target: {type: uniform}
 * 12 dynamics:
 * 13   type: wasserstein
 * 14   stepSize: 0.01
 * </pre>
 */
class ScenarioErrorsTest {
    @TempDir Path dir;

    /** The error for TORUS with {@code from} replaced by {@code to}, with the file shown as {@code x.yaml}. */
    private String err(String from, String to) {
        String text = Scenarios.TORUS.replace(from, to);
        assertFalse(text.equals(Scenarios.TORUS), "the replacement must change the scenario");
        return errText(text);
    }

    private String errText(String text) {
        Path file = Scenarios.write(dir, "x.yaml", text);
        String message = Scenarios.error(file);
        assertTrue(message.startsWith(file + ":"), "FILE is the path as given: " + message);
        assertFalse(message.contains("\n"), "one line: " + message);
        return message.replace(file.toString(), "x.yaml");
    }

    @Test
    void unknownKeyPointsAtTheKeyListsTheAllowedKeysAndSuggestsTheClosest() {
        assertEquals("x.yaml:14:3: dynamics.stepsize: unknown key; expected one of: type, stepSize, scaleStepByInit; did you mean 'stepSize'?",
                err("stepSize: 0.01", "stepsize: 0.01"));
        assertEquals("x.yaml:5:5: populations.p.colour: unknown key; expected one of: count, space, init, mass",
                err("    count: 100", "    colour: red\n    count: 100"));
        assertEquals("x.yaml:15:1: outptu: unknown key; expected one of: name, description, seed, steps, populations,"
                + " model, dynamics, engine, output, checkpoint; did you mean 'output'?", errText(Scenarios.TORUS + "outptu: {}\n"));
    }

    @Test
    void unknownKeysDependOnTheType() {
        assertEquals("x.yaml:10:33: model.kernel.sigma: unknown key; expected one of: type, s, modes, method",
                err("s: 1}", "s: 1, sigma: 2}"));
    }

    @Test
    void wrongTypePointsAtTheValue() {
        assertEquals("x.yaml:16:11: engine.shards: expected an integer, got 'many'",
                errText(Scenarios.TORUS + "engine:\n  shards: many\n"));
        assertEquals("x.yaml:6:12: populations.p.space: expected a mapping, got 'torus'",
                err("space: {type: torus, dim: 1}", "space: torus"));
        assertEquals("x.yaml:7:34: populations.p.init.mean: expected a number, got 'half'", err("[0.5]", "half"));
        assertEquals("x.yaml:7:35: populations.p.init.mean[0]: expected a number, got 'half'", err("[0.5]", "[half]"));
        assertEquals("x.yaml:2:8: steps: expected an integer, got '2.5'", err("steps: 10", "steps: 2.5"));
        assertEquals("x.yaml:14:12: dynamics.stepSize: expected a number, got nothing", err("stepSize: 0.01", "stepSize:"));
        assertEquals("x.yaml:15:16: engine.sync: expected one of: bsp, delayed, bounded, got 'stale'", errText(Scenarios.TORUS + "engine: {sync: stale}\n"));
    }

    @Test
    void outOfRangeValuesPointAtTheValueAndQuoteIt() {
        assertEquals("x.yaml:14:13: dynamics.stepSize: must be > 0, got -0.1", err("stepSize: 0.01", "stepSize: -0.1"));
        assertEquals("x.yaml:5:12: populations.p.count: must be >= 1, got 0", err("count: 100", "count: 0"));
        assertEquals("x.yaml:7:46: populations.p.init.std: must be > 0, got 0", err("std: 0.05", "std: 0"));
        assertEquals("x.yaml:7:55: populations.p.init.std[1]: must be > 0, got -1", errText(Scenarios.TORUS
                .replace("dim: 1", "dim: 2").replace("mean: [0.5], std: 0.05", "mean: [0.5, 0.5], std: [1, -1]")));
        assertEquals("x.yaml:10:30: model.kernel.s: must be >= 1, got 0.5", err("s: 1}", "s: 0.5}"));
        assertEquals("x.yaml:16:14: engine.blockSize: must be >= 1 or auto, got 0",
                errText(Scenarios.TORUS + "engine:\n  blockSize: 0\n"));
        assertEquals("x.yaml:16:18: output.snapshotEvery: must be >= 0, got -5",
                errText(Scenarios.TORUS + "output:\n  snapshotEvery: -5\n"));
        assertEquals("x.yaml:15:21: checkpoint.every: must be >= 0, got -1",
                errText(Scenarios.TORUS + "checkpoint: {every: -1}\n"));
        assertEquals("x.yaml:6:19: populations.p.space.type: expected one of: euclidean, torus, sphere, got 'plane'",
                err("type: torus", "type: plane"));
    }

    @Test
    void missingRequiredKeyPointsAtTheEnclosingMapping() {
        assertEquals("x.yaml:13:3: dynamics: missing required key 'stepSize'", err("  stepSize: 0.01\n", ""));
        assertEquals("x.yaml:1:1: missing required key 'steps'", err("steps: 10\n", ""));
        assertEquals("x.yaml:7:11: populations.p.init: missing required key 'std'", err(", std: 0.05", ""));
        assertEquals("x.yaml:6:12: populations.p.space: missing required key 'dim'", err(", dim: 1", ""));
    }

    @Test
    void syntaxErrorsGiveTheParsersPositionAndShortMessage() {
        String m = err("  type: wasserstein\n", "  type: wasserstein\n bad: 1\n");
        assertTrue(m.startsWith("x.yaml:14:2: syntax error: "), m);
        m = err("mean: [0.5]", "mean: [0.5");
        assertTrue(m.startsWith("x.yaml:7:49: syntax error: "), m);
        assertEquals("x.yaml:14:3: dynamics.type: duplicate key", err("  stepSize: 0.01", "  type: wfr"));
        assertEquals("x.yaml:1:1: expected a mapping of scenario keys, got a list", errText("- a\n- b\n"));
        assertEquals("x.yaml:1:1: expected a mapping of scenario keys, got nothing", errText(""));
        assertEquals("x.yaml:16:1: syntax error: expected a single document", errText(Scenarios.TORUS + "---\nsteps: 3\n"));
        assertEquals("x.yaml:10:11: model.kernel: YAML aliases (*k) are not supported; write the value out",
                errText(Scenarios.TORUS.replace("init: {", "init: &k {").replace("kernel: {type: sobolev, s: 1}", "kernel: *k")));
    }

    @Test
    void anUnreadableScenarioFileIsNamed() {
        Path missing = dir.resolve("nothere.yaml");
        assertEquals(missing + ": cannot read: file not found", Scenarios.error(missing));
    }

    @Test
    void crossFieldErrorsPointAtTheOffendingKey() {
        assertEquals("x.yaml:10:18: model.kernel.type: the sobolev kernel needs a torus space, got euclidean (population 'p')",
                err("type: torus", "type: euclidean"));
        assertEquals("x.yaml:7:34: populations.p.init.mean: expected 1 number, got 2", err("[0.5]", "[0.5, 0.2]"));
        assertEquals("x.yaml:10:43: model.kernel.method: exact needs an integer s in 1..10, got s = 1.5; use fourier or auto",
                err("s: 1}", "s: 1.5, method: exact}"));
        assertEquals("x.yaml:5:12: populations.p.count: a grid needs count = n^2 for an integer n, got 50",
                errText(Scenarios.TORUS.replace("count: 100", "count: 50").replace("dim: 1", "dim: 2")
                        .replace("init: {type: gaussian, mean: [0.5], std: 0.05}", "init: {type: grid}")));
        assertEquals("x.yaml:7:27: populations.p.init.low: low and high are only allowed on a euclidean space;"
                + " on a torus the whole space is used", err("type: gaussian, mean: [0.5], std: 0.05", "type: uniform, low: [0]"));
        assertEquals("x.yaml:7:18: populations.p.init.type: quantiles needs a torus of dim 1, got euclidean of dim 1",
                errText(Scenarios.TORUS.replace("type: torus", "type: euclidean")
                        .replace("type: gaussian, mean: [0.5], std: 0.05", "type: quantiles, density: {modes: []}")));
        assertEquals("x.yaml:6:32: populations.p.space.dim: must be >= 2 on a sphere (dim is the ambient dimension), got 1",
                err("type: torus, dim: 1", "type: sphere, dim: 1"));
        assertEquals("x.yaml:11:18: model.target.type: the gaussian kernel needs a samples target, got 'uniform'",
                errText(Scenarios.TORUS.replace("type: torus", "type: euclidean")
                        .replace("{type: sobolev, s: 1}", "{type: gaussian, sigma: 1}")));
        assertEquals("x.yaml:11:33: model.target.modes: the amplitudes must satisfy sum |amplitude| < 1 (a positive"
                + " density), got 1.1", err("{type: uniform}", "{type: cosine, modes: [{k: [1], amplitude: 0.6},"
                + " {k: [2], amplitude: -0.5}]}"));
        assertEquals("x.yaml:11:38: model.target.modes[0].k: must not be all zero",
                err("{type: uniform}", "{type: cosine, modes: [{k: [0], amplitude: 0.1}]}"));
    }

    @Test
    void modelPopulationMustExistOrBeUnambiguous() {
        assertEquals("x.yaml:10:15: model.population: no population named 'q'; populations: p",
                err("  kernel:", "  population: q\n  kernel:"));
        String two = Scenarios.TORUS.replace("  p:\n", "  q:\n    count: 9\n    space: {type: torus, dim: 1}\n"
                + "    init: {type: uniform}\n  p:\n");
        assertEquals("x.yaml:13:3: model: missing required key 'population' (several populations: p, q)", errText(two));
        assertEquals("x.yaml:4:3: populations.9lives: a population name must be a letter followed by letters, digits, '_' or '-', at most 100 characters",
                err("  p:", "  9lives:"));
    }

    @Test
    void samplesTargetTakesAFileOrGeneratedSamplesNotBoth() {
        String euclid = Scenarios.TORUS.replace("type: torus", "type: euclidean")
                .replace("{type: sobolev, s: 1}", "{type: energy}");
        assertEquals("x.yaml:11:40: model.target.count: give either file (with rows) or count and from, not both",
                errText(euclid.replace("{type: uniform}", "{type: samples, file: y.npy, count: 3}")));
        assertEquals("x.yaml:11:11: model.target: missing required key 'file' (or 'count' and 'from')",
                errText(euclid.replace("{type: uniform}", "{type: samples}")));
        assertEquals("x.yaml:11:11: model.target: missing required key 'from'",
                errText(euclid.replace("{type: uniform}", "{type: samples, count: 5}")));
        assertEquals("x.yaml:11:50: model.target.from.type: expected one of: uniform, gaussian, quantiles, grid, lattice, got 'file'",
                errText(euclid.replace("{type: uniform}", "{type: samples, count: 5, from: {type: file, path: y.npy}}")));
    }
}
