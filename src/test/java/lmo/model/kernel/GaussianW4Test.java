package lmo.model.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import lmo.particles.Block;
import lmo.particles.Gathered;
import lmo.particles.Summaries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Gaussian MMD flow of benchmark W4 (shared/bench/README.md): the peer's numbers at the initial state, the vector
 * kernel against plain loops, and bit-for-bit independence of the block split.
 */
class GaussianW4Test {
    static final double A1 = 0.6180339887498949;
    static final double A2 = 0.4142135623730951;
    static final double B1 = 0.7548776662466927;
    static final double B2 = 0.5698402909980532;

    static double frac(double t) { return t - Math.floor(t); }

    static double[] sources(int n) {
        double[] x = new double[2 * n];
        for (int i = 0; i < n; i++) { x[2 * i] = frac(i * A1); x[2 * i + 1] = frac(i * A2); }
        return x;
    }

    static double[] targets(int m) {
        double[] y = new double[2 * m];
        for (int j = 0; j < m; j++) { y[2 * j] = 0.5 * frac(j * B1) + 0.5; y[2 * j + 1] = 0.5 * frac(j * B2) + 0.25; }
        return y;
    }

    static double[] uniform(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1.0 / n);
        return w;
    }

    @Test
    void reproducesThePeerAtTheInitialState() {
        int n = 4096;
        MmdModel model = MmdModel.gaussian(0, 2, 0.1, Target.samples(targets(n), uniform(n), 2));
        var r = PlainLoop.evaluate(model, sources(n), uniform(n), 2, model.defaultBlockSize(n));
        double[] g = r.grad()[0];
        double sq = 0;
        double gx = 0;
        double gy = 0;
        for (int i = 0; i < n; i++) {
            sq += g[2 * i] * g[2 * i] + g[2 * i + 1] * g[2 * i + 1];
            gx += g[2 * i];
            gy += g[2 * i + 1];
        }
        assertEquals(0.46730831197215056, Math.sqrt(sq / n), 1e-10 * 0.467, "grad0_rms");
        assertEquals(0.11512978806875881, 2 * r.energy(), 1e-10 * 0.115, "mmd2_init");
        assertEquals(-256.7581060854298, gx, 1e-10, "grad0_sum x");
        assertEquals(-1.0131778563197302, gy, 1e-10, "grad0_sum y");
        assertEquals((double) n * 2 * n, model.pairEvaluationsPerStep(n), 0.0);
    }

    /** V and grad V of a block, from the kernel with the given pair sums. */
    static double[][] firstVariation(RadialKernelSums kernel, double[] x, double[] m, int dim) {
        Summaries s = new Summaries(1);
        s.set(0, new Gathered(new double[][] {x}, new double[][] {m}, new int[] {dim}));
        double[] v = new double[m.length];
        double[] g = new double[x.length];
        double[] e = new double[1];
        kernel.firstVariation(new Block(0, 0, 0, dim, x.clone(), m.clone()), s, v, g, e);
        return new double[][] {v, g, e};
    }

    @ParameterizedTest(name = "{0} d={1}")
    @CsvSource({"GAUSSIAN, 1", "GAUSSIAN, 2", "GAUSSIAN, 3", "GAUSSIAN, 5", "ENERGY, 1", "ENERGY, 2", "ENERGY, 3"})
    void vectorKernelEqualsPlainLoops(RadialKernelSums.Kind kind, int dim) {
        int n = 301;
        int mt = 203;
        double sigma = 0.4;
        Random r = new Random(dim * 31L + kind.ordinal());
        double[] x = new double[n * dim];
        double[] y = new double[mt * dim];
        for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian();
        for (int i = 0; i < y.length; i++) y[i] = 0.5 + r.nextGaussian();
        x[dim] = y[0];                                   // a particle on a target sample: gradient 0 there (energy)
        double[] m = new double[n];
        double[] v = new double[mt];
        for (int i = 0; i < n; i++) m[i] = (1 + r.nextDouble()) / (1.5 * n);
        for (int j = 0; j < mt; j++) v[j] = 1.0 / mt;
        Target target = Target.samples(y, v, dim);
        var lane = firstVariation(new RadialKernelSums(kind, dim, sigma, target, new LanePairSums()), x, m, dim);
        double[][] vec = null;
        for (int bits : new int[] {256, 512}) {                 // 512: two points per vector in d = 2
            vec = firstVariation(new RadialKernelSums(kind, dim, sigma, target, new VectorPairSums(bits)), x, m, dim);
            assertArrayEquals(lane[0], vec[0], "V: vector (" + bits + " bits) and lane emulation give the same bits");
            assertArrayEquals(lane[1], vec[1], "grad V: same bits, " + bits + " bits");
            assertArrayEquals(lane[2], vec[2], "energy sums: same bits, " + bits + " bits");
        }

        // naive reference: Math.exp / Math.sqrt, plain sums
        for (int i = 0; i < n; i++) {
            double val = 0;
            double scale = 0;
            double[] grad = new double[dim];
            for (int j = 0; j < n + mt; j++) {
                double[] z = j < n ? x : y;
                int at = (j < n ? j : j - n) * dim;
                double w = j < n ? m[j] : -v[j - n];
                double d2 = 0;
                for (int c = 0; c < dim; c++) d2 += (x[i * dim + c] - z[at + c]) * (x[i * dim + c] - z[at + c]);
                double k = kind == RadialKernelSums.Kind.GAUSSIAN ? Math.exp(-d2 / (2 * sigma * sigma)) : -Math.sqrt(d2);
                val += w * k;
                scale += Math.abs(w * k);
                for (int c = 0; c < dim; c++) {
                    double dk = kind == RadialKernelSums.Kind.GAUSSIAN
                        ? -k * (x[i * dim + c] - z[at + c]) / (sigma * sigma)
                        : (d2 == 0 ? 0 : -(x[i * dim + c] - z[at + c]) / Math.sqrt(d2));
                    grad[c] += w * dk;
                }
            }
            assertEquals(val, vec[0][i], 1e-13 * scale, "V at " + i);
            double gscale = kind == RadialKernelSums.Kind.GAUSSIAN ? scale / sigma : 1.0;
            for (int c = 0; c < dim; c++) assertEquals(grad[c], vec[1][i * dim + c], 1e-13 * gscale, "grad V at " + i);
        }
    }

    @Test
    void sameBitsWhateverTheBlockSplit() {
        int n = 1000;
        for (MmdModel model : new MmdModel[] {
            MmdModel.gaussian(0, 2, 0.1, Target.samples(targets(700), uniform(700), 2)),
            MmdModel.energy(0, 2, Target.samples(targets(700), uniform(700), 2))}) {
            var ref = PlainLoop.evaluate(model, sources(n), uniform(n), 2, 256);
            for (int bs : new int[] {64, 37, 1000, 1}) {
                var other = PlainLoop.evaluate(model, sources(n), uniform(n), 2, bs);
                assertArrayEquals(ref.v()[0], other.v()[0], "V, block size " + bs);
                assertArrayEquals(ref.grad()[0], other.grad()[0], "grad V, block size " + bs);
                assertEquals(ref.energy(), other.energy(), 1e-15 * Math.abs(ref.energy()), "energy, block size " + bs);
            }
        }
    }

    /** The W4 step on 256-bit and 512-bit registers, any block split (odd ones too): the same bits. */
    @Test
    void sameBitsOnEitherRegisterWidth() {
        int n = 1001;
        Target target = Target.samples(targets(700), uniform(700), 2);
        double[] x = sources(n);
        double[] m = uniform(n);
        var ref = firstVariation(new RadialKernelSums(RadialKernelSums.Kind.GAUSSIAN, 2, 0.1, target, new VectorPairSums(256)),
            x, m, 2);
        for (int bits : new int[] {256, 512}) {
            RadialKernelSums kernel = new RadialKernelSums(RadialKernelSums.Kind.GAUSSIAN, 2, 0.1, target, new VectorPairSums(bits));
            for (int bs : new int[] {1001, 37, 1}) {
                for (int b = 0; b < n; b += bs) {
                    int c = Math.min(bs, n - b);
                    Summaries s = new Summaries(1);
                    s.set(0, new Gathered(new double[][] {x}, new double[][] {m}, new int[] {2}));
                    double[] v = new double[c];
                    double[] g = new double[2 * c];
                    kernel.firstVariation(new Block(0, 0, b, 2, Arrays.copyOfRange(x, 2 * b, 2 * (b + c)),
                        Arrays.copyOfRange(m, b, b + c)), s, v, g, new double[1]);
                    assertArrayEquals(Arrays.copyOfRange(ref[0], b, b + c), v, bits + " bits, block size " + bs);
                    assertArrayEquals(Arrays.copyOfRange(ref[1], 2 * b, 2 * (b + c)), g, bits + " bits, block size " + bs);
                }
            }
        }
    }

    /** Exact operations only: the first (interpreted) evaluation and the compiled ones give the same bits. */
    @Test
    void sameBitsBeforeAndAfterCompilation() {
        int n = 64;
        double[] y = targets(40);
        RadialKernelSums kernel = new RadialKernelSums(RadialKernelSums.Kind.GAUSSIAN, 4, 0.3,
            Target.samples(Arrays.copyOf(y, 80), uniform(20), 4), new VectorPairSums());
        double[] x = Arrays.copyOf(sources(2 * n), 4 * n);
        double[][] first = firstVariation(kernel, x, uniform(n), 4);
        double[][] last = first;
        for (int rep = 0; rep < 3000; rep++) last = firstVariation(kernel, x, uniform(n), 4);
        assertArrayEquals(first[0], last[0]);
        assertArrayEquals(first[1], last[1]);
    }

    /** Prints single-thread throughput (not an assertion): W4, N = M = 4096 and 16384, block 256. */
    @Test
    void throughputSingleThread() {
        for (int n : new int[] {4096, 16384}) {
            MmdModel model = MmdModel.gaussian(0, 2, 0.1, Target.samples(targets(n), uniform(n), 2));
            double[] x = sources(n);
            double[] m = uniform(n);
            double best = Double.MAX_VALUE;
            int reps = n == 4096 ? 6 : 2;
            for (int rep = 0; rep < reps; rep++) {
                long t0 = System.nanoTime();
                PlainLoop.evaluate(model, x, m, 2, 256);
                best = Math.min(best, (System.nanoTime() - t0) * 1e-9);
            }
            double mpairs = model.pairEvaluationsPerStep(n) / best / 1e6;
            System.out.printf("W4 gaussian N=M=%d: %.1f ms/step, %.0f Mpair/s single thread (%s)%n", n, best * 1e3, mpairs,
                PairSums.best().getClass().getSimpleName());
            assertTrue(mpairs > 0);
        }
    }
}
