package lmo.model.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Short teacher–student runs with an inline Euler loop (no actors): the training loss and the test loss decrease for
 * mean-field GD ({@code coordinate} + {@code wasserstein}), conic particle GD ({@code cone} + {@code wfr}) and the
 * {@code mass} readout on the population loss ({@code wfr}); and the single-neuron bilevel oracle of the digest §2.5:
 * at mu = delta_{w*}, h = K0/(K0 + lambda) and J = K0 lambda / (2 (K0 + lambda)) = 0.03125 for d = 3, lambda = 0.1,
 * and a noiseless bilevel flow from a spread-out start reaches that value.
 */
class TeacherStudentTest {

    static double[] sphere(Random rnd, int count, int dim) {
        double[] x = new double[count * dim];
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextGaussian();
        for (int i = 0; i < count; i++) Teacher.normalize(x, i * dim, dim);
        return x;
    }

    static double[] uniformMasses(int count) {
        double[] m = new double[count];
        Arrays.fill(m, 1.0 / count);
        return m;
    }

    @Test
    void meanFieldGradientDescentLearnsTheTeacher() {
        int d = 5, nN = 200;
        Teacher t = Teacher.random(3, d, true, Activation.RELU, 21);
        Dataset data = Datasets.teacherStudent(t).count(256).testCount(256).seed(22).build();
        Random rnd = new Random(23);
        int dim = 1 + d + 1;
        double[] x = new double[nN * dim];
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextGaussian();
        double[] m = uniformMasses(nN);
        TwoLayerModel model = TwoLayerModel.builder(Readout.COORDINATE).bias(true).data(data).initialState(x, m).build();
        Harness.Result first = Euler.step(model, x, m, dim, false, 1.0, 0, 64);
        Harness.Result last = first;
        for (int s = 0; s < 300; s++) last = Euler.step(model, x, m, dim, false, 1.0, 0, 64);
        assertTrue(last.metric("loss") < first.metric("loss") / 10, "train loss " + first.metric("loss") + " -> " + last.metric("loss"));
        assertTrue(last.metric("testLoss") < first.metric("testLoss") / 5, "test loss " + first.metric("testLoss") + " -> " + last.metric("testLoss"));
        assertTrue(last.metric("distanceFromInit") > 0 && first.metric("distanceFromInit") == 0.0);
    }

    @Test
    void conicParticleGradientDescentLearnsTheTeacher() {
        int d = 5, nN = 200, dim = 1 + d + 1;
        Teacher t = Teacher.random(3, d, true, Activation.RELU, 31);
        Dataset data = Datasets.teacherStudent(t).count(256).testCount(256).seed(32).build();
        double[] x = sphere(new Random(33), nN, dim);
        double[] m = uniformMasses(nN);
        TwoLayerModel model = TwoLayerModel.builder(Readout.CONE).bias(true).data(data).initialState(x, m).build();
        Harness.Result first = Euler.step(model, x, m, dim, true, 0.5, 2.0, 64);
        Harness.Result last = first;
        for (int s = 0; s < 300; s++) last = Euler.step(model, x, m, dim, true, 0.5, 2.0, 64);
        assertTrue(last.metric("testLoss") < first.metric("testLoss") / 10, "test loss " + first.metric("testLoss") + " -> " + last.metric("testLoss"));
        assertTrue(last.metric("activeNeurons") <= nN && last.metric("mass") > 0);
    }

    @Test
    void massReadoutOnThePopulationLossDecreases() {
        int d = 3, nN = 60;
        Teacher t = Teacher.random(2, d, false, Activation.RELU, 41);
        double[] x = sphere(new Random(42), nN, d);
        double[] m = uniformMasses(nN);
        TwoLayerModel model = TwoLayerModel.builder(Readout.MASS).populationLoss(t).initialState(x, m).build();
        Harness.Result first = Euler.step(model, x, m, d, true, 1.0, 4.0, 16);
        Harness.Result last = first;
        for (int s = 0; s < 300; s++) last = Euler.step(model, x, m, d, true, 1.0, 4.0, 16);
        assertTrue(last.metric("loss") < first.metric("loss") / 20, "population loss " + first.metric("loss") + " -> " + last.metric("loss"));
    }

