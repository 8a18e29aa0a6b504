package lmo.model.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The particle energy floor (paper P1, section 1.2): N equispaced particles x_i = (i + 1/2)/N against the uniform
 * target have {@code E = zeta(2s)/(2 pi N)^(2s)} (1/(24 N^2) at s = 1) and are a critical point (grad V = 0).
 */
class EquispacedFloorTest {

    static double[] equispaced(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = (i + 0.5) / n;
        return x;
    }

    static double[] uniformMass(int n) {
        double[] m = new double[n];
        Arrays.fill(m, 1.0 / n);
        return m;
    }

    @ParameterizedTest(name = "s={0} N={1}")
    @CsvSource({"1, 10", "1, 100", "1, 1000", "2, 10", "2, 100", "2, 1000"})
    void exactKernelEnergyIsTheZetaFloor(int s, int n) {
        double zeta = s == 1 ? Math.PI * Math.PI / 6 : Math.pow(Math.PI, 4) / 90;
        double expected = zeta / Math.pow(2 * Math.PI * n, 2 * s);
        var r = PlainLoop.evaluate(MmdModel.sobolevExact(0, s, Target.uniform()), equispaced(n), uniformMass(n), 1, 64);
        // s = 1: 1e-11 relative. s = 2: the floor (7e-16 at N = 1000) is a sum of N^2 terms of size up to
        // K_2(0) = 1/720, so the pair sums resolve it only to a fraction of ulp(1/720) = 2e-19.
        double tolerance = 1e-11 * expected + (s == 1 ? 0 : 0.05 * Math.ulp(1.0 / 720));
        assertEquals(expected, r.energy(), tolerance);
        if (s == 1) assertEquals(1.0 / (24.0 * n * n), r.energy(), 1e-11 * expected);
        for (double g : r.grad()[0]) assertTrue(Math.abs(g) < 1e-13, "grad V = " + g);
    }

    /** Truncated to |k| <= modes, only the aliases k = l N survive: E = sum_{1 <= l <= modes/N} (2 pi l N)^(-2s). */
    @ParameterizedTest(name = "s={0} N={1} modes={2}")
    @CsvSource({"1.5, 16, 64", "1.5, 10, 64", "1.5, 100, 64", "1, 8, 40", "2.5, 7, 50"})
    void fourierEnergyIsTheTruncatedFloor(double s, int n, int modes) {
        double expected = 0;
        for (int l = 1; l * n <= modes; l++) expected += Math.pow(2 * Math.PI * l * n, -2 * s);
        var r = PlainLoop.evaluate(MmdModel.sobolevFourier(0, 1, s, modes, Target.uniform()), equispaced(n), uniformMass(n), 1, 64);
        assertEquals(expected, r.energy(), 1e-12 * expected + 1e-30);
        for (double g : r.grad()[0]) assertTrue(Math.abs(g) < 1e-13, "grad V = " + g);
    }

    /** n x n grid on T^2: m_k = +-1 for k in nZ^2, else 0; E = 1/2 sum_{k in nZ^2, 0 < |k|_inf <= modes} lambda_k. */
    @ParameterizedTest(name = "s={0} n={1} modes={2}")
    @CsvSource({"1.5, 4, 9", "2, 5, 12"})
    void fourierEnergyOfAGridOnTheTwoTorus(double s, int n, int modes) {
        double expected = 0;
        for (int a = -modes; a <= modes; a++) {
            for (int b = -modes; b <= modes; b++) {
                if ((a == 0 && b == 0) || a % n != 0 || b % n != 0) continue;
                expected += 0.5 * Math.pow(4 * Math.PI * Math.PI * ((double) a * a + (double) b * b), -s);
            }
        }
        double[] x = new double[2 * n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                x[2 * (i * n + j)] = (i + 0.5) / n;
                x[2 * (i * n + j) + 1] = (j + 0.5) / n;
            }
        }
        var r = PlainLoop.evaluate(MmdModel.sobolevFourier(0, 2, s, modes, Target.uniform()), x, uniformMass(n * n), 2, 64);
        assertEquals(expected, r.energy(), 1e-12 * expected);
        for (double g : r.grad()[0]) assertTrue(Math.abs(g) < 1e-13, "grad V = " + g);
    }
}
