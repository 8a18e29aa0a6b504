package lmo.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lmo.dynamics.Fixed;
import lmo.dynamics.Langevin;
import lmo.engine.LocalEngine;
import lmo.engine.Recorder;
import lmo.engine.Simulation;
import lmo.model.barycenter.GridBarycenterModel;
import lmo.model.barycenter.ParticleBarycenter;
import lmo.transport.barycenter.GaussianBarycenter;
import lmo.transport.barycenter.GridBarycenter;
import lmo.transport.barycenter.TensorGrid;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code model.type: barycenter} in scenarios, against the closed form of the (lambda, tau)-barycenter of Gaussians
 * (cost 1/2 |x - y|^2): the grid solver to 1e-5 in d = 1, noisy particles within 3 % in d = 2, and the debiasing of
 * tau = lambda / 2 (variance error O(lambda^2) against O(lambda) at tau = lambda).
 */
@Tag("slow")
class BarycenterScenarioTest {
    @TempDir Path dir;

    static final double[] SIGMA2 = {0.25, 2.25, 1};
    static final double[] W = {0.2, 0.5, 0.3};

    /** Three Gaussians on the line, on the 201 cell centres -9, -8.9, .., 11 (h = 0.1). */
    static String line(double lambda, double tau, int steps) {
        return """
                name: grid-line
                steps: %d
                populations:
                  g:
                    count: 201
                    space: {type: euclidean, dim: 1}
                    init: {type: grid, low: [-9.05], high: [11.05]}
                model:
                  type: barycenter
                  lambda: %s
                  tau: %s
                  inputs:
                    - {type: gaussian, mean: [-1], variance: 0.25}
                    - {type: gaussian, mean: [2], variance: 2.25}
                    - {type: gaussian, mean: [4], variance: 1.0}
                  weights: [0.2, 0.5, 0.3]
                  solver: {type: grid}
                output:
                  every: 10
                """.formatted(steps, lambda, tau);
    }

    private double[] lastRow(Recorder rec, String... columns) {
        double[] row = rec.rows.get(rec.rows.size() - 1), out = new double[columns.length];
        for (int i = 0; i < columns.length; i++) out[i] = row[rec.columns.indexOf(columns[i])];
        return out;
    }

    private Recorder run(String yaml, String... overrides) throws Exception {
        Simulation sim = Assembler.build(Scenarios.load(Scenarios.write(dir, "s.yaml", yaml), overrides));
        Recorder rec = new Recorder();
        LocalEngine.run(sim, rec);
        return rec;
    }

    @Test
    void theGridSolverMatchesTheClosedFormVarianceInOneDimension() throws Exception {
        double lambda = 0.2, tau = 0.1;
        Simulation sim = Assembler.build(Scenarios.load(Scenarios.write(dir, "s.yaml", line(lambda, tau, 400))));
        assertInstanceOf(GridBarycenterModel.class, sim.model());
        assertInstanceOf(Fixed.class, sim.dynamics());
        java.util.Map<String, Object> conventions = sim.model().conventions();
        assertEquals(lambda, conventions.get("lambda"));
        assertEquals(tau, conventions.get("tau"));
        assertTrue(conventions.get("cost").toString().startsWith("half-sqeuclidean |x - y|^2 / 2"), conventions.toString());
        Recorder rec = new Recorder();
        LocalEngine.run(sim, rec);
        double[] r = lastRow(rec, "mean_0", "variance_0", "marginalError_1", "varianceError");
        double s2 = GaussianBarycenter.variance(SIGMA2, W, lambda, tau);
        assertEquals(s2, r[1], 1e-5 * s2, "variance against the closed form");
        assertEquals(2.0, r[0], 1e-5 * 2, "mean 0.2 (-1) + 0.5 (2) + 0.3 (4)");
        assertTrue(r[2] < 1e-9, "converged: marginal error " + r[2]);
        assertEquals(Math.abs(r[1] - s2) / s2, r[3], 1e-12, "varianceError is the relative error to the closed form");
        // the engine's iteration t is the library's: same grid, same inputs, same bits
        TensorGrid grid = TensorGrid.line(-9, 11, 201);
        double[][] in = new double[3][];
        double[] means = {-1, 2, 4};
        for (int k = 0; k < 3; k++) in[k] = grid.logGaussian(new double[] {means[k]}, SIGMA2[k]);
        GridBarycenter.Result lib = new GridBarycenter(grid, in, W, lambda, tau).maxIterations(401).solve();
        assertEquals(lib.variance()[0], r[1], 0.0);
    }

