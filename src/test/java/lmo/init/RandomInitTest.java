package lmo.init;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import lmo.rng.Stats;
import lmo.space.Euclidean;
import lmo.space.Space;
import lmo.space.Sphere;
import lmo.space.Torus;
import org.junit.jupiter.api.Test;

class RandomInitTest {
    private static final int N = 50_000;

    @Test
    void uniformInABoxHasTheBoxMeanAndVariance() {
        double[] low = {-1, 2}, high = {3, 2.5};
        double[] x = new UniformInit(low, high).positions(new Euclidean(2), N, 42, 0);
        for (int c = 0; c < 2; c++) {
            double width = high[c] - low[c], var = width * width / 12;
            for (int i = 0; i < N; i++) assertTrue(x[2 * i + c] >= low[c] && x[2 * i + c] <= high[c]);
            assertEquals((low[c] + high[c]) / 2, Stats.mean(x, c, 2, N), 5 * Math.sqrt(var / N));
            assertEquals(var, Stats.variance(x, c, 2, N), 5 * Math.sqrt(width * width * width * width / 180 / N));
        }
    }

    @Test
    void uniformOnTheTorusFillsTheUnitCube() {
        double[] x = new UniformInit().positions(new Torus(3), N, 1, 2);
        for (double v : x) assertTrue(v >= 0 && v < 1);
        double[] first = new double[N];
        for (int i = 0; i < N; i++) first[i] = x[3 * i];
        assertTrue(Stats.ksStatistic(first, u -> u) < 1.95);
        assertEquals(0.5, Stats.mean(x, 2, 3, N), 5 * Math.sqrt(1.0 / 12 / N));
    }

    @Test
    void uniformOnTheSphereHasUnitNormsZeroMeanAndSecondMomentOneOverD() {
        int d = 3;
        double[] x = new UniformInit().positions(new Sphere(d), N, 5, 0);
        double[] sq = new double[N];
        for (int i = 0; i < N; i++) {
            double s = 0;
            for (int c = 0; c < d; c++) s += x[d * i + c] * x[d * i + c];
            assertEquals(1, s, 1e-15);
            sq[i] = x[d * i] * x[d * i];
        }
        for (int c = 0; c < d; c++) assertEquals(0, Stats.mean(x, c, d, N), 5 * Math.sqrt(1.0 / d / N));
        double varSq = 3.0 / (d * (d + 2)) - 1.0 / (d * d);
        assertEquals(1.0 / d, Stats.mean(sq), 5 * Math.sqrt(varSq / N));
        // on S^2 each coordinate is uniform on [-1,1] (Archimedes)
        double[] z = new double[N];
        for (int i = 0; i < N; i++) z[i] = x[d * i + 2];
        assertTrue(Stats.ksStatistic(z, t -> (t + 1) / 2) < 1.95);
    }

    @Test
    void uniformRejectsABoxOnTheSphereAndAWrongDimension() {
        assertThrows(IllegalArgumentException.class,
                () -> new UniformInit(new double[] {0, 0}, new double[] {1, 1}).positions(new Sphere(2), 4, 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new UniformInit(new double[] {0}, new double[] {1}).positions(new Euclidean(2), 4, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new UniformInit(new double[] {1}, new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> new UniformInit(new double[] {0}, null));
    }

    @Test
    void gaussianHasTheGivenMeanAndStd() {
        double[] mean = {1, -2}, std = {0.5, 2};
        double[] x = new GaussianInit(mean, std).positions(new Euclidean(2), N, 8, 1);
        for (int c = 0; c < 2; c++) {
            double var = std[c] * std[c];
            assertEquals(mean[c], Stats.mean(x, c, 2, N), 5 * Math.sqrt(var / N));
            assertEquals(var, Stats.variance(x, c, 2, N), 5 * Math.sqrt(2.0 / N) * var);
        }
        double[] sample = new double[N];
        for (int i = 0; i < N; i++) sample[i] = (x[2 * i + 1] + 2) / 2;
        assertTrue(Stats.ksStatistic(sample, Stats::normalCdf) < 1.95);
    }

    @Test
    void gaussianWithZeroStdIsTheMeanAndIsWrappedOrNormalised() {
        assertArrayEquals(new double[] {0.25, 0.75, 0.25, 0.75},
                new GaussianInit(new double[] {1.25, -0.25}, new double[] {0, 0}).positions(new Torus(2), 2, 0, 0), 0);
        assertArrayEquals(new double[] {0.6, 0.8},
                new GaussianInit(new double[] {3, 4}, new double[] {0, 0}).positions(new Sphere(2), 1, 0, 0), 2e-16);
        double[] t = new GaussianInit(new double[] {0.3}, new double[] {0.05}).positions(new Torus(1), N, 2, 0);
        for (double v : t) assertTrue(v >= 0 && v < 1);
        assertEquals(0.3, Stats.mean(t), 5 * 0.05 / Math.sqrt(N));
        assertThrows(IllegalArgumentException.class, () -> new GaussianInit(null, new double[] {-1}));
        assertThrows(IllegalArgumentException.class,
                () -> new GaussianInit(new double[] {0, 0}, null).positions(new Euclidean(3), 1, 0, 0));
    }

    @Test
    void randomPositionsDependOnlyOnSeedPopulationAndId() {
        InitialDistribution[] inits = {new UniformInit(), new GaussianInit(null, null)};
        Space[] spaces = {new Euclidean(2), new Torus(2), new Sphere(2)};
        for (InitialDistribution init : inits) {
            for (Space space : spaces) {
                double[] small = init.positions(space, 100, 7, 1);
                double[] large = init.positions(space, 1000, 7, 1);
                assertArrayEquals(small, init.positions(space, 100, 7, 1), 0, "deterministic");
                assertArrayEquals(small, Arrays.copyOf(large, 200), 0, "prefix stable");
                assertNotEquals(small[0], init.positions(space, 100, 8, 1)[0], "seed matters");
                assertNotEquals(small[0], init.positions(space, 100, 7, 2)[0], "population matters");
                assertNull(init.masses(100));
            }
        }
    }
}
