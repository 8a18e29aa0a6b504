package lmo.model.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import lmo.particles.Summaries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * "The result must not depend on how particles are split into blocks": a particle's V and grad V are computed by the
 * same chain of operations whichever block (and whichever place in a tile of 4) holds it — bitwise equal for every
 * block size, given the same summaries; the Vector API loops and their scalar twin give the same bits; GATHER /
 * CONCAT rounds (bilevel rows, population loss) do not depend on the block size at all.
 */
class BlockSplitTest {
    static final int N = 23, D = 4;

    static double[][] state(Readout r, int dim, long seed) {
        java.util.Random rnd = new java.util.Random(seed);
        double[] x = new double[N * dim];
        double[] m = new double[N];
        for (int i = 0; i < N; i++) {
            for (int c = 0; c < dim; c++) x[i * dim + c] = rnd.nextGaussian();
            if (r.onSphere()) Teacher.normalize(x, i * dim, dim);
            m[i] = 1.0 / N;
        }
        return new double[][] {x, m};
    }

    static TwoLayerModel model(Readout r, Activation a, boolean population, Boolean vector, double[] x, double[] m) {
        TwoLayerModel.Builder b = TwoLayerModel.builder(r).activation(a).bias(!population).initialState(x, m)
            .regularization(r == Readout.BILEVEL ? 0.1 : 0.01).signs(Signs.BALANCED);
        if (vector != null) b.vectorLoops(vector);
        if (population) return b.populationLoss(Teacher.random(3, D, false, Activation.RELU, 2)).build();
        Teacher t = Teacher.random(3, D, true, a, 2);
        return b.data(Datasets.teacherStudent(t).count(37).testCount(11).seed(4).build()).build();
    }

