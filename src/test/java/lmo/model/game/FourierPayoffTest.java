package lmo.model.game;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fourier payoff is the double Fourier sum as written, with the documented mode order and random law. */
class FourierPayoffTest {

    /** {@code Re sum_k sum_l c_kl e^(2 pi i (k.x + l.y))} term by term, one cos and sin per pair of modes. */
    private static double naive(FourierPayoff f, double[] x, double[] y) {
        int d = f.dim(), side = 2 * f.order() + 1, n = f.modes();
        double[] c = f.coefficients();
        double s = 0;
        for (int k = 0; k < n; k++) {
            for (int l = 0; l < n; l++) {
                double phase = 0;
                for (int a = d - 1, rk = k, rl = l; a >= 0; a--, rk /= side, rl /= side) {
                    phase += (rk % side - f.order()) * x[a] + (rl % side - f.order()) * y[a];
                }
                phase *= 2 * Math.PI;
                s += c[2 * (k * n + l)] * Math.cos(phase) - c[2 * (k * n + l) + 1] * Math.sin(phase);
            }
        }
        return s;
    }

    @ParameterizedTest
    @CsvSource({"1, 3", "2, 2", "3, 1"})
    void valueIsTheDoubleFourierSum(int d, int order) {
        FourierPayoff f = FourierPayoff.random(d, order, 42);
        double[] u = PathsTest.uniforms(5, 20 * d);
        for (int t = 0; t + 2 * d <= u.length; t += 2 * d) {
            double[] x = Arrays.copyOfRange(u, t, t + d), y = Arrays.copyOfRange(u, t + d, t + 2 * d);
            assertEquals(naive(f, x, y), f.value(x, 0, y, 0), 1e-11);
        }
    }

    @Test
    void gradientsAreFiniteDifferences() {
        FourierPayoff f = FourierPayoff.random(2, 2, 8);
        double[] x = {0.3, 0.71}, y = {0.12, 0.9}, g = new double[2];
        double h = 1e-6;
        f.gradX(x, 0, y, 0, g, 0);
        for (int c = 0; c < 2; c++) {
            double[] p = x.clone(), m = x.clone();
            p[c] += h;
            m[c] -= h;
            assertEquals((f.value(p, 0, y, 0) - f.value(m, 0, y, 0)) / (2 * h), g[c], 1e-6);
        }
        f.gradY(x, 0, y, 0, g, 0);
        for (int c = 0; c < 2; c++) {
            double[] p = y.clone(), m = y.clone();
            p[c] += h;
            m[c] -= h;
            assertEquals((f.value(x, 0, p, 0) - f.value(x, 0, m, 0)) / (2 * h), g[c], 1e-6);
        }
    }

    @Test
    void modeOrderIsLexicographicFirstAxisSlowest() {
        FourierPayoff f = new FourierPayoff(2, 1, new double[2 * 81]);
        assertEquals(0, f.modeIndex(new int[] {-1, -1}));
        assertEquals(1, f.modeIndex(new int[] {-1, 0}));
        assertEquals(3, f.modeIndex(new int[] {0, -1}));
        assertEquals(4, f.modeIndex(new int[] {0, 0}));
        assertEquals(8, f.modeIndex(new int[] {1, 1}));
        // a single coefficient c_{k,l} = 1 with k = (1, 0), l = (0, -1): f = cos 2 pi (x_1 - y_2)
        double[] c = new double[2 * 81];
        c[2 * (f.modeIndex(new int[] {1, 0}) * 9 + f.modeIndex(new int[] {0, -1}))] = 1;
        FourierPayoff g = new FourierPayoff(2, 1, c);
        double[] x = {0.21, 0.4}, y = {0.7, 0.05};
        assertEquals(Math.cos(2 * Math.PI * (0.21 - 0.05)), g.value(x, 0, y, 0), 1e-14);
    }

    @Test
    void randomCoefficientsAreDeterministicBySeedWithUnitVariance() {
        assertArrayEquals(FourierPayoff.random(2, 3, 1234).coefficients(), FourierPayoff.random(2, 3, 1234).coefficients());
        assertFalse(Arrays.equals(FourierPayoff.random(2, 3, 1234).coefficients(), FourierPayoff.random(2, 3, 1235).coefficients()));
        double[] c = FourierPayoff.random(2, 3, 1234).coefficients();
        double re = 0, im = 0;
        for (int i = 0; i < c.length; i += 2) {
            re += c[i] * c[i];
            im += c[i + 1] * c[i + 1];
        }
        int n = c.length / 2;  // 2401 coefficients: E re^2 = E im^2 = 1/2, sd of the mean ~ 0.014
        assertEquals(0.5, re / n, 0.06);
        assertEquals(0.5, im / n, 0.06);
    }

    @Test
    void wrongCoefficientCountsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new FourierPayoff(1, 3, new double[97]));
        assertThrows(IllegalArgumentException.class, () -> FourierPayoff.modeCount(3, 20));
    }
}
