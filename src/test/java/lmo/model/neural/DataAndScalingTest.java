package lmo.model.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Generated data (keys, laws, teacher), the scaling-path initialisation and the predictor utility. */
class DataAndScalingTest {

    @Test
    void generatedDataAreKeyedAndPrefixStable() {
        Teacher t = Teacher.random(5, 10, false, Activation.RELU, 11);
        assertEquals(5, t.neurons());
        for (int j = 0; j < 5; j++) {
            double s = 0;
            for (int c = 0; c < 10; c++) s += t.weight(j, c) * t.weight(j, c);
            assertEquals(1.0, s, 1e-15, "teacher weights are unit vectors");
            assertEquals(0.2, t.output(j), 0.0, "default output weights 1/k");
        }
        Dataset a = Datasets.teacherStudent(t).count(100).testCount(50).seed(3).build();
        Dataset b = Datasets.teacherStudent(t).count(40).testCount(10).seed(3).build();
        assertArrayEquals(Arrays.copyOf(a.inputs(), 400), b.inputs(), "prefix-stable");
        assertArrayEquals(Arrays.copyOf(a.testInputs(), 100), b.testInputs(), "prefix-stable test set");
        assertNotEquals(a.inputs()[0], a.testInputs()[0], "test set from another key");
        assertEquals(a, Datasets.teacherStudent(t).count(100).testCount(50).seed(3).build(), "deterministic");
        double[] x = a.inputs();
        for (int k = 0; k < 100; k++) {
            double s = 0;
            for (int c = 0; c < 10; c++) s += x[k * 10 + c] * x[k * 10 + c];
            assertEquals(1.0, s, 1e-15, "sphere inputs");
            assertEquals(t.value(x, k * 10), a.labels()[k], 0.0, "noiseless labels are the teacher's");
        }
        Dataset noisy = Datasets.teacherStudent(t).count(20000).labelNoise(0.5).seed(3).inputs(Datasets.Inputs.GAUSSIAN).build();
        double s2 = 0;
        for (int k = 0; k < 20000; k++) {
            double e = noisy.labels()[k] - t.value(noisy.inputs(), k * 10);
            s2 += e * e;
        }
        assertEquals(0.5, Math.sqrt(s2 / 20000), 0.01, "label noise standard deviation");
        Dataset signs = Datasets.teacherStudent(t).count(50).signLabels(true).labelNoise(0.1).seed(3).build();
        for (double y : signs.labels()) assertTrue(y == 1.0 || y == -1.0);
        assertThrows(IllegalArgumentException.class, () -> Datasets.fromArrays(2, new double[] {1, 2, 3}, new double[] {1}, null, null));
    }

    @Test
    void symmetricInitialisationGivesAZeroNetwork() {
        int nN = 10, d = 1, dim = 1 + d + 1;
        Random rnd = new Random(4);
        double[] base = new double[nN * dim];
        for (int i = 0; i < base.length; i++) base[i] = rnd.nextGaussian();
        double[] x = ScalingPath.coordinateInit(base, nN, dim, 0.01, true);
        for (int j = 0; j < nN / 2; j++) {
            assertEquals(-x[j * dim], x[(nN / 2 + j) * dim], 0.0);
            for (int c = 1; c < dim; c++) assertEquals(x[j * dim + c], x[(nN / 2 + j) * dim + c], 0.0);
            for (int c = 0; c < dim; c++) assertEquals(0.01 * base[j * dim + c], x[j * dim + c], 0.0);
        }
        double[] m = new double[nN];
        Arrays.fill(m, 1.0 / nN);
        double[] in = {-1, -0.5, 0, 0.5, 1};
        double[] lab = {1, 0, -1, 0, 1};
        TwoLayerModel model = TwoLayerModel.builder(Readout.COORDINATE).bias(true)
            .data(Datasets.fromArrays(1, in, lab, null, null)).initialState(x, m).build();
        double[] grid = new double[41];
        for (int k = 0; k < grid.length; k++) grid[k] = -1 + 0.05 * k;
        for (double f : model.predictor(x, m, grid)) assertEquals(0.0, Math.abs(f), 1e-18, "f = 0 at a symmetric init");
        Harness.Result r = Harness.evaluate(model, x, m, dim, 3);
        assertEquals(0.5 * (1 + 0 + 1 + 0 + 1) / 5, r.metric("loss"), 1e-15);
        assertEquals(0.0, r.metric("distanceFromInit"), 0.0);
        assertThrows(IllegalArgumentException.class, () -> ScalingPath.symmetric(base, 9, 2));
        assertArrayEquals(new double[] {4, 8, 4, 8}, ScalingPath.symmetricMasses(ScalingPath.coneMasses(new double[] {1, 2, 3, 4}, 2)));
    }

