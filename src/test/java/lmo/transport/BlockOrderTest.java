package lmo.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * With a fixed partition into row blocks, the block kernels give the same bits wherever and in whatever order the
 * blocks are computed, as long as the partials are folded in block order. (Different partitions differ in the last
 * bits, since floating-point sums are not associative; that is why the partition, not the placement, is fixed.)
 */
class BlockOrderTest {

    @Test
    void blocksComputedOnThreadsInShuffledOrderGiveTheSequentialBits() throws Exception {
        SplittableRandom r = new SplittableRandom(11);
        int n = 203, m = 157, d = 2, b = 16;
        double[] x = OnlineSinkhornTest.points(r, n * d), y = OnlineSinkhornTest.points(r, m * d);
        TransportProblem pr = TransportProblem.of(
                Cost.of(x, n, y, m, d, Cost.Kind.SQEUCLIDEAN, Cost.Normalize.OSCILLATION),
                OnlineSinkhornTest.weights(r, n), OnlineSinkhornTest.weights(r, m));
        InverseTemperature s = InverseTemperature.debiasedAnnealed(10, 2.0 / 3);
        int iterations = 6;
        SinkhornResult seq = OnlineSinkhorn.solve(pr, OnlineSinkhorn.Options.fixed(s, iterations).withBlockSize(b));

        int blocks = (n + b - 1) / b;
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < blocks; k++) order.add(k);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            double[] u = new double[n], uNext = new double[n], v = new double[m];
            double beta = s.beta(0);
            for (int t = 1; t <= iterations; t++) {
                Collections.shuffle(order, new java.util.Random(t));
                final double bt = beta, theta = s.theta(t);
                final double[] uu = u, vv = v, un = uNext;
                List<Future<?>> fs = new ArrayList<>();
                for (int k : order) {
                    int from = k * b, to = Math.min(n, from + b);
                    fs.add(pool.submit(() -> OnlineSinkhorn.uRows(from, to, pr, uu, vv, bt, theta, un,
                            new double[PlanMetrics.SLOTS], new double[m], new double[m])));
                }
                for (Future<?> f : fs) f.get();
                double[] sw = u;
                u = uNext;
                uNext = sw;
                beta = s.beta(t);
                double[][] bm = new double[blocks][m], bs = new double[blocks][m];
                final double[] uc = u, shift = new double[m];
                for (int j = 0; j < m; j++) shift[j] = -v[j];   // one pass per block, shifted by the previous v
                final double bv = beta;
                fs.clear();
                for (int k : order) {
                    int from = k * b, to = Math.min(n, from + b);
                    fs.add(pool.submit(() -> OnlineSinkhorn.vPartial(from, to, pr, uc, bv, shift, bm[k], bs[k],
                            new double[m])));
                }
                for (Future<?> f : fs) f.get();
                double[] max = bm[0].clone(), sum = bs[0].clone();   // starting from block 0 = from the empty pair
                for (int k = 1; k < blocks; k++) OnlineSinkhorn.combine(max, sum, bm[k], bs[k]);
                OnlineSinkhorn.vUpdate(max, sum, pr.q(), 1.0, v, new double[2]);
            }
            assertArrayEquals(seq.u(), u, 0.0);
            assertArrayEquals(seq.v(), v, 0.0);
            // metrics: block partials summed in block order
            double[] total = new double[PlanMetrics.SLOTS];
            for (int k = 0; k < blocks; k++) {
                double[] part = new double[PlanMetrics.SLOTS];
                OnlineSinkhorn.uRows(k * b, Math.min(n, k * b + b), pr, u, v, beta, 0, null, part, new double[m],
                        new double[m]);
                for (int z = 0; z < total.length; z++) total[z] += part[z];
            }
            assertEquals(seq.last().cost(), total[PlanMetrics.COST], 0.0);
            assertEquals(seq.last().marginalError(), total[PlanMetrics.ERROR], 0.0);
        } finally {
            pool.shutdownNow();
        }
    }
}
