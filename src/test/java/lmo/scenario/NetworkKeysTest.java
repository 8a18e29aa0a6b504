package lmo.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lmo.dynamics.MassUpdate;
import lmo.dynamics.WassersteinFisherRao;
import lmo.engine.Checkpoint;
import lmo.engine.LocalEngine;
import lmo.particles.Population;
import lmo.engine.Recorder;
import lmo.engine.RunOutcome;
import lmo.engine.Simulation;
import lmo.model.neural.TwoLayerModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import lmo.family.TwoLayerSpec;

/**
 * The scenario keys of two-layer networks, the scaling-path init keys, {@code massUpdate} and
 * {@code output.predictor}: the resolved form loads back to the same scenario, every cross-check is a located error,
 * and the assembled simulation is what the keys say.
 */
class NetworkKeysTest {
    @TempDir Path dir;

    /** A small valid two-layer scenario; tests replace its lines. */
    static final String NET = """
            name: net
            seed: 4
            steps: 6
            populations:
              neurons:
                count: 40
                space: {type: sphere, dim: 5}
                init: {type: uniform}
            model:
              type: two-layer
              readout: cone
              bias: true
              data:
                inputs: {type: sphere, dim: 3, count: 50}
                teacher: {neurons: 2, seed: 8}
                test: {count: 20}
            dynamics: {type: wfr, stepSize: 0.5, massStepSize: 2}
            """;

    private void assertRoundTrip(String text) throws Exception {
        Scenario s = Scenarios.load(Scenarios.write(dir, "original.yaml", text));
        Assembler.build(s);
        String yaml = s.toYaml();
        Scenario again = Scenarios.load(Scenarios.write(dir, "resolved.yaml", yaml));
        assertEquals(s, again, yaml);
        assertEquals(yaml, again.toYaml());
    }

    /** The error of loading {@code text} as x.yaml, with the file's directory left out. */
    private String error(String text, String... overrides) {
        String m = Scenarios.error(Scenarios.write(dir, "x.yaml", text), overrides);
        return m.startsWith(dir.toString()) ? m.substring(dir.toString().length() + 1) : m;
    }

    private void writeCsv(String name, String text) throws Exception {
        Files.writeString(dir.resolve(name), text);
    }

    // ---------------------------------------------------------------- round trip

    @ParameterizedTest
    @ValueSource(strings = {
        // the base: cone, generated sphere inputs, random teacher, test set
        "",
        // coordinate, tanh, logistic, gaussian inputs, label noise, listed teacher, threshold, potential, scaling init, annealed langevin
        "space: {type: sphere, dim: 5}=space: {type: euclidean, dim: 5}|init: {type: uniform}=init: {type: gaussian, mean: [0, 0, 0, 0, 0], std: 0.5, scale: 3, symmetric: true}"
            + "|readout: cone=readout: coordinate\\n  activation: tanh\\n  loss: logistic\\n  regularization: 0.01\\n  activeThreshold: 1e-4\\n  potential: {kappa: 0.5}"
            + "|{type: sphere, dim: 3, count: 50}={type: gaussian, dim: 3, count: 50}\\n    noise: 0.1\\n    seed: 99"
            + "|{neurons: 2, seed: 8}={weights: [[1, 0, 0, 0.5], [0, 1, 0, -0.5]], outputs: [1, -2], activation: gelu}"
            + "|{type: wfr, stepSize: 0.5, massStepSize: 2}={type: langevin, stepSize: 0.1, scaleStepByInit: true, temperature: {type: geometric, initial: 1e-3, factor: 2, stageSteps: 3}}",
        // mass readout, balanced signs, population loss, random teacher with outputs, linear mass update
        "dim: 5}=dim: 3}|readout: cone=readout: mass\\n  signs: balanced|bias: true=bias: false|{type: sphere, dim: 3, count: 50}={type: sphere, dim: 3}"
            + "|{neurons: 2, seed: 8}={neurons: 2, outputs: [0.5, 0.25]}\\n    population: true|    test: {count: 20}\\n="
            + "|massStepSize: 2}=massStepSize: 2, massUpdate: linear, conserveMass: false}",
        // bilevel on samples
        "dim: 5}=dim: 4}|readout: cone=readout: bilevel\\n  regularization: 0.1|{type: wfr, stepSize: 0.5, massStepSize: 2}={type: wasserstein, stepSize: 0.5}",
        // the circle: grid init, circle teacher with a density
        "count: 40=count: 30|dim: 5}=dim: 2}|init: {type: uniform}=init: {type: grid}|readout: cone=readout: mass|bias: true=bias: false"
            + "|{type: sphere, dim: 3, count: 50}={type: sphere, dim: 2}|{neurons: 2, seed: 8}={type: circle, neurons: 30, mass: 2, density: {modes: [{k: [2], amplitude: 0.1}]}}\\n    population: true"
            + "|    test: {count: 20}\\n=",
    })
    void twoLayerKeysRoundTrip(String edits) throws Exception {
        assertRoundTrip(edit(NET, edits));
    }