    @Test
    void predictorAgreesWithTheTrainingPredictions() {
        for (Readout r : Readout.values()) {
            int d = 1, dim = r.positionDim(d + 1), nN = 9;
            Random rnd = new Random(5);
            double[] x = new double[nN * dim];
            for (int i = 0; i < x.length; i++) x[i] = rnd.nextGaussian();
            if (r.onSphere()) for (int i = 0; i < nN; i++) Teacher.normalize(x, i * dim, dim);
            double[] m = new double[nN];
            Arrays.fill(m, 1.0 / nN);
            double[] in = {-1, -0.3, 0.2, 0.9};
            double[] lab = {0.5, -0.2, 0.1, 0.7};
            TwoLayerModel model = TwoLayerModel.builder(r).bias(true).regularization(0.1)
                .data(Datasets.fromArrays(1, in, lab, null, null)).initialState(x, m).build();
            double[] f = model.predictor(x, m, in);
            Harness.Result res = Harness.evaluate(model, x, m, dim, 4);
            double loss = 0;
            for (int k = 0; k < 4; k++) loss += 0.5 * (f[k] - lab[k]) * (f[k] - lab[k]);
            assertEquals(loss / 4, res.metric("loss"), 1e-14, r.key());
        }
    }

    @Test
    void distanceFromInitIsRelativeToTheInitialNorm() {
        int nN = 4, dim = 3;
        double[] x0 = {1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0};
        double[] m0 = {0.25, 0.25, 0.25, 0.25};
        Teacher t = Teacher.random(1, 3, false, Activation.RELU, 1);
        TwoLayerModel model = TwoLayerModel.builder(Readout.MASS).populationLoss(t).initialState(x0, m0).build();
        double[] m = {1.0, 0.25, 0.25, 0.25};                 // theta_0 = sqrt(m) u doubles
        Harness.Result r = Harness.evaluate(model, x0, m, dim, 2);
        assertEquals(Math.sqrt(0.25 / 1.0), r.metric("distanceFromInit"), 1e-15);
        assertEquals(1.75, r.metric("mass"), 1e-15);
        assertEquals(4, r.metric("activeNeurons"));
        double[] mSparse = {1.0, 0, 1e-9, 0.25};
        assertEquals(2, Harness.evaluate(model, x0, mSparse, dim, 2).metric("activeNeurons"), "threshold 1e-3 * (1/4)");
    }

    @Test
    void invalidSettingsAreRefused() {
        Teacher t = Teacher.random(1, 3, false, Activation.RELU, 1);
        Dataset data = Datasets.teacherStudent(t).count(10).build();
        double[] x = new double[4 * 4];
        double[] m = new double[4];
        assertThrows(IllegalArgumentException.class, () -> TwoLayerModel.builder(Readout.CONE).activation(Activation.TANH).data(data).initialState(x, m).build());
        assertThrows(IllegalArgumentException.class, () -> TwoLayerModel.builder(Readout.BILEVEL).data(data).initialState(new double[12], m).build(), "bilevel needs lambda > 0");
        assertThrows(IllegalArgumentException.class, () -> TwoLayerModel.builder(Readout.MASS).bias(true).populationLoss(t).initialState(x, m).build());
        assertThrows(IllegalArgumentException.class, () -> TwoLayerModel.builder(Readout.MASS).data(data).initialState(x, m).build(), "wrong dim");
        assertThrows(IllegalArgumentException.class, () -> TwoLayerModel.builder(Readout.MASS).initialState(new double[12], m).build(), "no data");
    }
}
