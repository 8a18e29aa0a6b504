package lmo.model.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.stream.Stream;
import lmo.model.Model;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * V is the first variation of F and grad V its gradient: for mu = sum_i m_i delta_{x_i},
 * {@code dF/dm_i = V(x_i)} and {@code dF/dx_i = m_i grad V(x_i)}, checked by central differences of the energy metric
 * for every kernel, several targets and dimensions, with unequal masses and small blocks.
 */
class FirstVariationTest {
    static final int N = 13;

    static Target samples(int dim, int m, long seed, boolean torus) {
        Random r = new Random(seed);
        double[] y = new double[m * dim];
        double[] v = new double[m];
        for (int i = 0; i < y.length; i++) y[i] = torus ? r.nextDouble() : 0.3 + 0.8 * r.nextGaussian();
        double sum = 0;
        for (int j = 0; j < m; j++) sum += v[j] = 0.5 + r.nextDouble();
        for (int j = 0; j < m; j++) v[j] /= sum;
        return Target.samples(y, v, dim);
    }

    static Stream<Arguments> models() {
        Target cos1 = Target.cosine(new int[][] {{1}, {2}, {-1}}, new double[] {0.3, 0.2, 0.1});
        Target cos2 = Target.cosine(new int[][] {{1, 0}, {1, -2}, {0, 3}}, new double[] {0.3, 0.2, -0.25});
        return Stream.of(
            Arguments.of("exact s=1 uniform", MmdModel.sobolevExact(0, 1, Target.uniform()), 1, true),
            Arguments.of("exact s=1 cosine", MmdModel.sobolevExact(0, 1, cos1), 1, true),
            Arguments.of("exact s=1 samples", MmdModel.sobolevExact(0, 1, samples(1, 15, 3, true)), 1, true),
            Arguments.of("exact s=2 cosine", MmdModel.sobolevExact(0, 2, cos1), 1, true),
            Arguments.of("exact s=2 samples", MmdModel.sobolevExact(0, 2, samples(1, 15, 4, true)), 1, true),
            Arguments.of("exact s=3 uniform", MmdModel.sobolevExact(0, 3, Target.uniform()), 1, true),
            Arguments.of("fourier d=1 s=1.5 uniform", MmdModel.sobolevFourier(0, 1, 1.5, 16, Target.uniform()), 1, true),
            Arguments.of("fourier d=1 s=1.5 cosine", MmdModel.sobolevFourier(0, 1, 1.5, 16, cos1), 1, true),
            Arguments.of("fourier d=1 s=1 samples", MmdModel.sobolevFourier(0, 1, 1.0, 16, samples(1, 15, 5, true)), 1, true),
            Arguments.of("fourier d=2 s=1.2 cosine", MmdModel.sobolevFourier(0, 2, 1.2, 6, cos2), 2, true),
            Arguments.of("fourier d=2 s=2 samples", MmdModel.sobolevFourier(0, 2, 2.0, 5, samples(2, 9, 6, true)), 2, true),
            Arguments.of("fourier d=3 s=2 uniform", MmdModel.sobolevFourier(0, 3, 2.0, 3, Target.uniform()), 3, true),
            Arguments.of("gaussian d=1", MmdModel.gaussian(0, 1, 0.3, samples(1, 25, 7, false)), 1, false),
            Arguments.of("gaussian d=2", MmdModel.gaussian(0, 2, 0.3, samples(2, 25, 8, false)), 2, false),
            Arguments.of("gaussian d=3", MmdModel.gaussian(0, 3, 0.5, samples(3, 25, 9, false)), 3, false),
            Arguments.of("energy d=1", MmdModel.energy(0, 1, samples(1, 25, 10, false)), 1, false),
            Arguments.of("energy d=2", MmdModel.energy(0, 2, samples(2, 25, 11, false)), 2, false),
            Arguments.of("energy d=3", MmdModel.energy(0, 3, samples(3, 25, 12, false)), 3, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void gradientIsTheDerivativeOfTheEnergyInPosition(String name, Model model, int dim, boolean torus) {
        Random r = new Random(name.hashCode());
        double[] x = new double[N * dim];
        double[] m = new double[N];
        for (int i = 0; i < x.length; i++) x[i] = torus ? 0.05 + 0.9 * r.nextDouble() : 0.2 + r.nextGaussian();
        for (int i = 0; i < N; i++) m[i] = (0.5 + r.nextDouble()) / N;
        var at = PlainLoop.evaluate(model, x, m, dim, 5);
        double scale = 0;
        for (int i = 0; i < N; i++) for (int c = 0; c < dim; c++) scale = Math.max(scale, Math.abs(m[i] * at.grad()[0][i * dim + c]));
        double h = 1e-6;
        for (int i = 0; i < N; i++) {
            for (int c = 0; c < dim; c++) {
                double[] xp = x.clone();
                double[] xm = x.clone();
                xp[i * dim + c] += h;
                xm[i * dim + c] -= h;
                double fd = (PlainLoop.energy(model, xp, m, dim) - PlainLoop.energy(model, xm, m, dim)) / (2 * h);
                assertEquals(fd, m[i] * at.grad()[0][i * dim + c], 1e-7 * scale, name + ": particle " + i + " coordinate " + c);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void potentialIsTheDerivativeOfTheEnergyInMass(String name, Model model, int dim, boolean torus) {
        Random r = new Random(name.hashCode() + 1);
        double[] x = new double[N * dim];
        double[] m = new double[N];
        for (int i = 0; i < x.length; i++) x[i] = torus ? r.nextDouble() : 0.2 + r.nextGaussian();
        for (int i = 0; i < N; i++) m[i] = (0.5 + r.nextDouble()) / N;
        var at = PlainLoop.evaluate(model, x, m, dim, 5);
        double scale = 0;
        for (double v : at.v()[0]) scale = Math.max(scale, Math.abs(v));
        double h = 1e-4;   // F is quadratic in the masses: central differences are exact up to rounding
        for (int i = 0; i < N; i++) {
            double[] mp = m.clone();
            double[] mm = m.clone();
            mp[i] += h;
            mm[i] -= h;
            double fd = (PlainLoop.energy(model, x, mp, dim) - PlainLoop.energy(model, x, mm, dim)) / (2 * h);
            assertEquals(fd, at.v()[0][i], 1e-9 * scale, name + ": particle " + i);
        }
    }
}