    @ParameterizedTest
    @EnumSource(Readout.class)
    void samePerParticleValuesForEveryBlockSize(Readout r) {
        for (Activation a : Activation.values()) {
            if ((r == Readout.CONE || r == Readout.MASS) && a != Activation.RELU) continue;
            for (boolean population : new boolean[] {false, true}) {
                if (population && a != Activation.RELU) continue;
                int dim = r.positionDim(D + (population ? 0 : 1));
                double[][] st = state(r, dim, 3);
                double[][] xs = {st[0]};
                double[][] ms = {st[1]};
                int[] dims = {dim};
                TwoLayerModel model = model(r, a, population, null, st[0], st[1]);
                Summaries s = Harness.reduce(model, xs, ms, dims, N);
                Harness.Result ref = Harness.firstVariation(model, s, xs, ms, dims, N, 0);
                for (int bs : new int[] {1, 2, 3, 4, 5, 7, 8, 16}) {
                    Harness.Result res = Harness.firstVariation(model, s, xs, ms, dims, bs, 0);
                    assertArrayEquals(ref.v(), res.v(), r + "/" + a + " V, block size " + bs);
                    assertArrayEquals(ref.grad(), res.grad(), r + "/" + a + " grad V, block size " + bs);
                    if (population || r == Readout.BILEVEL) {
                        // GATHER and CONCAT rounds do not depend on the block size; the bilevel predictions are a SUM
                        Summaries s2 = Harness.reduce(model, xs, ms, dims, bs);
                        if (population) {
                            Harness.Result full = Harness.firstVariation(model, s2, xs, ms, dims, bs, 0);
                            assertArrayEquals(ref.v(), full.v(), r + " population, block size " + bs);
                        } else {
                            assertArrayEquals(s.sum(1), s2.sum(1), "bilevel ridge weights, block size " + bs);
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Readout.class)
    void vectorLoopsAndTheirScalarTwinGiveTheSameBits(Readout r) {
        for (Activation a : Activation.values()) {
            if ((r == Readout.CONE || r == Readout.MASS) && a != Activation.RELU) continue;
            int dim = r.positionDim(D + 1);
            double[][] st = state(r, dim, 5);
            double[][] xs = {st[0]};
            double[][] ms = {st[1]};
            int[] dims = {dim};
            TwoLayerModel vec = model(r, a, false, true, st[0], st[1]);
            TwoLayerModel lane = model(r, a, false, false, st[0], st[1]);
            Summaries sv = Harness.reduce(vec, xs, ms, dims, 5);
            Summaries sl = Harness.reduce(lane, xs, ms, dims, 5);
            for (int round = 0; round < vec.rounds(); round++) {
                if (sv.get(round) instanceof double[] arr) assertArrayEquals(arr, sl.sum(round), r + " round " + round);
            }
            Harness.Result rv = Harness.firstVariation(vec, sv, xs, ms, dims, 5, 0);
            Harness.Result rl = Harness.firstVariation(lane, sv, xs, ms, dims, 5, 0);
            assertArrayEquals(rv.v(), rl.v(), r + "/" + a + " V");
            assertArrayEquals(rv.grad(), rl.grad(), r + "/" + a + " grad V");
            assertArrayEquals(rv.metrics(), rl.metrics(), r + "/" + a + " metrics");
        }
    }

    /**
     * The same with more samples than one chunk of the fused gradient loop (n = 1100: chunks of 512, 512 and 80)
     * and after the JIT has compiled the loops (C2 and the interpreter must agree: only exact lane-wise operations).
     */
    @Test
    void compiledVectorLoopsMatchTheScalarTwinOnLongSampleSets() {
        int nN = 64, d = 10;
        for (Readout r : new Readout[] {Readout.COORDINATE, Readout.CONE}) {
            for (Activation a : r == Readout.CONE ? new Activation[] {Activation.RELU} : new Activation[] {Activation.RELU, Activation.GELU}) {
                int dim = r.positionDim(d + 1);
                java.util.Random rnd = new java.util.Random(12);
                double[] x = new double[nN * dim];
                for (int i = 0; i < x.length; i++) x[i] = rnd.nextGaussian();
                if (r.onSphere()) for (int i = 0; i < nN; i++) Teacher.normalize(x, i * dim, dim);
                double[] m = new double[nN];
                java.util.Arrays.fill(m, 1.0 / nN);
                Dataset data = Datasets.teacherStudent(Teacher.random(3, d, true, a, 2)).count(1100).testCount(300).seed(4).build();
                TwoLayerModel vec = TwoLayerModel.builder(r).activation(a).bias(true).data(data).initialState(x, m).vectorLoops(true).build();
                TwoLayerModel lane = TwoLayerModel.builder(r).activation(a).bias(true).data(data).initialState(x, m).vectorLoops(false).build();
                double[][] xs = {x};
                double[][] ms = {m};
                int[] dims = {dim};
                Summaries sl = Harness.reduce(lane, xs, ms, dims, 16);
                Harness.Result rl = Harness.firstVariation(lane, sl, xs, ms, dims, 16, 0);
                for (int rep = 0; rep < (a == Activation.RELU ? 150 : 3); rep++) {
                    Summaries sv = Harness.reduce(vec, xs, ms, dims, 16);
                    assertArrayEquals(sl.sum(0), sv.sum(0), r + "/" + a + " predictions, repetition " + rep);
                    Harness.Result rv = Harness.firstVariation(vec, sv, xs, ms, dims, 16, 0);
                    assertArrayEquals(rl.v(), rv.v(), r + "/" + a + " V, repetition " + rep);
                    assertArrayEquals(rl.grad(), rv.grad(), r + "/" + a + " grad V, repetition " + rep);
                }
            }
        }
    }

    /**
     * The neurons as population 1 after another population: blocks of population 0 contribute nothing to the SUM,
     * zero rows to the bilevel CONCAT (as the engine's BlockWorker writes them), and get V = 0.
     */
    @Test
    void otherPopulationsDoNotInterfere() {
        for (Readout r : Readout.values()) {
            int dim = r.positionDim(D + 1);
            double[][] st = state(r, dim, 8);
            Teacher t = Teacher.random(3, D, true, Activation.RELU, 2);
            Dataset data = Datasets.teacherStudent(t).count(37).seed(4).build();
            TwoLayerModel alone = TwoLayerModel.builder(r).bias(true).data(data).regularization(0.1).initialState(st[0], st[1]).build();
            TwoLayerModel second = TwoLayerModel.builder(r).bias(true).data(data).regularization(0.1).initialState(st[0], st[1])
                .population(1).build();
            Harness.Result a = Harness.evaluate(alone, st[0], st[1], dim, 4);
            double[] other = new double[9 * 2];
            double[] otherM = new double[9];
            java.util.Arrays.fill(otherM, 1.0);
            double[][] xs = {other, st[0]};
            double[][] ms = {otherM, st[1]};
            int[] dims = {2, dim};
            Summaries s = Harness.reduce(second, xs, ms, dims, 4);
            Harness.Result b = Harness.firstVariation(second, s, xs, ms, dims, 4, 1);
            Harness.Result b0 = Harness.firstVariation(second, s, xs, ms, dims, 4, 0);
            assertArrayEquals(a.v(), b.v(), r.key());
            assertArrayEquals(a.grad(), b.grad(), r.key());
            assertArrayEquals(a.metrics(), b.metrics(), r.key());
            for (double v : b0.v()) assertEquals(0.0, v);
            for (double g : b0.grad()) assertEquals(0.0, g);
        }
    }
}
