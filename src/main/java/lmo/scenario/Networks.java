package lmo.scenario;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import lmo.engine.Block;
import lmo.engine.Gathered;
import lmo.engine.Population;
import lmo.engine.Reduction;
import lmo.engine.Summaries;
import lmo.init.GridInit;
import lmo.io.Csv;
import lmo.io.Table;
import lmo.model.Model;
import lmo.model.neural.Activation;
import lmo.model.neural.Dataset;
import lmo.model.neural.Datasets;
import lmo.model.neural.Loss;
import lmo.model.neural.Readout;
import lmo.model.neural.Signs;
import lmo.model.neural.Teacher;
import lmo.model.neural.TwoLayerModel;
import lmo.family.NetworkDataSpec;
import lmo.family.TeacherSpec;
import lmo.family.TwoLayerSpec;

/**
 * Builds the {@link TwoLayerModel} of a {@link TwoLayerSpec}: the teacher, the data set (generated, read from files,
 * or the population loss), and the neurons' initial state, which is the population as assembled from the scenario
 * (the state {@code distanceFromInit} measures from, also after a resume).
 */
final class Networks {
    private Networks() {}

    static TwoLayerModel model(TwoLayerSpec t, Population pop, Locations where) throws ScenarioException {
        try {
            TwoLayerModel.Builder b = TwoLayerModel.builder(Readout.parse(t.readout()))
                    .population(pop.index())
                    .activation(Activation.parse(t.activation()))
                    .bias(t.bias())
                    .loss(Loss.parse(t.loss()))
                    .regularization(t.regularization())
                    .initialState(pop.x0(), pop.m0());
            if (t.signs() != null) b.signs(Signs.parse(t.signs()));
            if (t.activeThreshold() != null) b.activeThreshold(t.activeThreshold());
            NetworkDataSpec d = t.data();
            if (d.population()) b.populationLoss(teacher(d.teacher(), d.dim()));
            else b.data(dataset(d, Loss.parse(t.loss()), where));
            return b.build();
        } catch (IllegalArgumentException e) {
            throw where.error("model", e.getMessage());
        }
    }

    /** The teacher of generated data, stated in full. */
    static Teacher teacher(TeacherSpec s, int d) {
        Activation act = Activation.parse(s.activation());
        double[] outputs = s.outputs() == null ? null : s.outputs().stream().mapToDouble(Double::doubleValue).toArray();
        return switch (s.type()) {
            case "random" -> Teacher.random(s.neurons(), d, s.bias(), act, s.seed(), outputs);
            case "listed" -> Teacher.listed(d, s.bias(), act, s.weights().stream().mapToDouble(Double::doubleValue).toArray(), outputs);
            default -> circle(s, act);
        };
    }

    /**
     * k neurons at the angles {@code phi_t = 2 pi (t + 1/2) / k} of the circle (the points of {@code init: {type:
     * grid}} on a sphere of dim 2), output weights {@code a_t = (M / k) (1 + sum_j a_j cos(2 pi k_j (t + 1/2) / k))}:
     * the measure of density {@code (M / 2 pi) (1 + sum_j a_j cos(k_j phi))} on the circle, discretised.
     */
    private static Teacher circle(TeacherSpec s, Activation act) {
        int k = s.neurons();
        double[] w = new double[2 * k];
        double[] a = new double[k];
        for (int t = 0; t < k; t++) {
            double phi = GridInit.circleAngle(t, k);
            w[2 * t] = StrictMath.cos(phi);
            w[2 * t + 1] = StrictMath.sin(phi);
            double rho = 1;
            for (CosineMode mode : s.density().modes()) {
                rho += mode.amplitude() * StrictMath.cos(2 * Math.PI * mode.k()[0] * ((t + 0.5) / k));
            }
            a[t] = s.mass() / k * rho;
        }
        return Teacher.listed(2, false, act, w, a);
    }

    private static Dataset dataset(NetworkDataSpec d, Loss loss, Locations where) throws ScenarioException {
        if (d.generated()) {
            return Datasets.teacherStudent(teacher(d.teacher(), d.dim())).inputs(Datasets.Inputs.parse(d.inputs()))
                    .count(d.count()).testCount(d.testCount()).labelNoise(d.noise())
                    .signLabels(loss == Loss.LOGISTIC).seed(d.seed()).build();
        }
        double[] x = read(d.inputsFile(), "model.data.inputs.path", where);
        double[] y = read(d.labelsFile(), "model.data.labels.path", where);
        double[] xt = d.testCount() > 0 ? read(d.testInputsFile(), "model.data.test.inputs.path", where) : null;
        double[] yt = d.testCount() > 0 ? read(d.testLabelsFile(), "model.data.test.labels.path", where) : null;
        return Datasets.fromArrays(d.dim(), x, y, xt, yt);
    }

    private static double[] read(Path file, String key, Locations where) throws ScenarioException {
        try {
            return Csv.readNumeric(file).data();
        } catch (IOException | IllegalArgumentException e) {
            throw where.error(key, "cannot read " + file + ": " + e.getMessage());
        }
    }

    /**
     * A model plus {@code predictor.csv}: the network's output on a grid of 1-D inputs at the final state
     * ({@link Model#finalTables}); everything else is the inner model's.
     */
    static final class WithPredictor implements Model {
        private final Model inner;
        private final TwoLayerModel net;
        private final int population;
        private final double[] grid;

        WithPredictor(Model inner, TwoLayerModel net, int population, double[] grid) {
            this.inner = inner;
            this.net = net;
            this.population = population;
            this.grid = grid.clone();
        }

        @Override public int rounds() { return inner.rounds(); }
        @Override public Reduction reduction(int round) { return inner.reduction(round); }
        @Override public void partial(int round, Block b, Summaries done, double[] out) { inner.partial(round, b, done, out); }
        @Override public void globalStep(int round, Summaries s) { inner.globalStep(round, s); }
        @Override public void firstVariation(Block b, Summaries s, double[] v, double[] gradV, double[] sums) {
            inner.firstVariation(b, s, v, gradV, sums);
        }
        @Override public int metricSumLength() { return inner.metricSumLength(); }
        @Override public List<String> metricNames() { return inner.metricNames(); }
        @Override public double[] metrics(Summaries s, double[] sums) { return inner.metrics(s, sums); }
        @Override public int defaultBlockSize(int[] counts) { return inner.defaultBlockSize(counts); }
        @Override public double pairEvaluationsPerStep(int[] counts) { return inner.pairEvaluationsPerStep(counts); }

        @Override
        public Map<String, FinalTable> finalTables(Gathered state) {
            double[] f = net.predictor(state.x()[population], state.m()[population], grid);
            double[] rows = new double[2 * grid.length];
            for (int k = 0; k < grid.length; k++) {
                rows[2 * k] = grid[k];
                rows[2 * k + 1] = f[k];
            }
            return Map.of("predictor.csv", new FinalTable(List.of("x", "f"), new Table(grid.length, 2, rows)));
        }

        @Override public String toString() { return inner + " with predictor.csv"; }
    }
}
