package lmo.model.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The headline claim at s = 1, d = 1, nu uniform: the particle system relaxes exactly geometrically. Explicit Euler
 * {@code x <- frac(x - eta grad V(x))} from a Gaussian cloud (std 0.05 around 0.5) gives
 * {@code E_k = E_inf + (E_0 - E_inf) (1 - eta)^(2k)}, {@code E_inf = 1/(24 N^2)}: for sorted particles with masses
 * 1/N, {@code grad V(x_i) = (x_i - q_i) - mean(x - q)} with {@code q_i = (i - 1/2)/N}, so the deviation from the
 * equispaced configuration shrinks by {@code 1 - eta} per step and the energy excess by its square.
 */
class EulerDecayTest {

    @ParameterizedTest(name = "N={0} eta={1} steps={2}")
    @CsvSource({"1000, 0.01, 400", "2000, 0.01, 100", "2000, 0.5, 60", "2000, 1.0, 20", "1000, 0.5, 60", "1000, 1.0, 20"})
    void energyDecaysExactlyGeometrically(int n, double eta, int steps) {
        Random r = new Random(2024 + n);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = 0.5 + 0.05 * r.nextGaussian();
        double[] m = new double[n];
        Arrays.fill(m, 1.0 / n);
        MmdModel model = MmdModel.sobolevExact(0, 1, Target.uniform());
        double eInf = 1.0 / (24.0 * n * n);
        double e0 = Double.NaN;
        for (int k = 0; k <= steps; k++) {
            var at = PlainLoop.evaluate(model, x, m, 1, 256);
            if (k == 0) {
                e0 = at.energy();
                assertTrue(e0 > 100 * eInf, "the cloud starts far from equilibrium: E_0 = " + e0);
            }
            if (k % 10 == 0 || k == steps) {
                double expected = eInf + (e0 - eInf) * Math.pow(1 - eta, 2 * k);
                assertEquals(expected, at.energy(), 1e-9 * (e0 - eInf) + 1e-15, "step " + k);
            }
            double[] g = at.grad()[0];
            for (int i = 0; i < n; i++) {
                double y = x[i] - eta * g[i];
                x[i] = y - Math.floor(y);
            }
        }
    }
}
