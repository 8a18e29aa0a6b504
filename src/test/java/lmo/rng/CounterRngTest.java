package lmo.rng;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class CounterRngTest {
    private static final int N = 100_000;

    private static double[] uniforms(long seed, int pop, long id, long step, int stream, int n) {
        double[] u = new double[n];
        CounterRng.uniforms(seed, pop, id, step, stream, u, 0, n);
        return u;
    }

    private static double[] gaussians(long seed, int pop, long id, long step, int stream, int n) {
        double[] g = new double[n];
        CounterRng.gaussians(seed, pop, id, step, stream, g, 0, n);
        return g;
    }

    @Test
    void theValueIsAPureFunctionOfTheKey() {
        assertArrayEquals(uniforms(7, 1, 42, 9, 1, 5), uniforms(7, 1, 42, 9, 1, 5), 0);
        assertArrayEquals(gaussians(7, 1, 42, 9, 1, 5), gaussians(7, 1, 42, 9, 1, 5), 0);
        double[] out = new double[8];
        CounterRng.gaussians(7, 1, 42, 9, 1, out, 3, 5);
        assertArrayEquals(gaussians(7, 1, 42, 9, 1, 5), java.util.Arrays.copyOfRange(out, 3, 8), 0, "offset does not matter");
    }

    @Test
    void countersMakeShorterDrawsPrefixesOfLongerOnes() {
        assertArrayEquals(uniforms(3, 0, 5, 2, 0, 3), java.util.Arrays.copyOf(uniforms(3, 0, 5, 2, 0, 7), 3), 0);
        assertArrayEquals(gaussians(3, 0, 5, 2, 0, 3), java.util.Arrays.copyOf(gaussians(3, 0, 5, 2, 0, 4), 3), 0,
                "n Gaussians use pairs 0..ceil(n/2)-1; an odd n drops the last sine");
    }

    @Test
    void changingAnyKeyComponentChangesTheValue() {
        long base = CounterRng.hash(11, 2, 100, 50, 1, 3);
        long[] changed = {
            CounterRng.hash(12, 2, 100, 50, 1, 3), CounterRng.hash(11, 3, 100, 50, 1, 3),
            CounterRng.hash(11, 2, 101, 50, 1, 3), CounterRng.hash(11, 2, 100, 51, 1, 3),
            CounterRng.hash(11, 2, 100, 50, 2, 3), CounterRng.hash(11, 2, 100, 50, 1, 4),
            CounterRng.hash(11, 2, 50, 100, 1, 3), // id and step swapped
        };
        for (long h : changed) assertNotEquals(base, h);
        double u = uniforms(11, 2, 100, 50, 1, 1)[0];
        assertNotEquals(u, uniforms(-11, 2, 100, 50, 1, 1)[0]);
        assertNotEquals(u, uniforms(11, 2, -100, 50, 1, 1)[0]);
        assertNotEquals(gaussians(0, 0, 0, 0, 0, 2)[0], gaussians(0, 0, 0, 0, 1, 2)[0]);
    }

    @Test
    void uniformsHaveMeanHalfVarianceOneTwelfthAndPassKolmogorovSmirnov() {
        double[] u = new double[N];
        for (int id = 0; id < N / 10; id++) CounterRng.uniforms(2024, 0, id, 0, 0, u, id * 10, 10);
        for (double v : u) assertTrue(v >= 0 && v < 1);
        assertEquals(0.5, Stats.mean(u), 5 * Math.sqrt(1.0 / 12 / N));
        assertEquals(1.0 / 12, Stats.variance(u), 5 * Math.sqrt(1.0 / 180 / N));
        assertTrue(Stats.ksStatistic(u, x -> x) < 1.95);
    }

    @Test
    void kolmogorovSmirnovRejectsANonUniformSample() {
        double[] u = new double[N];
        for (int id = 0; id < N; id++) CounterRng.uniforms(2024, 0, id, 0, 0, u, id, 1);
        for (int i = 0; i < N; i++) u[i] = u[i] * u[i];
        assertTrue(Stats.ksStatistic(u, x -> x) > 1.95, "the test used above can fail");
    }

    @Test
    void gaussiansHaveMeanZeroVarianceOneAndPassKolmogorovSmirnov() {
        double[] g = new double[N];
        for (int id = 0; id < N / 5; id++) CounterRng.gaussians(99, 1, id, 17, 1, g, id * 5, 5);
        assertEquals(0, Stats.mean(g), 5 / Math.sqrt(N));
        assertEquals(1, Stats.variance(g), 5 * Math.sqrt(2.0 / N));
        double fourth = 0;
        for (double v : g) fourth += v * v * v * v;
        assertEquals(3, fourth / N, 5 * Math.sqrt(96.0 / N), "fourth moment of N(0,1) is 3, its variance 96");
        assertTrue(Stats.ksStatistic(g, Stats::normalCdf) < 1.95);
    }

    @Test
    void neighbouringKeysGiveUncorrelatedGaussians() {
        double[] a = new double[N], id1 = new double[N], step1 = new double[N], stream1 = new double[N],
                seed1 = new double[N], sine = new double[N], pair1 = new double[N];
        double[] buf = new double[4];
        for (int i = 0; i < N; i++) {
            CounterRng.gaussians(5, 0, i, 3, 1, buf, 0, 4);
            a[i] = buf[0];
            sine[i] = buf[1];
            pair1[i] = buf[2];
            id1[i] = gaussians(5, 0, i + 1, 3, 1, 1)[0];
            step1[i] = gaussians(5, 0, i, 4, 1, 1)[0];
            stream1[i] = gaussians(5, 0, i, 3, 2, 1)[0];
            seed1[i] = gaussians(6, 0, i, 3, 1, 1)[0];
        }
        double bound = 4 / Math.sqrt(N);
        for (double[] b : new double[][] {id1, step1, stream1, seed1, sine, pair1}) {
            assertTrue(Math.abs(Stats.correlation(a, b)) < bound, "corr " + Stats.correlation(a, b));
        }
        double squares = 0;
        for (int i = 0; i < N; i++) squares += a[i] * a[i] * sine[i] * sine[i];
        assertEquals(1, squares / N, 5 * Math.sqrt(8.0 / N), "cos and sin of one pair are independent, not just uncorrelated");
    }
}
