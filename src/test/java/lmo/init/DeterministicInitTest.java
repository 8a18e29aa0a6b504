package lmo.init;

import static org.junit.jupiter.api.Assertions.*;

import lmo.io.Table;
import lmo.space.Euclidean;
import lmo.space.Sphere;
import lmo.space.Torus;
import org.junit.jupiter.api.Test;

class DeterministicInitTest {

    @Test
    void cosineCdfRunsFromZeroToOneAndDifferentiatesToTheDensity() {
        CosineDensity rho = new CosineDensity(new int[][] {{1}, {3}, {-2}}, new double[] {0.3, -0.2, 0.25});
        assertEquals(0, rho.cdf(0), 0);
        assertEquals(1, rho.cdf(1), 1e-15);
        double h = 1e-5;
        for (double x = 0.01; x < 1; x += 0.07) {
            double slope = (rho.cdf(x + h) - rho.cdf(x - h)) / (2 * h);
            assertEquals(rho.density(x), slope, 1e-8);
        }
        double sum = 0;
        for (int i = 0; i < 1000; i++) sum += rho.density((i + 0.5) / 1000);
        assertEquals(1, sum / 1000, 1e-14, "integrates to 1");
    }

    @Test
    void inverseCdfInvertsToFullPrecision() {
        CosineDensity rho = new CosineDensity(new int[][] {{1}, {5}}, new double[] {0.6, 0.35});
        for (int i = 0; i <= 1000; i++) {
            double u = i / 1000.0;
            double x = rho.inverseCdf(u);
            assertTrue(x >= 0 && x <= 1);
            assertEquals(u, rho.cdf(x), 2.5e-16, "at u = " + u);
            double y = i / 1000.0;
            assertEquals(y, rho.inverseCdf(rho.cdf(y)), 3e-16 / rho.density(y), "rounding of F, amplified by 1/rho");
        }
        assertEquals(0, rho.inverseCdf(0), 0);
        assertEquals(1, rho.inverseCdf(1), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> rho.inverseCdf(1.5));
    }

