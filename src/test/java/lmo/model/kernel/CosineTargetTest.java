package lmo.model.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code V(x) = int K_s(x - y) d(mu - nu)(y)} for nu with density {@code 1 + sum_j a_j cos(2 pi k_j x)}: the direct
 * evaluation {@code sum_j m_j K_s(x - x_j) - sum_j a_j lambda_(k_j) cos(2 pi k_j x)} (K_2 = -B_4({y})/24 written out
 * here), the closed-form (exact) model and the Fourier model agree.
 */
class CosineTargetTest {
    // wave vectors 1, -1 (same mode as 1) and 3: the density is 1 + 0.3 cos(2 pi x) + 0.25 cos(6 pi x)
    static final Target TARGET = Target.cosine(new int[][] {{1}, {-1}, {3}}, new double[] {0.2, 0.1, 0.25});

    static double k2(double y) {
        double f = y - Math.floor(y);
        return -(f * f * f * f - 2 * f * f * f + f * f - 1.0 / 30) / 24;
    }

    static double lambda(int k, int s) { return Math.pow(2 * Math.PI * k, -2.0 * s); }

    @Test
    void exactAndFourierPotentialsEqualTheDirectIntegral() {
        int n = 9;
        Random r = new Random(42);
        double[] x = new double[n];
        double[] m = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) { x[i] = r.nextDouble(); total += m[i] = 0.5 + r.nextDouble(); }
        for (int i = 0; i < n; i++) m[i] /= total;

        var exact = PlainLoop.evaluate(MmdModel.sobolevExact(0, 2, TARGET), x, m, 1, 4);
        var fourier = PlainLoop.evaluate(MmdModel.sobolevFourier(0, 1, 2.0, 20_000, TARGET), x, m, 1, 4);

        double pp = 0;
        double pt = 0;
        for (int i = 0; i < n; i++) {
            double direct = 0;
            for (int j = 0; j < n; j++) direct += m[j] * k2(x[i] - x[j]);
            double t = 0.3 * lambda(1, 2) * Math.cos(2 * Math.PI * x[i]) + 0.25 * lambda(3, 2) * Math.cos(6 * Math.PI * x[i]);
            pp += m[i] * direct;
            pt += m[i] * t;
            direct -= t;
            double grad = 0;
            for (int j = 0; j < n; j++) {
                double f = (x[i] - x[j]) - Math.floor(x[i] - x[j]);
                grad += m[j] * -(4 * f * f * f - 6 * f * f + 2 * f) / 24;
            }
            grad += 0.3 * lambda(1, 2) * 2 * Math.PI * Math.sin(2 * Math.PI * x[i])
                + 0.25 * lambda(3, 2) * 6 * Math.PI * Math.sin(6 * Math.PI * x[i]);
            assertEquals(direct, exact.v()[0][i], 1e-15, "exact V");
            assertEquals(direct, fourier.v()[0][i], 1e-10, "fourier V");
            assertEquals(grad, exact.grad()[0][i], 1e-14, "exact grad V");
            assertEquals(grad, fourier.grad()[0][i], 1e-9, "fourier grad V");
        }
        // int int K dnu dnu = sum_k lambda_k |nu_k|^2 = lambda_1 0.3^2 / 2 + lambda_3 0.25^2 / 2
        double nunu = lambda(1, 2) * 0.09 / 2 + lambda(3, 2) * 0.0625 / 2;
        double energy = 0.5 * pp - pt + 0.5 * nunu;
        assertEquals(energy, exact.energy(), 1e-15);
        assertEquals(energy, fourier.energy(), 1e-12);
    }

    @Test
    void targetValidation() {
        assertThrows(IllegalArgumentException.class, () -> Target.cosine(new int[][] {{0}}, new double[] {0.1}));
        assertThrows(IllegalArgumentException.class, () -> Target.cosine(new int[][] {{1}, {1, 2}}, new double[] {0.1, 0.1}));
        assertThrows(IllegalArgumentException.class, () -> Target.samples(new double[] {0.1, 0.2}, new double[] {0.5, 0.4}, 1));
        assertThrows(IllegalArgumentException.class, () -> Target.samples(new double[] {0.1, 0.2, 0.3}, new double[] {0.5, 0.5}, 2));
        assertThrows(IllegalArgumentException.class, () -> MmdModel.sobolevExact(0, 2, Target.cosine(new int[][] {{1, 1}}, new double[] {0.1})));
        assertThrows(IllegalArgumentException.class, () -> MmdModel.gaussian(0, 2, 0.1, Target.uniform()));
        assertThrows(IllegalArgumentException.class, () -> MmdModel.sobolevExact(0, 11, Target.uniform()));
    }

    @Test
    void oppositeWaveVectorsAddUpInEveryDimension() {
        // 0.2 cos(2 pi (x + 2y)) + 0.1 cos(2 pi (-x - 2y)) is 0.3 cos(2 pi (x + 2y)): same model, same numbers
        Target split = Target.cosine(new int[][] {{1, 2}, {-1, -2}}, new double[] {0.2, 0.1});
        Target merged = Target.cosine(new int[][] {{1, 2}}, new double[] {0.3});
        double[] x = {0.1, 0.7, 0.4, 0.25, 0.9, 0.5};
        double[] m = {0.2, 0.3, 0.5};
        var a = PlainLoop.evaluate(MmdModel.sobolevFourier(0, 2, 1.5, 4, split), x, m, 2, 2);
        var b = PlainLoop.evaluate(MmdModel.sobolevFourier(0, 2, 1.5, 4, merged), x, m, 2, 2);
        assertEquals(b.energy(), a.energy(), 1e-17);
        for (int i = 0; i < 3; i++) assertEquals(b.v()[0][i], a.v()[0][i], 1e-17);
    }
}
