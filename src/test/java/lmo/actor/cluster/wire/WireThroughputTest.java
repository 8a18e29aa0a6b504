package lmo.actor.cluster.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import lmo.engine.BlockReport;
import lmo.engine.Order;
import lmo.engine.ShardReport;
import lmo.particles.Gathered;
import lmo.particles.Summaries;
import org.junit.jupiter.api.Test;

/** Prints encode and decode speed for 8 MiB messages (a measurement, not a claim: no speed is asserted). */
class WireThroughputTest {
    private static final int MIB8 = 8 << 20;

    static Order.Apply gatherOrder(int particles, int dim, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[particles * dim];
        double[] m = new double[particles];
        for (int i = 0; i < x.length; i++) x[i] = rng.nextDouble();
        for (int i = 0; i < m.length; i++) m[i] = 1.0 / particles;
        Summaries s = new Summaries(2);
        s.set(0, new Gathered(new double[][] {x}, new double[][] {m}, new int[] {dim}));
        double[] sum = new double[1024];
        for (int i = 0; i < sum.length; i++) sum[i] = rng.nextDouble();
        s.set(1, sum);
        return new Order.Apply(1, 1, s, true, true);
    }

    @Test
    void encodeAndDecodeSpeedFor8MiB() {
        Order order = gatherOrder(MIB8 / 24, 2, 1);
        List<BlockReport> blocks = new ArrayList<>();
        for (int b = 0; b < 256; b++) {
            blocks.add(new BlockReport(b, null, new double[2 * 1365], new double[1365], new double[4], 1, 1, -1, null));
        }
        ShardReport report = new ShardReport(0, 1, blocks, 0);
        measure("Order.Apply (GATHER 349,525 x 2-D + SUM 1024)", () -> Wire.encode(order), Wire::decodeOrder);
        measure("ShardReport (256 blocks of 1365 particles in 2-D)", () -> Wire.encode(report), Wire::decodeReport);
    }

    private static void measure(String what, java.util.function.Supplier<byte[]> encode,
                                java.util.function.Function<byte[], Object> decode) {
        byte[] bytes = encode.get();
        long bestEncode = Long.MAX_VALUE;
        long bestDecode = Long.MAX_VALUE;
        for (int i = 0; i < 15; i++) {
            long t0 = System.nanoTime();
            bytes = encode.get();
            long t1 = System.nanoTime();
            Object back = decode.apply(bytes);
            long t2 = System.nanoTime();
            assertEquals(true, back != null);
            bestEncode = Math.min(bestEncode, t1 - t0);
            bestDecode = Math.min(bestDecode, t2 - t1);
        }
        double mb = bytes.length / 1e6;
        System.out.printf("lmo wire throughput: %s, %.2f MB: encode %.2f ms (%.0f MB/s), decode %.2f ms (%.0f MB/s)"
                        + " [best of 15]%n", what, mb, bestEncode / 1e6, mb / (bestEncode / 1e9), bestDecode / 1e6,
                mb / (bestDecode / 1e9));
    }
}
