package lmo.model.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The claim "for every valid readout and activation pair, the analytic first-variation gradient agrees with a
 * central finite difference of the loss to 1e-6 relative": for a small explicit set of weighted particles, the
 * functional F (written independently in {@link Reference}; for bilevel the exact J_N with its own ridge solve) is
 * differentiated numerically in every position coordinate and every mass, and compared with the model's
 * {@code m_i grad V(x_i)} and {@code V(x_i)}; the metric {@code regularizedLoss} must equal F.
 */
class FirstVariationTest {
    static final int D = 3, N = 6, SAMPLES = 13, TESTS = 5;
    static final double H = 1e-6, TOL = 1e-6;

    record Case(Reference.Setting s, boolean population) {
        @Override public String toString() {
            return s.readout().key() + "/" + s.activation().key() + "/" + s.loss().key() + (s.bias() ? "/bias" : "")
                + "/lambda=" + s.lambda() + (s.readout() == Readout.MASS ? "/" + s.signs().key() : "")
                + (population ? "/population" : "");
        }
    }

    static Stream<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (Readout r : Readout.values()) {
            for (Activation a : Activation.values()) {
                if ((r == Readout.CONE || r == Readout.MASS) && a != Activation.RELU) continue;
                for (Loss l : Loss.values()) {
                    if (r == Readout.BILEVEL && l != Loss.SQUARE) continue;
                    for (boolean bias : new boolean[] {false, true}) {
                        for (double lambda : r == Readout.BILEVEL ? new double[] {0.05, 0.3} : new double[] {0, 0.3}) {
                            for (Signs sg : r == Readout.MASS ? Signs.values() : new Signs[] {Signs.POSITIVE}) {
                                out.add(new Case(new Reference.Setting(r, a, bias, l, lambda, sg), false));
                            }
                        }
                    }
                }
            }
            for (double lambda : r == Readout.BILEVEL ? new double[] {0.1, 0.5} : new double[] {0, 0.2}) {
                for (Signs sg : r == Readout.MASS ? Signs.values() : new Signs[] {Signs.POSITIVE}) {
                    out.add(new Case(new Reference.Setting(r, Activation.RELU, false, Loss.SQUARE, lambda, sg), true));
                }
            }
        }
        return out.stream();
    }

    /** A random state: Gaussian positions (normalised for the sphere readouts), masses in [0.5, 1.5]/N. */
    static double[][] state(Readout r, int dim, long seed) {
        Random rnd = new Random(seed);
        double[] x = new double[N * dim];
        double[] m = new double[N];
        for (int i = 0; i < N; i++) {
            for (int c = 0; c < dim; c++) x[i * dim + c] = rnd.nextGaussian();
            if (r.onSphere()) Teacher.normalize(x, i * dim, dim);
            m[i] = (0.5 + rnd.nextDouble()) / N;
        }
        return new double[][] {x, m};
    }

    static Dataset data(Reference.Setting s) {
        Teacher t = Teacher.random(2, D, s.bias(), s.activation(), 5);
        return Datasets.teacherStudent(t).count(SAMPLES).testCount(TESTS).labelNoise(0.1)
            .signLabels(s.loss() == Loss.LOGISTIC).seed(9).build();
    }

    static Teacher populationTeacher() {
        return Teacher.random(2, D, false, Activation.RELU, 6, new double[] {0.7, -0.4});
    }

    static TwoLayerModel model(Case c, double[] x, double[] m) {
        Reference.Setting s = c.s();
        TwoLayerModel.Builder b = TwoLayerModel.builder(s.readout()).activation(s.activation()).bias(s.bias())
            .loss(s.loss()).regularization(s.lambda()).signs(s.signs()).initialState(x, m);
        return (c.population() ? b.populationLoss(populationTeacher()) : b.data(data(s))).build();
    }

    static double functional(Case c, double[] x, double[] m) {
        return c.population() ? Reference.population(c.s(), populationTeacher(), x, m) : Reference.samples(c.s(), data(c.s()), x, m);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientAndMassDerivativeMatchFiniteDifferences(Case c) {
        int dim = c.s().readout().positionDim(D + (c.s().bias() ? 1 : 0));
        double[][] st = state(c.s().readout(), dim, 17);
        double[] x = st[0], m = st[1];
        TwoLayerModel model = model(c, x, m);
        Harness.Result res = Harness.evaluate(model, x, m, dim, 4);

        double f0 = functional(c, x, m);
        assertEquals(f0, res.metric("regularizedLoss"), 1e-12 * Math.max(1, Math.abs(f0)), "regularizedLoss = F");

        double[] an = new double[N * dim + N];
        double[] fd = new double[N * dim + N];
        for (int i = 0; i < N; i++) {
            for (int q = 0; q < dim; q++) {
                int at = i * dim + q;
                double keep = x[at];
                x[at] = keep + H;
                double fp = functional(c, x, m);
                x[at] = keep - H;
                double fm = functional(c, x, m);
                x[at] = keep;
                fd[at] = (fp - fm) / (2 * H);
                an[at] = m[i] * res.grad()[at];
            }
            double keep = m[i];
            m[i] = keep + H;
            double fp = functional(c, x, m);
            m[i] = keep - H;
            double fm = functional(c, x, m);
            m[i] = keep;
            fd[N * dim + i] = (fp - fm) / (2 * H);
            an[N * dim + i] = res.v()[i];
        }
        double scaleX = 0, scaleM = 0;
        for (int k = 0; k < N * dim; k++) scaleX = Math.max(scaleX, Math.abs(an[k]));
        for (int k = N * dim; k < an.length; k++) scaleM = Math.max(scaleM, Math.abs(an[k]));
        assertTrue(scaleX > 1e-6, "a non-trivial gradient");
        for (int k = 0; k < an.length; k++) {
            double scale = k < N * dim ? scaleX : scaleM;
            String what = k < N * dim ? "dF/dx[" + k + "]" : "dF/dm[" + (k - N * dim) + "]";
            assertEquals(an[k], fd[k], TOL * scale, what + " for " + c);
        }
    }
}