    static double optimum(int d, double lambda) {
        double k0 = 0.5 / d;
        return 0.5 * k0 * lambda / (k0 + lambda);
    }

    @Test
    void singleNeuronBilevelOptimumAtTheTeacher() {
        int d = 3, nN = 7;
        double lambda = 0.1;
        double[] wStar = sphere(new Random(5), 1, d);
        Teacher t = Teacher.listed(d, false, Activation.RELU, wStar, new double[] {1.0});
        double[] x = new double[nN * d];
        for (int i = 0; i < nN; i++) System.arraycopy(wStar, 0, x, i * d, d);
        double[] m = uniformMasses(nN);
        TwoLayerModel model = TwoLayerModel.builder(Readout.BILEVEL).populationLoss(t).regularization(lambda).initialState(x, m).build();
        Harness.Result r = Harness.evaluate(model, x, m, d, 3);
        assertEquals(0.03125, optimum(3, 0.1), 1e-17);
        assertEquals(optimum(d, lambda), r.metric("regularizedLoss"), 1e-15, "J at delta_{w*}");
        for (double h : model.ridge(x, m)) assertEquals(0.625, h, 1e-14, "h = K0/(K0 + lambda)");
        // stationary: the gradient is radial (no tangent component)
        for (int i = 0; i < nN; i++) {
            double dot = 0, n2 = 0;
            for (int c = 0; c < d; c++) dot += r.grad()[i * d + c] * x[i * d + c];
            for (int c = 0; c < d; c++) {
                double tc = r.grad()[i * d + c] - dot * x[i * d + c];
                n2 += tc * tc;
            }
            assertTrue(Math.sqrt(n2) < 1e-15, "tangent gradient " + Math.sqrt(n2));
        }
        assertEquals(nN, r.metric("activeNeurons"));
        assertEquals(0.625, r.metric("mass"), 1e-14, "total variation sum m_i |h_i|");
    }

    @Test
    void noiselessBilevelFlowReachesTheSingleNeuronOptimum() {
        int d = 3, nN = 30;
        double lambda = 0.1;
        double[] wStar = sphere(new Random(6), 1, d);
        Teacher t = Teacher.listed(d, false, Activation.RELU, wStar, new double[] {1.0});
        double[] x = sphere(new Random(7), nN, d);
        for (int i = 0; i < nN; i++) {   // start in the hemisphere of w* (the antipodal region is flat: K(w, w*) = 0 there)
            double dot = 0;
            for (int c = 0; c < d; c++) dot += x[i * d + c] * wStar[c];
            if (dot < 0) for (int c = 0; c < d; c++) x[i * d + c] -= 2 * dot * wStar[c];
        }
        double[] m = uniformMasses(nN);
        TwoLayerModel model = TwoLayerModel.builder(Readout.BILEVEL).populationLoss(t).regularization(lambda).initialState(x, m).build();
        Harness.Result first = Euler.step(model, x, m, d, true, 2.0, 0, 8);
        Harness.Result last = first;
        for (int s = 0; s < 600; s++) last = Euler.step(model, x, m, d, true, 2.0, 0, 8);
        double opt = optimum(d, lambda);
        assertTrue(first.metric("regularizedLoss") > 1.05 * opt, "starts away from the optimum");
        assertEquals(opt, last.metric("regularizedLoss"), 0.02 * opt,
            "J " + first.metric("regularizedLoss") + " -> " + last.metric("regularizedLoss") + ", optimum " + opt);
        assertTrue(last.metric("regularizedLoss") >= opt * (1 - 1e-12), "never below the global minimum");
    }
}