    @Test
    void tauHalfLambdaIsDebiased() throws Exception {
        double wVar = GaussianBarycenter.wassersteinVariance(SIGMA2, W);
        double[][] bias = new double[2][2];  // [tau = lambda, lambda / 2][lambda = 0.2, 0.1]
        double[] lambdas = {0.2, 0.1};
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double lambda = lambdas[j], tau = i == 0 ? lambda : lambda / 2;
                Recorder rec = run(line(lambda, tau, 600));
                bias[i][j] = Math.abs(lastRow(rec, "variance_0")[0] - wVar);
            }
        }
        double plain = bias[0][0] / bias[0][1], debiased = bias[1][0] / bias[1][1];
        assertEquals(2, plain, 0.2, "tau = lambda: error O(lambda), halves with lambda; errors " + bias[0][0] + ", " + bias[0][1]);
        assertEquals(4, debiased, 0.4, "tau = lambda/2: error O(lambda^2), quarters; errors " + bias[1][0] + ", " + bias[1][1]);
        assertTrue(bias[1][1] < bias[0][1] / 20, "visibly debiased at lambda = 0.1");
    }

    @Test
    void fourThousandParticlesInThePlaneMatchTheClosedFormWithinThreePercent() throws Exception {
        Scenario s = Scenarios.load(Path.of("scenarios/barycenter-gaussians.yaml"), "steps=50");
        Simulation sim = Assembler.build(s);
        assertInstanceOf(ParticleBarycenter.class, sim.model());
        Langevin noise = assertInstanceOf(Langevin.class, sim.dynamics());
        assertEquals(0.25, noise.temperature(), 0.0, "the temperature is tau");
        assertEquals(0.25, sim.model().conventions().get("tau"), "summary.json states tau");
        assertEquals(4000, sim.populations().get(0).count());
        Recorder rec = new Recorder();
        LocalEngine.run(sim, rec);
        double m0 = 0, m1 = 0, v = 0;
        int last = 30;
        for (int k = rec.rows.size() - last; k < rec.rows.size(); k++) {
            double[] row = rec.rows.get(k);
            m0 += row[rec.columns.indexOf("mean_0")] / last;
            m1 += row[rec.columns.indexOf("mean_1")] / last;
            v += (row[rec.columns.indexOf("variance_0")] + row[rec.columns.indexOf("variance_1")]) / 2 / last;
        }
        double[] mean = GaussianBarycenter.mean(new double[][] {{-1, 2}, {2, 1}, {4, 3}}, W);
        double s2 = GaussianBarycenter.variance(SIGMA2, W, 0.5, 0.25);
        assertEquals(mean[0], m0, 0.03 * Math.abs(mean[0]));
        assertEquals(mean[1], m1, 0.03 * Math.abs(mean[1]));
        assertEquals(s2, v, 0.03 * s2, "variance averaged over the last " + last + " steps");
    }

    @Test
    void aNonFiniteGridIterationStopsTheRunWithADiagnostic() throws Exception {
        Simulation sim = Assembler.build(Scenarios.load(Scenarios.write(dir, "s.yaml", line(0.2, 1e-320, 5))));
        Recorder rec = new Recorder();
        lmo.engine.RunOutcome o = LocalEngine.run(sim, rec);
        assertEquals(lmo.engine.RunOutcome.Status.DIVERGED, o.status());
        assertTrue(o.message().contains("step 0: metric mean_0 is NaN"), o.message());
    }

    @Test
    void theResolvedScenarioReadsBackTheSame() throws Exception {
        for (String file : List.of("scenarios/barycenter-gaussians.yaml", "scenarios/barycenter-1d-grid.yaml",
                "scenarios/barycenter-point-clouds.yaml", "scenarios/barycenter-small-lambda.yaml")) {
            Scenario s = Scenarios.load(Path.of(file));
            String yaml = s.toYaml();
            Scenario again = Scenarios.load(Scenarios.write(dir, "resolved.yaml", yaml));
            assertEquals(s, again, yaml);
        }
    }

    @Test
    void badKeysNameTheirPlace() throws Exception {
        String text = Files.readString(Path.of("scenarios/barycenter-gaussians.yaml"));
        assertTrue(error(text + "dynamics: {type: langevin, stepSize: 0.1, temperature: 0.25}\n")
                .contains("dynamics.type: model barycenter with solver particles sets its own dynamics"));
        assertTrue(error(text.replace("  lambda: 0.5\n", "")).contains("model: missing required key 'lambda'"));
        assertTrue(error(text.replace("  weights: [0.2, 0.5, 0.3]", "  weights: [0.2, 0.5]"))
                .contains("model.weights"));
        assertTrue(error(text.replace("{type: gaussian, mean: [-1, 2], variance: 0.25, points: 21}",
                "{type: gaussian, mean: [-1, 2], variance: 0.25, count: 20}")).contains("model.inputs[0].count"));
        assertTrue(error(text.replace("{type: particles, stepSize: 0.5, sinkhornIterations: 1}", "{type: grid}"))
                .contains("needs init {type: grid"));
        String grid = line(0.2, 0.1, 10);
        assertTrue(error(grid.replace("tau: 0.1", "tau: 0")).contains("model.tau: must be > 0"));
        assertTrue(error(grid.replace("variance: 0.25}", "variance: 0.25, points: 9}"))
                .contains("model.inputs[0].points: the grid solver samples"));
        Path outside = Scenarios.write(dir, "outside.yaml", grid.replace("{type: gaussian, mean: [4], variance: 1.0}",
                "{type: atoms, points: [[12]], weights: [1]}"));
        String msg = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class,
                () -> Assembler.build(Scenarios.load(outside))).getMessage();
        assertTrue(msg.contains("model.inputs[2]: point 0 [12.0] lies outside the grid"), msg);
    }

    private String error(String text) {
        return Scenarios.error(Scenarios.write(dir, "bad.yaml", text));
    }
}