    @Test
    void cosineDensityRejectsNonPositiveOrMalformedDensities() {
        assertThrows(IllegalArgumentException.class, () -> CosineDensity.single(1, 1.0));
        assertThrows(IllegalArgumentException.class,
                () -> new CosineDensity(new int[][] {{1}, {2}}, new double[] {0.6, -0.4}));
        assertThrows(IllegalArgumentException.class, () -> CosineDensity.single(0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new CosineDensity(new int[][] {{1}}, new double[] {0.1, 0.1}));
        assertThrows(IllegalArgumentException.class, () -> new CosineDensity(new int[][] {{1}, {1, 1}}, new double[] {0.1, 0.1}));
        CosineDensity two = new CosineDensity(new int[][] {{1, 2}}, new double[] {0.5});
        assertEquals(1.5, two.density(new double[] {0.5, 0.25}, 0), 1e-15);
        assertEquals(0.5, two.density(new double[] {0.5, 0.5}, 0), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> two.cdf(0.5));
        assertThrows(IllegalArgumentException.class, () -> new QuantileInit(two));
    }

    @Test
    void quantilesOfTheUniformAreExactlyTheEquispacedMidpoints() {
        int n = 37;
        double[] x = new QuantileInit(CosineDensity.uniform()).positions(new Torus(1), n, 5, 0);
        for (int i = 0; i < n; i++) assertEquals((i + 0.5) / n, x[i], 0);
    }

    @Test
    void quantilesOfASingleModeHaveFourierCoefficientHalfTheAmplitude() {
        int n = 1000, k = 3;
        double a = 0.1;
        double[] x = new QuantileInit(CosineDensity.single(k, a)).positions(new Torus(1), n, 0, 0);
        for (int i = 1; i < n; i++) assertTrue(x[i] > x[i - 1], "sorted");
        // (1/N) sum exp(-2 pi i q x_i) is the midpoint rule for int exp(-2 pi i q x) rho(x) dx, exact up to
        // exponentially small terms: a/2 at q = k, 0 at the other modes
        for (int q = 1; q <= 2 * k; q++) {
            double re = 0, im = 0;
            for (double xi : x) {
                re += Math.cos(2 * Math.PI * q * xi);
                im -= Math.sin(2 * Math.PI * q * xi);
            }
            assertEquals(q == k ? a / 2 : 0, re / n, 1e-12, "real part at mode " + q);
            assertEquals(0, im / n, 1e-12, "imaginary part at mode " + q);
        }
    }

    @Test
    void quantileInitIsDeterministicAndNeedsDimensionOne() {
        QuantileInit init = new QuantileInit(CosineDensity.single(2, 0.4));
        assertArrayEquals(init.positions(new Torus(1), 50, 1, 0), init.positions(new Torus(1), 50, 2, 3), 0,
                "seed and population do not enter");
        assertThrows(IllegalArgumentException.class, () -> init.positions(new Torus(2), 4, 0, 0));
    }

    @Test
    void gridOnTheTorusHasCellCentresWithTheLastAxisFastest() {
        int n = 4;
        double[] x = new GridInit().positions(new Torus(2), n * n, 0, 0);
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                int p = a * n + b;
                assertEquals((a + 0.5) / n, x[2 * p], 0);
                assertEquals((b + 0.5) / n, x[2 * p + 1], 0);
            }
        }
        double[] cube = new GridInit().positions(new Torus(3), 27, 0, 0);
        assertArrayEquals(new double[] {0.5 / 3, 0.5 / 3, 1.5 / 3}, java.util.Arrays.copyOfRange(cube, 3, 6), 0);
        assertArrayEquals(new double[] {1.5 / 3, 2.5 / 3, 0.5 / 3}, java.util.Arrays.copyOfRange(cube, 3 * 15, 3 * 16), 0);
    }

    @Test
    void gridInABoxHasItsCellCentres() {
        double[] x = new GridInit(new double[] {-1, 0}, new double[] {1, 4}).positions(new Euclidean(2), 4, 0, 0);
        assertArrayEquals(new double[] {-0.5, 1, -0.5, 3, 0.5, 1, 0.5, 3}, x, 0);
        assertArrayEquals(new double[] {0.125, 0.375, 0.625, 0.875}, new GridInit().positions(new Euclidean(1), 4, 0, 0), 0);
    }

    @Test
    void gridNeedsAPerfectPowerAndRefusesSpheresOtherThanTheCircle() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GridInit().positions(new Torus(2), 10, 0, 0));
        assertTrue(e.getMessage().contains("n^2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GridInit().positions(new Sphere(3), 4, 0, 0));
        assertEquals(1000, GridInit.side(1000 * 1000 * 1000, 3));
        assertEquals(0, new GridInit().positions(new Torus(2), 0, 0, 0).length);
    }

    @Test
    void gridOnTheCircleIsEquallySpacedAtTheArcCentres() {
        int n = 6;
        double[] x = new GridInit().positions(new Sphere(2), n, 0, 0);
        for (int p = 0; p < n; p++) {
            double phi = 2 * Math.PI * (p + 0.5) / n;
            assertEquals(Math.cos(phi), x[2 * p], 1e-15);
            assertEquals(Math.sin(phi), x[2 * p + 1], 1e-15);
        }
        assertEquals(10, new GridInit().positions(new Sphere(2), 5, 0, 0).length, "any count on the circle");
    }

    @Test
    void tableGivesTheFirstRowsWrappedAndItsMassColumn() {
        Table t = new Table(3, 3, new double[] {1.25, -0.25, 2, 0.5, 0.5, 3, 0.1, 0.2, 4});
        TableInit init = new TableInit(t, 2);
        assertArrayEquals(new double[] {0.25, 0.75, 0.5, 0.5}, init.positions(new Torus(2), 2, 0, 0), 0);
        assertArrayEquals(new double[] {2, 3}, init.masses(2), 0);
        assertArrayEquals(new double[] {1.25, -0.25, 0.5, 0.5, 0.1, 0.2}, init.positions(new Euclidean(2), 3, 0, 0), 0);
        assertNull(new TableInit(new Table(1, 2, new double[] {3, 4})).masses(1));
        assertArrayEquals(new double[] {0.6, 0.8},
                new TableInit(new Table(1, 2, new double[] {3, 4})).positions(new Sphere(2), 1, 0, 0), 2e-16);
    }

    @Test
    void tableRejectsWhatItCannotUse() {
        Table t = new Table(2, 2, new double[] {0, 0, 1, 1});
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> new TableInit(t).positions(new Sphere(2), 2, 0, 0));
        assertTrue(zero.getMessage().contains("row 0"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TableInit(t).positions(new Torus(2), 3, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new TableInit(t, 3));
        assertThrows(IllegalArgumentException.class, () -> new TableInit(t).positions(new Torus(1), 1, 0, 0));
        assertArrayEquals(new double[] {0, 1}, new TableInit(t, 1).masses(2), 0);
        assertThrows(IllegalArgumentException.class, () -> new TableInit(new Table(1, 2, new double[] {0.5, -1}), 1).masses(1));
        assertThrows(IllegalArgumentException.class,
                () -> new TableInit(new Table(1, 1, new double[] {Double.NaN})).positions(new Torus(1), 1, 0, 0));
    }
}