    /** {@code a=b|c=d}: replace a by b, then c by d; {@code \n} in the edits is a newline. */
    static String edit(String text, String edits) {
        if (edits.isEmpty()) return text;
        for (String e : edits.split("\\|")) {
            int eq = e.indexOf('=');
            String from = e.substring(0, eq).replace("\\n", "\n"), to = e.substring(eq + 1).replace("\\n", "\n");
            assertTrue(text.contains(from), "edit " + from + " of\n" + text);
            text = text.replace(from, to);
        }
        return text;
    }

    @Test
    void fileDataWithATestSetAndThePredictorRoundTrip() throws Exception {
        writeCsv("x.csv", "x\n-1\n0\n0.5\n1\n");
        writeCsv("y.csv", "1\n-1\n1\n1\n");
        writeCsv("xt.csv", "0.25\n-0.5\n");
        writeCsv("yt.csv", "-1\n1\n");
        String file = NET.replace("count: 40", "count: 20").replace("{type: sphere, dim: 5}", "{type: euclidean, dim: 3}")
                .replace("readout: cone", "readout: coordinate\n  loss: logistic")
                .replace("{type: sphere, dim: 3, count: 50}", "{type: file, path: x.csv}\n    labels: {path: y.csv}")
                .replace("    teacher: {neurons: 2, seed: 8}\n", "")
                .replace("test: {count: 20}", "test: {inputs: {path: xt.csv}, labels: {path: yt.csv}}")
                .replace("{type: wfr, stepSize: 0.5, massStepSize: 2}", "{type: wasserstein, stepSize: 0.5}");
        assertRoundTrip(file);
        Scenario s = Scenarios.load(dir.resolve("original.yaml"));
        assertEquals(new PredictorSpec(-1.2, 1.2, 201), s.output().predictor(), "default: the inputs' range widened by 10 %");
        assertEquals(4, ((TwoLayerSpec) s.model()).data().count());
        assertEquals(dir.resolve("x.csv").toAbsolutePath(), ((TwoLayerSpec) s.model()).data().inputsFile(), "absolute when resolved");
        assertRoundTrip(file + "output: {predictor: {from: -3, to: 2, points: 11}}\n");
        assertEquals(new PredictorSpec(-3, 2, 11), Scenarios.load(dir.resolve("original.yaml")).output().predictor());
        assertEquals(11, new PredictorSpec(-3, 2, 11).grid().length);
        assertEquals(2.0, new PredictorSpec(-3, 2, 11).grid()[10], 0.0);
    }

    @Test
    void massUpdateAndScaleStepByInitRoundTripEverywhere() throws Exception {
        String torus = Scenarios.TORUS;
        for (String d : List.of("  type: fisher-rao\n  massStepSize: 0.5\n  massUpdate: linear\n",
                "  type: wfr\n  stepSize: 0.1\n  massStepSize: 0.4\n  massUpdate: linear\n  scaleStepByInit: true\n",
                "  type: wasserstein\n  stepSize: 0.01\n  scaleStepByInit: true\n",
                "  type: langevin\n  stepSize: 0.01\n  scaleStepByInit: true\n")) {
            assertRoundTrip(torus.replace("  type: wasserstein\n  stepSize: 0.01\n", d));
        }
        Scenario s = Scenarios.load(Scenarios.write(dir, "f.yaml", torus.replace("  type: wasserstein\n  stepSize: 0.01\n",
                "  type: fisher-rao\n  massStepSize: 0.5\n  massUpdate: linear\n")));
        assertEquals(new FisherRaoSpec(0.5, true, "linear"), s.dynamics());
        assertEquals(MassUpdate.LINEAR, ((lmo.dynamics.FisherRao) Assembler.build(s).dynamics()).massUpdate());
    }

