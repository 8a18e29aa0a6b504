package lmo.deep.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The data: w* solves the normal equations (X'(y - X w*) = 0), the normalised data have |w*| = 1 with the same X,
 * a lies in [lambda_min, lambda_max] of Sigma = X'X/n, the generator is deterministic and prefix-stable, and a
 * rank-deficient design is refused.
 */
class RegressionTest {

    @Test
    void olsSolvesTheNormalEquationsAndNormalisationGivesUnitNorm() {
        Regression raw = Regression.generate(50, 5, 1.0, 0);
        assertTrue(Math.abs(raw.wStarNorm() - 1) > 0.1, "raw |w*| = " + raw.wStarNorm());
        for (Regression data : new Regression[] {raw, raw.normalized(), Regression.paper(50, 5, 1.0, 0)}) {
            double[] x = data.x(), y = data.y(), w = data.wStar();
            int n = data.n(), d = data.d();
            double[] normal = new double[d];
            for (int i = 0; i < n; i++) {
                double r = y[i];
                for (int p = 0; p < d; p++) r -= x[i * d + p] * w[p];
                for (int p = 0; p < d; p++) normal[p] += x[i * d + p] * r / n;
            }
            assertTrue(Dense.norm(normal) < 1e-14, "X'(y - X w*)/n = " + Dense.norm(normal));
            // w* minimises the loss: perturbing it increases the loss
            double[] wp = w.clone();
            wp[0] += 1e-3;
            assertTrue(data.loss(wp) > data.minLoss());
            assertTrue(data.a() >= data.lambdaMin() * (1 - 1e-14) && data.a() <= data.lambdaMax() * (1 + 1e-14));
            assertEquals(data.lambdaMax() / data.lambdaMin(), data.kappa(), 1e-14);
        }
        Regression unit = raw.normalized();
        assertEquals(1.0, unit.wStarNorm(), 1e-14);
        assertArrayEquals(raw.x(), unit.x(), 0.0);
        assertEquals(raw.a(), unit.a(), 1e-13);
        assertArrayEquals(Regression.paper(50, 5, 1.0, 0).y(), unit.y(), 0.0);
        double[] e = unit.sigmaEigenvalues();
        assertEquals(unit.lambdaMax(), e[e.length - 1], 0.0);
        double[] v = unit.sigmaEigenvector(e.length - 1);
        double[] sv = unit.sigmaTimes(v);
        for (int p = 0; p < v.length; p++) assertEquals(e[e.length - 1] * v[p], sv[p], 1e-13);
    }

    @Test
    void generatorIsDeterministicAndPrefixStable() {
        Regression a = Regression.generate(60, 4, 0.5, 17);
        Regression b = Regression.generate(60, 4, 0.5, 17);
        Regression c = Regression.generate(40, 4, 0.5, 17);
        Regression other = Regression.generate(60, 4, 0.5, 18);
        assertArrayEquals(a.x(), b.x(), 0.0);
        assertArrayEquals(a.y(), b.y(), 0.0);
        assertArrayEquals(java.util.Arrays.copyOf(a.x(), 40 * 4), c.x(), 0.0);
        assertArrayEquals(java.util.Arrays.copyOf(a.y(), 40), c.y(), 0.0);
        assertTrue(Math.abs(a.x()[0] - other.x()[0]) > 0);
        // noise = 0: realisable labels, the minimum loss is 0
        assertTrue(Regression.generate(30, 4, 0.0, 3).minLoss() < 1e-28);
    }

    @Test
    void singularDesignIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Regression.generate(5, 5, 1.0, 0));
        double[] x = new double[10 * 2];
        for (int i = 0; i < 10; i++) { x[2 * i] = i; x[2 * i + 1] = 2 * i; }   // collinear columns
        assertThrows(IllegalArgumentException.class, () -> Regression.of(10, 2, x, new double[10]));
    }
}
