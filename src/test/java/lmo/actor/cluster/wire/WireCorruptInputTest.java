package lmo.actor.cluster.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import lmo.engine.BlockReport;
import lmo.engine.Order;
import lmo.engine.ShardReport;
import lmo.particles.Gathered;
import lmo.particles.Summaries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Claim: bad bytes fail with a clear IllegalArgumentException, never another exception, an OOM or a hang. */
class WireCorruptInputTest {

    private static String rejects(Executable decode) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, decode);
        assertTrue(e.getMessage().startsWith("lmo wire: "), e.getMessage());
        return e.getMessage();
    }

    private static byte[] sampleOrder() {
        Summaries s = new Summaries(3);
        s.set(0, new double[] {1, 2, 3});
        s.set(2, new Gathered(new double[][] {{1, 2}}, new double[][] {{3}}, new int[] {2}));
        return Wire.encode(new Order.Apply(5, 6, s, true, true));
    }

    /** seq 5; one summary (step 1, SUM {1, 2}); tasks STEP block 0 with it, PARTIAL block 1 without: 29 bytes each. */
    private static byte[] sampleTasks() {
        Summaries s = new Summaries(1, 1);
        s.set(0, new double[] {1, 2});
        return Wire.encode(new Order.Tasks(5, List.of(new Order.Task(Order.TaskKind.STEP, 0, 1, 0, 1.0),
                new Order.Task(Order.TaskKind.PARTIAL, 1, 1, -1, 1.0)), List.of(s)));
    }

    private static byte[] sampleReport() {
        return Wire.encode(new ShardReport(1, 2, List.of(
                new BlockReport(0, new double[] {1}, null, null, null, 1, 2, -1, "problem")), 3));
    }

    private static byte[] sampleBlocks() {
        return Wire.encode(new BlockStates(1, 2, 3, "näme: x",
                List.of(new BlockState(0, 0, 0, 2, new double[] {1, 2}, new double[] {3}))));
    }

    @Test
    void everyTruncationIsRejected() {
        for (byte[] whole : List.of(sampleOrder(), sampleTasks(), sampleReport(), sampleBlocks())) {
            for (int n = 0; n < whole.length; n++) {
                byte[] cut = Arrays.copyOf(whole, n);
                String msg = rejects(() -> Wire.decode(cut));
                if (n >= 2) assertTrue(msg.contains("truncated"), msg);
            }
        }
        assertEquals("lmo wire: truncated Order.Apply: seq needs 8 bytes at byte 2, only 3 remain",
                rejects(() -> Wire.decodeOrder(Arrays.copyOf(sampleOrder(), 5))));
    }

    @Test
    void wrongVersionIsRejected() {
        byte[] b = sampleOrder();
        b[0] = 1;
        assertEquals("lmo wire: version 1 is not supported (this build reads 6)", rejects(() -> Wire.decodeOrder(b)));
        byte[] tasks = sampleTasks();
        tasks[0] = 5; // a member one wire version behind
        assertEquals("lmo wire: version 5 is not supported (this build reads 6)", rejects(() -> Wire.decode(tasks)));
    }

    @Test
    void wrongTagIsRejected() {
        byte[] b = sampleOrder();
        b[1] = 99;
        assertEquals("lmo wire: tag 99 (unknown tag) is not an Order", rejects(() -> Wire.decodeOrder(b)));
        assertEquals("lmo wire: unknown tag 99", rejects(() -> Wire.decode(b)));
        assertEquals("lmo wire: tag 16 (ShardReport) is not an Order", rejects(() -> Wire.decodeOrder(sampleReport())));
        assertEquals("lmo wire: tag 2 (Order.Apply) is not a ShardReport",
                rejects(() -> Wire.decodeReport(sampleOrder())));
        assertEquals("lmo wire: tag 16 (ShardReport) is not a BlockStates",
                rejects(() -> Wire.decodeBlocks(sampleReport())));
    }

    @Test
    void trailingBytesAreRejected() {
        byte[] b = Arrays.copyOf(sampleReport(), sampleReport().length + 1);
        assertTrue(rejects(() -> Wire.decodeReport(b)).contains("1 trailing bytes"));
    }

    @Test
    void hugeOrNegativeLengthsAreRejectedBeforeAllocating() {
        ByteBuffer b = ByteBuffer.allocate(2 + 16 + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) Wire.VERSION).put((byte) Wire.NORMALIZE).putLong(1).putLong(2).putInt(Integer.MAX_VALUE);
        assertTrue(rejects(() -> Wire.decodeOrder(b.array())).contains("factors (2147483647 elements)"));
        b.putInt(18, -7);
        assertTrue(rejects(() -> Wire.decodeOrder(b.array())).contains("factors length is -7"));
        ByteBuffer r = ByteBuffer.allocate(2 + 24).order(ByteOrder.LITTLE_ENDIAN);
        r.put((byte) Wire.VERSION).put((byte) Wire.SHARD_REPORT).putInt(0).putLong(0).putLong(0).putInt(Integer.MAX_VALUE);
        assertTrue(rejects(() -> Wire.decodeReport(r.array())).contains("block reports (2147483647 elements)"));
    }

    @Test
    void badFlagsKindsUtf8AndInconsistentBlocksAreRejected() {
        byte[] apply = sampleOrder();
        apply[18] = 4; // flags
        assertTrue(rejects(() -> Wire.decodeOrder(apply)).contains("unknown Apply flags 4"));
        byte[] kind = sampleOrder();
        kind[31] = 7; // kind of round 0, after the stage (i32) and a null stageScale (i32 -1)
        byte[] stage = sampleOrder();
        stage[19] = (byte) 0xff;
        stage[20] = (byte) 0xff;
        stage[21] = (byte) 0xff;
        stage[22] = (byte) 0xff; // stage -1
        assertTrue(rejects(() -> Wire.decodeOrder(stage)).contains("negative stage -1"));
        assertTrue(rejects(() -> Wire.decodeOrder(kind)).contains("round 0: unknown kind 7"));

        byte[] yaml = sampleBlocks();
        yaml[2 + 20 + 4 + 1] = (byte) 0xff; // inside "näme"
        assertTrue(rejects(() -> Wire.decodeBlocks(yaml)).contains("not valid UTF-8"));

        byte[] blocks = sampleBlocks();
        int dimAt = blocks.length - (4 + 4) - (8 + 4) - (16 + 4) - 4; // before x, m, solverWidth and s
        blocks[dimAt] = 3; // dim 3 with 2 coordinates for 1 particle
        assertTrue(rejects(() -> Wire.decodeBlocks(blocks)).contains("positions have 2 values, expected 3"));
    }

    @Test
    void tasksWithABadKindASummaryOutOfRangeOrBadCountsAreRejected() {
        byte[] whole = sampleTasks();
        int tasksAt = whole.length - 2 * 29; // task 0; the task count is the 4 bytes before it
        assertEquals(2 + 8 + 4 + 8 + 4 + 1 + 4 + 16 + 4 + 4, tasksAt);

        byte[] kind = whole.clone();
        kind[tasksAt] = 6;
        assertEquals("lmo wire: bad Order.Tasks at byte " + (tasksAt + 1) + ": task 0: unknown task kind 6",
                rejects(() -> Wire.decodeOrder(kind)));
        kind[tasksAt] = (byte) 0xff;
        assertTrue(rejects(() -> Wire.decode(kind)).endsWith("task 0: unknown task kind 255"));

        ByteBuffer summary = ByteBuffer.wrap(whole.clone()).order(ByteOrder.LITTLE_ENDIAN);
        int summaryOf1 = tasksAt + 29 + 1 + 4 + 8;
        summary.putInt(summaryOf1, 1);
        assertEquals("lmo wire: bad Order.Tasks at byte " + (summaryOf1 + 4) + ": task 1: summary index 1 is neither -1"
                + " nor one of the 1 summaries", rejects(() -> Wire.decodeOrder(summary.array())));
        summary.putInt(summaryOf1, -2);
        assertTrue(rejects(() -> Wire.decodeOrder(summary.array())).endsWith("task 1: summary index -2 is neither -1"
                + " nor one of the 1 summaries"));

        ByteBuffer counts = ByteBuffer.wrap(whole.clone()).order(ByteOrder.LITTLE_ENDIAN);
        counts.putInt(10, -1);
        assertEquals("lmo wire: bad Order.Tasks at byte 14: summaries is negative (-1)",
                rejects(() -> Wire.decodeOrder(counts.array())));
        counts.putInt(10, Integer.MAX_VALUE);
        assertTrue(rejects(() -> Wire.decodeOrder(counts.array())).contains("summaries (2147483647 elements)"));
        counts.putInt(10, 1);
        counts.putInt(tasksAt - 4, -3);
        assertTrue(rejects(() -> Wire.decodeOrder(counts.array())).endsWith("tasks is negative (-3)"));
        counts.putInt(tasksAt - 4, 3); // one more task than the bytes hold
        assertEquals("lmo wire: truncated Order.Tasks: tasks (3 elements) needs 87 bytes at byte " + tasksAt
                + ", only 58 remain", rejects(() -> Wire.decodeOrder(counts.array())));
        counts.putInt(tasksAt - 4, 1); // one less: 29 bytes trail
        assertTrue(rejects(() -> Wire.decodeOrder(counts.array())).contains("29 trailing bytes"));

        ByteBuffer none = ByteBuffer.wrap(whole.clone()).order(ByteOrder.LITTLE_ENDIAN);
        none.putInt(22, -1); // rounds of summary 0
        assertTrue(rejects(() -> Wire.decodeOrder(none.array())).contains("summary 0: null summaries (rounds -1)"));

        assertTrue(rejects(() -> Wire.decodeOrder(Arrays.copyOf(whole, whole.length - 3)))
                .startsWith("lmo wire: truncated Order.Tasks: tasks (2 elements) needs 58 bytes"));
        assertEquals("lmo wire: truncated Order.Tasks: SUM summary (2 elements) of summary 0, round 0 needs 16 bytes"
                + " at byte 31, only 9 remain", rejects(() -> Wire.decodeOrder(Arrays.copyOf(whole, 40))));
        byte[] roundKind = whole.clone();
        roundKind[26] = 7; // kind of round 0 of summary 0
        assertEquals("lmo wire: bad Order.Tasks at byte 27: summary 0, round 0: unknown kind 7",
                rejects(() -> Wire.decodeOrder(roundKind)));
    }

    @Test
    void encodeRefusesTasksThatCouldNotComeBack() {
        Summaries s = new Summaries(0, 1);
        assertEquals("lmo wire: task 0 names summary 1 of 1", assertThrows(IllegalArgumentException.class,
                () -> Wire.encode(new Order.Tasks(1, List.of(new Order.Task(Order.TaskKind.STEP, 0, 0, 1, 1)),
                        List.of(s)))).getMessage());
        assertEquals("lmo wire: task 1 names summary -2 of 0", assertThrows(IllegalArgumentException.class,
                () -> Wire.encode(new Order.Tasks(1, List.of(new Order.Task(Order.TaskKind.COLLECT, 0, 0, -1, 1),
                        new Order.Task(Order.TaskKind.COLLECT, 0, 0, -2, 1)), List.of()))).getMessage());
        assertEquals("lmo wire: task 0 has no kind", assertThrows(IllegalArgumentException.class,
                () -> Wire.encode(new Order.Tasks(1, List.of(new Order.Task(null, 0, 0, -1, 1)), List.of())))
                .getMessage());
    }

    @Test
    void randomGarbageAndBitFlipsNeverLeakAnotherException() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            SplittableRandom rng = new SplittableRandom(4);
            List<Function<byte[], Object>> decoders =
                    List.of(Wire::decode, Wire::decodeOrder, Wire::decodeReport, Wire::decodeBlocks);
            Samples samples = new Samples(5);
            for (int i = 0; i < 20_000; i++) {
                byte[] b;
                if (i % 2 == 0) {
                    b = new byte[rng.nextInt(64)];
                    for (int k = 0; k < b.length; k++) b[k] = (byte) rng.nextInt();
                    if (b.length > 1) {
                        b[0] = 1;
                        b[1] = (byte) new int[] {1, 2, 3, 4, 5, 6, 16, 32}[rng.nextInt(8)];
                    }
                } else {
                    b = switch (rng.nextInt(3)) {
                        case 0 -> Wire.encode(samples.order());
                        case 1 -> Wire.encode(samples.report());
                        default -> Wire.encode(samples.blockStates());
                    };
                    int flips = 1 + rng.nextInt(3);
                    for (int k = 0; k < flips && b.length > 0; k++) b[rng.nextInt(b.length)] ^= (byte) (1 << rng.nextInt(8));
                }
                for (Function<byte[], Object> decode : decoders) {
                    try {
                        decode.apply(b);
                    } catch (IllegalArgumentException e) {
                        assertTrue(e.getMessage().startsWith("lmo wire: "), e.getMessage());
                    }
                }
            }
        });
    }

    @Test
    void encodeRefusesWhatCannotComeBackExactly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Wire.encode(new ShardReport(1, 2,
                List.of(new BlockReport(0, null, null, null, null, 0, 0, -1, "lone \ud800 surrogate")), 3)));
        assertTrue(e.getMessage().contains("unpaired surrogate at index 5"), e.getMessage());
        Summaries s = new Summaries(1);
        s.set(0, new Gathered(new double[][] {{1}}, new double[][] {{1}, {2}}, new int[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Wire.encode(new Order.Apply(1, 1, s, true, true)));
        assertThrows(IllegalArgumentException.class, () -> Wire.encode((Order) null));
    }
}
