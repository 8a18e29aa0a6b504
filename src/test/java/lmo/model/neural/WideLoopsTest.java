package lmo.model.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Random;
import lmo.particles.Summaries;
import org.junit.jupiter.api.Test;

/**
 * The 512-bit ReLU loops compute the canonical chains of {@link Loops} lane for lane: the same bits as the scalar twin
 * ({@link LaneLoops}, the reference of the 256-bit loops too) for any sample count, input dimension and bias, before
 * and after C2 compiles them, and inside the model; {@link Loops#best} takes them only where no 256-bit loop runs.
 */
class WideLoopsTest {

    private static SampleSet samples(int n, int d, boolean bias, long seed) {
        Random rnd = new Random(seed);
        double[] x = new double[n * d];
        double[] y = new double[n];
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextGaussian();
        for (int k = 0; k < n; k++) y[k] = rnd.nextGaussian();
        return new SampleSet(x, y, d, bias);
    }

    private static double[] gaussian(Random rnd, int len) {
        double[] a = new double[len];
        for (int i = 0; i < len; i++) a[i] = rnd.nextGaussian();
        return a;
    }

    /** Weights r over the samples, 0 on the padding (as the model's residuals are). */
    private static double[] weights(SampleSet s, Random rnd) {
        double[] r = new double[s.nPad];
        for (int k = 0; k < s.n; k++) r[k] = rnd.nextGaussian() / s.n;
        return r;
    }

    /** Predictions and gradient sums of one tile by both loops: bitwise equal (repeated: compiled code too). */
    private static void assertSameBits(SampleSet s, long seed, int reps) {
        Random rnd = new Random(seed);
        int dp = s.dp;
        double[] w4 = gaussian(rnd, Loops.TILE * dp);
        w4[1] = 0.0;                                         // a zero weight and a zero pre-activation column
        double[] c4 = gaussian(rnd, Loops.TILE);
        double[] r = weights(s, rnd);
        Loops lane = new LaneLoops(), wide = new WideLoops();
        double[] f0 = gaussian(rnd, s.nPad);
        double[] fl = f0.clone();
        lane.reluPredict(w4, c4, s, fl);
        double[] sl = new double[Loops.TILE], gl = new double[Loops.TILE * dp];
        lane.reluGradient(w4, s, lane.gradientWeights(r), new double[4 * s.nPad], new double[4 * s.nPad], sl, gl);
        double[] rd = wide.gradientWeights(r);
        for (int rep = 0; rep < reps; rep++) {
            double[] fw = f0.clone();
            wide.reluPredict(w4, c4, s, fw);
            assertArrayEquals(fl, fw, "predictions, n = " + s.n + ", dp = " + dp + ", repetition " + rep);
            double[] sw = new double[Loops.TILE], gw = new double[Loops.TILE * dp];
            wide.reluGradient(w4, s, rd, null, null, sw, gw);
            assertArrayEquals(sl, sw, "s0, n = " + s.n + ", dp = " + dp + ", repetition " + rep);
            assertArrayEquals(gl, gw, "gradient, n = " + s.n + ", dp = " + dp + ", repetition " + rep);
        }
    }

    @Test
    void reluLoopsGiveTheLaneBitsForEverySizeDimensionAndBias() {
        long seed = 1;
        for (int n : new int[] {1, 3, 15, 16, 17, 40, 129}) {
            for (int d : new int[] {1, 2, 3, 4, 5, 9, 10}) {
                for (boolean bias : new boolean[] {false, true}) assertSameBits(samples(n, d, bias, seed), seed++, 1);
            }
        }
    }

    @Test
    void compiledReluLoopsGiveTheLaneBits() {
        assertSameBits(samples(2048, 10, false, 7), 8, 400);   // W3's shape, long enough for C2
        assertSameBits(samples(333, 3, true, 9), 10, 400);
    }

    @Test
    void theDuplicatedInputsAreTheInputsGroupByGroup() {
        SampleSet s = samples(21, 3, true, 3);
        assertEquals(32, s.nPad, "n rounded up to a multiple of 16");
        double[] xd = s.xd();
        assertEquals(2 * s.dp * s.nPad, xd.length);
        for (int k = 0; k < s.nPad; k += 4) {
            for (int c = 0; c < s.dp; c++) {
                for (int l = 0; l < 8; l++) assertEquals(s.x(c, k + (l & 3)), xd[2 * s.dp * k + 8 * c + l], "k " + k + " c " + c + " l " + l);
            }
        }
        assertEquals(0.0, s.x(0, 30));                        // padding
        assertEquals(1.0, s.x(3, 20));                        // the bias coordinate
    }

    @Test
    void gradientWeightsRepeatEachGroupOfFour() {
        double[] r = new double[16];
        for (int k = 0; k < 16; k++) r[k] = k + 1;
        double[] rd = new WideLoops().gradientWeights(r);
        assertArrayEquals(new double[] {1, 2, 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 5, 6, 7, 8}, java.util.Arrays.copyOf(rd, 16));
        assertEquals(32, rd.length);
        assertEquals(r, new LaneLoops().gradientWeights(r), "the other loops read r as it is");
    }

    /** In the model: V and grad V of a ReLU network with the 512-bit loops equal the scalar twin's, every readout but
     *  the bilevel one (which the wide loops are not chosen for). */
    @Test
    void aReluNetworkOnTheWideLoopsHasTheLaneBits() {
        int nN = 37, d = 6;
        for (Readout r : new Readout[] {Readout.COORDINATE, Readout.CONE, Readout.MASS}) {
            int dim = r.positionDim(d + 1);
            Random rnd = new Random(12);
            double[] x = gaussian(rnd, nN * dim);
            if (r.onSphere()) for (int i = 0; i < nN; i++) Teacher.normalize(x, i * dim, dim);
            double[] m = new double[nN];
            java.util.Arrays.fill(m, 1.0 / nN);
            Dataset data = Datasets.teacherStudent(Teacher.random(3, d, true, Activation.RELU, 2)).count(301).testCount(50).seed(4).build();
            TwoLayerModel wide = TwoLayerModel.builder(r).activation(Activation.RELU).bias(true).data(data).initialState(x, m)
                .loops(new WideLoops()).build();
            TwoLayerModel lane = TwoLayerModel.builder(r).activation(Activation.RELU).bias(true).data(data).initialState(x, m)
                .vectorLoops(false).build();
            double[][] xs = {x};
            double[][] ms = {m};
            int[] dims = {dim};
            Summaries sl = Harness.reduce(lane, xs, ms, dims, 5);
            Summaries sw = Harness.reduce(wide, xs, ms, dims, 5);
            assertArrayEquals(sl.sum(0), sw.sum(0), r + " predictions");
            Harness.Result rl = Harness.firstVariation(lane, sl, xs, ms, dims, 5, 0);
            Harness.Result rw = Harness.firstVariation(wide, sw, xs, ms, dims, 5, 0);
            assertArrayEquals(rl.v(), rw.v(), r + " V");
            assertArrayEquals(rl.grad(), rw.grad(), r + " grad V");
            assertArrayEquals(rl.metrics(), rw.metrics(), r + " metrics");
        }
    }

    @Test
    void bestTakesTheWideLoopsOnlyAt512BitsForReluOnlyModels() {
        assertInstanceOf(WideLoops.class, Loops.choose(512, true));
        assertInstanceOf(VectorLoops.class, Loops.choose(512, false));
        assertInstanceOf(VectorLoops.class, Loops.choose(256, true));
        assertInstanceOf(LaneLoops.class, Loops.choose(0, true));
    }
}