    // ---------------------------------------------------------------- errors

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " @@ ", value = {
        "space dim @@ dim: 5}=dim: 6} @@ x.yaml:14:33: model.data.inputs.dim: readout cone with d = 3 and bias needs particles of dim 5 (output weight + 3 inputs + bias), but population 'neurons' has a sphere of dim 6",
        "space type @@ readout: cone=readout: coordinate @@ x.yaml:11:12: model.readout: readout coordinate needs a euclidean space, got sphere (population 'neurons')",
        "mass dim @@ readout: cone=readout: mass @@ x.yaml:14:33: model.data.inputs.dim: readout mass with d = 3 and bias needs particles of dim 4 (3 inputs + bias), but population 'neurons' has a sphere of dim 5",
        "activation @@ readout: cone=readout: cone\\n  activation: tanh @@ x.yaml:12:15: model.activation: readout cone needs activation relu (2-homogeneity), got tanh",
        "signs @@ readout: cone=readout: cone\\n  signs: balanced @@ x.yaml:12:3: model.signs: signs applies to the mass readout only, got readout cone",
        "bilevel lambda @@ readout: cone=readout: bilevel|dim: 5}=dim: 4} @@ x.yaml:11:12: model.readout: readout bilevel needs model.regularization > 0 (the ridge term), which defaults to 0",
        "bilevel loss @@ readout: cone=readout: bilevel\\n  regularization: 1\\n  loss: logistic|dim: 5}=dim: 4} @@ x.yaml:13:9: model.loss: readout bilevel needs the square loss, got logistic",
        "population bias @@ test: {count: 20}=population: true @@ x.yaml:16:17: model.data.population: the exact population loss (arc-cosine kernel) needs no bias (model.bias: false); use samples (population: false) instead",
        "population gaussian @@ bias: true=bias: false|dim: 5}=dim: 4}|{type: sphere, dim: 3, count: 50}={type: gaussian, dim: 3}|test: {count: 20}=population: true @@ x.yaml:16:17: model.data.population: the exact population loss (arc-cosine kernel) needs inputs of type sphere, got gaussian; use samples (population: false) instead",
        "population count @@ bias: true=bias: false|dim: 5}=dim: 4}|test: {count: 20}=population: true @@ x.yaml:14:36: model.data.inputs.count: the population loss has no samples: remove count (or set model.data.population: false)",
        "population test @@ bias: true=bias: false|dim: 5}=dim: 4}|, count: 50}=}|    teacher:=    population: true\\n    teacher: @@ x.yaml:17:5: model.data.test: the population loss has no samples: remove test (or set population: false)",
        "population teacher @@ bias: true=bias: false|dim: 5}=dim: 4}|, count: 50}=}|{neurons: 2, seed: 8}={neurons: 2, bias: true}|test: {count: 20}=population: true @@ x.yaml:15:14: model.data.teacher: the population loss needs a relu teacher without bias, got relu with bias",
        "listed row @@ {neurons: 2, seed: 8}={weights: [[1, 0, 0]]} @@ x.yaml:15:25: model.data.teacher.weights[0]: expected 4 numbers (d = 3 plus the bias), got 3",
        "listed outputs @@ {neurons: 2, seed: 8}={weights: [[1, 0, 0, 1]], outputs: [1, 2]} @@ x.yaml:15:49: model.data.teacher.outputs: expected 1 number, got 2",
        "random keys @@ {neurons: 2, seed: 8}={neurons: 2, mass: 1} @@ x.yaml:15:27: model.data.teacher.mass: unknown key; expected one of: type, neurons, seed, outputs, bias, activation",
        "circle dim @@ {neurons: 2, seed: 8}={type: circle, neurons: 2} @@ x.yaml:15:21: model.data.teacher.type: a circle teacher needs 2-D inputs (model.data.inputs.dim: 2), got d = 3",
        "generated labels @@ test: {count: 20}=labels: {path: y.csv} @@ x.yaml:16:5: model.data.labels: labels are read for file inputs only; generated inputs are labelled by the teacher",
        "generated test files @@ test: {count: 20}=test: {inputs: {path: y.csv}} @@ x.yaml:16:12: model.data.test.inputs: test files go with file inputs; generated data take test: {count: n}",
        "no data @@ data:=data_: @@ x.yaml:13:3: model.data_: unknown key; expected one of: type, population, readout, activation, bias, signs, loss, regularization, activeThreshold, data, potential; did you mean 'data'?",
        "predictor @@ dynamics:=output: {predictor: {points: 5}}\\ndynamics: @@ x.yaml:17:21: output.predictor: predictor.csv needs 1-D inputs (model.data.inputs dim 1), got d = 3",
        "scale on sphere @@ init: {type: uniform}=init: {type: uniform, scale: 2} @@ x.yaml:8:27: populations.neurons.init.scale: scale needs a euclidean space, got sphere",
        "mass update @@ massStepSize: 2}=massStepSize: 2, massUpdate: log} @@ x.yaml:17:67: dynamics.massUpdate: expected one of: exponential, linear, got 'log'",
    })
    void crossChecksAreLocatedErrors(String what, String edits, String message) {
        assertEquals(message, error(edit(NET, edits)), what);
    }

    @Test
    void fileDataErrorsNameTheFileAndTheNumbers() throws Exception {
        writeCsv("x.csv", "-1\n0\n1\n");
        writeCsv("y2.csv", "1\n2\n");
        writeCsv("y.csv", "1\n0.5\n1\n");
        writeCsv("yy.csv", "1,1\n0,0\n1,1\n");
        String file = NET.replace("count: 40", "count: 20").replace("{type: sphere, dim: 5}", "{type: euclidean, dim: 3}")
                .replace("readout: cone", "readout: coordinate")
                .replace("{type: sphere, dim: 3, count: 50}", "{type: file, path: x.csv}\n    labels: {path: y2.csv}")
                .replace("    teacher: {neurons: 2, seed: 8}\n", "").replace("    test: {count: 20}\n", "")
                .replace("{type: wfr, stepSize: 0.5, massStepSize: 2}", "{type: wasserstein, stepSize: 0.5}");
        assertEquals("x.yaml:15:20: model.data.labels.path: y2.csv has 2 rows, the inputs have 3", error(file));
        assertEquals("x.yaml:15:20: model.data.labels.path: yy.csv has 2 columns, expected 1 (one label per row)",
                error(file.replace("y2.csv", "yy.csv")));
        assertEquals("x.yaml:16:20: model.data.labels.path: y.csv row 2 is 0.5: the logistic loss needs labels +1 or -1",
                error(file.replace("y2.csv", "y.csv").replace("readout: coordinate", "readout: coordinate\n  loss: logistic")));
        assertEquals("x.yaml:15:5: model.data.teacher: teacher applies to generated inputs (sphere or gaussian); file inputs come with labels",
                error(file.replace("y2.csv", "y.csv").replace("    labels:", "    teacher: {neurons: 1}\n    labels:")));
        assertEquals("x.yaml:11:12: model.readout: readout coordinate with d = 1 and bias needs particles of dim 3 (output weight + 1 input + bias), but population 'neurons' has a euclidean of dim 4",
                error(file.replace("y2.csv", "y.csv").replace("dim: 3}", "dim: 4}")), "file inputs: located at the readout");
        String ok = file.replace("y2.csv", "y.csv");
        assertEquals("x.yaml:17:35: output.predictor.to: must be > 2, got 1",
                error(ok + "output: {predictor: {from: 2, to: 1}}\n"));
        assertEquals("x.yaml:8:38: populations.neurons.init.symmetric: needs an even count (the second half copies the first), got count 21",
                error(ok.replace("count: 20", "count: 21").replace("init: {type: uniform}", "init: {type: uniform, symmetric: true}")));
        assertEquals("x.yaml:8:34: populations.neurons.init.scale: must be > 0, got 0",
                error(ok.replace("init: {type: uniform}", "init: {type: uniform, scale: 0}")));
        assertEquals("x.yaml:16:14: output.predictor: predictor.csv needs a two-layer model, got mmd",
                error(Scenarios.TORUS + "output:\n  predictor: {points: 3}\n"));
    }

    // ---------------------------------------------------------------- assembled

    @Test
    void scaleAndSymmetricMakeTheScalingPathInit() throws Exception {
        String text = NET.replace("{type: sphere, dim: 5}", "{type: euclidean, dim: 5}").replace("readout: cone", "readout: coordinate")
                .replace("{type: wfr, stepSize: 0.5, massStepSize: 2}", "{type: wasserstein, stepSize: 0.5, scaleStepByInit: true}");
        Simulation plain = Assembler.build(Scenarios.load(Scenarios.write(dir, "a.yaml", text.replace("init: {type: uniform}",
                "init: {type: gaussian, mean: [0, 0, 0, 0, 0], std: 1}"))));
        Simulation path = Assembler.build(Scenarios.load(Scenarios.write(dir, "b.yaml", text.replace("init: {type: uniform}",
                "init: {type: gaussian, mean: [0, 0, 0, 0, 0], std: 1, scale: 7, symmetric: true}"))));
        double[] x = plain.populations().get(0).x0(), y = path.populations().get(0).x0();
        for (int j = 0; j < 20; j++) {
            for (int c = 0; c < 5; c++) {
                assertEquals(7 * x[5 * j + c], y[5 * j + c], 0.0);
                assertEquals((c == 0 ? -7 : 7) * x[5 * j + c], y[5 * (20 + j) + c], 0.0, "the copy of neuron " + j);
            }
        }
        assertArrayEquals(plain.populations().get(0).m0(), path.populations().get(0).m0(), 0.0);
        assertEquals(0.5 / 49, path.dynamics().timeStep(), 1e-18, "scaleStepByInit: stepSize / alpha^2");
        assertEquals(0.5, plain.dynamics().timeStep(), 0.0);
        Recorder rec = new Recorder();
        LocalEngine.run(path, rec);
        assertEquals(0.0, rec.rows.get(0)[rec.columns.indexOf("distanceFromInit")], 0.0);
        Scenario small = Scenarios.load(Scenarios.write(dir, "c.yaml", text.replace("init: {type: uniform}",
                "init: {type: gaussian, mean: [0, 0, 0, 0, 0], std: 1, scale: 0.1}")));
        assertEquals(0.5, Assembler.build(small).dynamics().timeStep(), 0.0, "max(1, alpha^2): small alpha keeps the step");
        Scenario fit = Scenarios.load(Scenarios.write(dir, "d.yaml", text.replace("init: {type: uniform}",
                "init: {type: gaussian, mean: [0, 0, 0, 0, 0], std: 1, scale: 7}") + "output: {fit: [{metric: loss, law: exponential}]}\n"));
        assertEquals(6 * 0.5 / 49, fit.output().fit().get(0).to(), 1e-15, "the default end of a fit window is the run's end time");
    }

    @Test
    void aNegativeLinearMassFactorStopsTheRunAsDiverged() throws Exception {
        Scenario s = Scenarios.load(Scenarios.write(dir, "lin.yaml",
                NET.replace("massStepSize: 2}", "massStepSize: 2, massUpdate: linear}")));
        Simulation sim = Assembler.build(s);
        assertEquals(MassUpdate.LINEAR, ((WassersteinFisherRao) sim.dynamics()).massUpdate());
        assertEquals(RunOutcome.Status.COMPLETED, LocalEngine.run(sim, new Recorder()).status(), "massStepSize V < 1: fine");
        Simulation big = Assembler.build(Scenarios.load(dir.resolve("lin.yaml"), "dynamics.massStepSize=1e4"));
        RunOutcome out = LocalEngine.run(big, new Recorder());
        assertEquals(RunOutcome.Status.DIVERGED, out.status(), "1 - massStepSize V < 0 somewhere");
        assertEquals(0, out.step(), "the first step is refused: its state is the last good one");
        assertTrue(out.message().contains("neurons"), out.message());
    }

    /**
     * The model's theta(0) is the scenario's initial state also after a resume: the resumed run's rows (distanceFromInit
     * included) and final hash are those of the straight run.
     */
    @Test
    void distanceFromInitSurvivesAResume() throws Exception {
        Scenario s = Scenarios.load(Scenarios.write(dir, "r.yaml", NET.replace("steps: 6", "steps: 12")
                + "output: {every: 2}\ncheckpoint: {every: 4}\nengine: {blockSize: 8}\n"));
        Recorder straight = new Recorder();
        LocalEngine.run(Assembler.build(s), straight);
        Checkpoint c = straight.checkpoints.stream().filter(k -> k.step() == 8).findFirst().orElseThrow();
        Recorder resumed = new Recorder();
        LocalEngine.run(Assembler.build(s).resumeFrom(c), resumed);
        assertEquals(straight.outcome.stateSha256(), resumed.outcome.stateSha256());
        int d = straight.columns.indexOf("distanceFromInit");
        List<Double> a = new ArrayList<>(), b = new ArrayList<>();
        for (int i = 0; i < straight.rows.size(); i++) if (straight.loggedSteps.get(i) >= 8) a.add(straight.rows.get(i)[d]);
        for (double[] row : resumed.rows) b.add(row[d]);
        assertEquals(a, b);
        assertTrue(b.get(0) > 0, "measured from step 0, not from the checkpoint");
    }

    @Test
    void theModelIsBuiltFromTheSpec() throws Exception {
        Simulation sim = Assembler.build(Scenarios.load(Scenarios.write(dir, "m.yaml", NET)));
        TwoLayerModel m = (TwoLayerModel) sim.model();
        assertEquals(List.of("cone", 3, 5, 50, 20, 40), List.of(m.readout().key(), m.inputDim(), m.positionDim(), m.samples(),
                m.testSamples(), m.neurons()));
        Population p = sim.populations().get(0);
        assertEquals(40, p.count());
    }
}
