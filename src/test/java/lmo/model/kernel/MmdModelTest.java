package lmo.model.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lmo.particles.Reduction;
import org.junit.jupiter.api.Test;

/** The engine-facing contract: reductions, metric plumbing, other populations, block sizes. */
class MmdModelTest {

    @Test
    void reductionsAndMetricNames() {
        MmdModel exact = MmdModel.sobolevExact(0, 1, Target.uniform());
        MmdModel fourier = MmdModel.sobolevFourier(0, 2, 1.5, 3, Target.uniform());
        assertEquals(Reduction.gather(), exact.reduction(0));
        assertEquals(1, exact.metricSumLength());
        assertEquals(Reduction.sum(2 * ((7 * 7 - 1) / 2)), fourier.reduction(0));
        assertEquals(0, fourier.metricSumLength());
        assertEquals(List.of("energy"), fourier.metricNames());
        assertEquals(1, fourier.rounds());
        assertEquals(2.0 * 10 * 24, fourier.pairEvaluationsPerStep(10), 0.0);
        assertEquals(10.0 * 10, exact.pairEvaluationsPerStep(10), 0.0);
    }

    /** Population 1 is the model's; population 0 (another model's) gets V = 0 and does not enter the summary. */
    @Test
    void otherPopulationsGetZeroAndDoNotCount() {
        double[] mine = {0.1, 0.45, 0.8};
        double[] mass = {0.2, 0.3, 0.5};
        double[] other = {0.3, 0.3, 0.9, 0.1};
        double[] otherMass = {0.7, 0.3};
        for (boolean fourier : new boolean[] {false, true}) {
            MmdModel alone = fourier ? MmdModel.sobolevFourier(0, 1, 2, 8, Target.uniform()) : MmdModel.sobolevExact(0, 2, Target.uniform());
            MmdModel second = fourier ? MmdModel.sobolevFourier(1, 1, 2, 8, Target.uniform()) : MmdModel.sobolevExact(1, 2, Target.uniform());
            var one = PlainLoop.evaluate(alone, mine, mass, 1, 2);
            var two = PlainLoop.evaluate(second, new double[][] {other, mine}, new double[][] {otherMass, mass}, new int[] {2, 1}, 2);
            assertArrayEquals(new double[2], two.v()[0]);
            assertArrayEquals(new double[4], two.grad()[0]);
            assertArrayEquals(one.v()[0], two.v()[1]);
            assertArrayEquals(one.grad()[0], two.grad()[1]);
            assertEquals(one.energy(), two.energy(), 0.0);
        }
    }

    /** Shards call the model concurrently: the same bits as one thread. */
    @Test
    void concurrentBlocksGiveTheSequentialBits() {
        int n = 700;
        java.util.Random r = new java.util.Random(5);
        double[] x = new double[2 * n];
        double[] m = new double[n];
        for (int i = 0; i < x.length; i++) x[i] = r.nextDouble();
        for (int i = 0; i < n; i++) m[i] = 1.0 / n;
        double[] y = new double[2 * 50];
        for (int i = 0; i < y.length; i++) y[i] = r.nextDouble();
        double[] v = new double[50];
        java.util.Arrays.fill(v, 1.0 / 50);
        for (MmdModel model : new MmdModel[] {
            MmdModel.gaussian(0, 2, 0.2, Target.samples(y, v, 2)),
            MmdModel.energy(0, 2, Target.samples(y, v, 2)),
            MmdModel.sobolevFourier(0, 2, 1.5, 6, Target.samples(y, v, 2))}) {
            var one = PlainLoop.evaluate(model, new double[][] {x}, new double[][] {m}, new int[] {2}, 32, 1);
            var four = PlainLoop.evaluate(model, new double[][] {x}, new double[][] {m}, new int[] {2}, 32, 4);
            assertArrayEquals(one.v()[0], four.v()[0], model.toString());
            assertArrayEquals(one.grad()[0], four.grad()[0], model.toString());
            assertEquals(one.energy(), four.energy(), 0.0, model.toString());
        }
    }

    /** GATHER: 256. Fourier: the smallest multiple of 64, >= 256, with ceil(count/size) * L <= 4e6 doubles. */
    @Test
    void defaultBlockSizes() {
        assertEquals(256, MmdModel.gaussian(0, 2, 0.1, Target.samples(new double[] {0, 0}, new double[] {1}, 2)).defaultBlockSize(1_000_000));
        assertEquals(256, MmdModel.sobolevExact(0, 1, Target.uniform()).defaultBlockSize(100));
        int[][] cases = {{1, 64, 1_000_000}, {2, 64, 100_000}, {2, 64, 1_000_000}, {3, 20, 50_000}, {2, 1000, 10_000}, {1, 8, 10}};
        for (int[] c : cases) {
            MmdModel f = MmdModel.sobolevFourier(0, c[0], 1.5, c[1], Target.uniform());
            long length = f.reduction(0).length();
            int count = c[2];
            int size = f.defaultBlockSize(count);
            assertTrue(size >= 256 && size % 64 == 0, "size " + size);
            long blocks = (count + size - 1) / size;
            if (blocks > 1) {
                assertTrue(blocks * length <= 4_000_000, "traffic " + blocks * length);
                if (size > 256) {
                    long fewer = (count + size - 64 - 1) / (size - 64);
                    assertTrue(fewer * length > 4_000_000, "size " + size + " is not the smallest");
                }
            }
        }
        assertEquals(448, MmdModel.sobolevFourier(0, 2, 1.5, 64, Target.uniform()).defaultBlockSize(100_000));
    }
}
