package lmo.actor.cluster.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import lmo.engine.BlockReport;
import lmo.engine.Order;
import lmo.engine.ShardReport;
import lmo.particles.Block;
import lmo.particles.Gathered;
import lmo.particles.Summaries;
import org.junit.jupiter.api.Test;

/** Claim: whatever goes in comes out bit for bit: every order, report and block assignment. */
class WireRoundTripTest {

    private static Order orderTrip(Order o) {
        Order back = Wire.decodeOrder(Wire.encode(o));
        Same.order(o, back);
        return back;
    }

    @Test
    void everyOrderVariantWithRandomDataComesBackBitForBit() {
        Samples s = new Samples(1);
        int[] seen = new int[7];
        for (int i = 0; i < 3000; i++) {
            Order o = s.order();
            orderTrip(o);
            seen[OrderCodec.tag(o) - 1]++;
            // decode() of any kind agrees with decodeOrder()
            Same.order(o, (Order) Wire.decode(Wire.encode(o)));
        }
        for (int n : seen) assertEquals(true, n > 300, "each variant was tried often");
    }

    @Test
    void awkwardDoublesKeepTheirBitsOnBothCopyPaths() {
        double[] shortOne = Samples.AWKWARD.clone();                   // 18 values: bulk path
        double[] tiny = {Double.longBitsToDouble(0x7ff0000000000001L), -0.0, Double.MIN_VALUE}; // element-wise path
        Order.Normalize back = (Order.Normalize) orderTrip(new Order.Normalize(3, 4, shortOne));
        Same.bits(shortOne, back.factors(), "factors");
        orderTrip(new Order.Normalize(3, 4, tiny));
        orderTrip(new Order.Normalize(3, 4, new double[0]));
        assertNull(((Order.Normalize) orderTrip(new Order.Normalize(3, 4, null))).factors());
    }

    @Test
    void summariesInAnyMixOfNullSumAndGatherRounds() {
        Summaries s = new Summaries(6);
        s.set(1, new double[] {1, Double.NaN, -0.0});
        s.set(2, new Gathered(new double[][] {{0.5, 0.25}, {}}, new double[][] {{1.0}, {}}, new int[] {2, 3}));
        s.set(3, new double[0]);
        s.set(5, new Gathered(new double[0][], new double[0][], new int[0]));
        Order.Apply back = (Order.Apply) orderTrip(new Order.Apply(9, 10, s, true, false));
        assertNull(back.summaries().get(0));
        assertNull(back.summaries().get(4));
        assertEquals(0, back.summaries().gathered(5).dim().length);
        orderTrip(new Order.Apply(9, 10, new Summaries(0), false, true));
        orderTrip(new Order.Partials(9, 10, 2, new Summaries(3)));     // rounds not reduced yet
        assertNull(((Order.Partials) orderTrip(new Order.Partials(9, 10, 0, null))).done());
    }

    /** What AsyncCore sends: one summary shared by several blocks, SUM and GATHER rounds, every kind, no summary. */
    static Order.Tasks asyncTasks() {
        Summaries sum = new Summaries(2, 6, new double[] {0.25, -0.0});   // the exact summary of state 6
        sum.set(0, new double[] {1, Double.NaN, -0.0, Double.MIN_VALUE});
        sum.set(1, new double[] {3});
        Summaries gather = new Summaries(1, 4);                           // a delayed one: state 4
        gather.set(0, new Gathered(new double[][] {{0.5, 0.25, 1, 2}, {}}, new double[][] {{1, 0.5}, {}},
                new int[] {2, 3}, new double[][] {{7, 8}, {}}, new int[] {1, 0}));
        return new Order.Tasks(77, List.of(
                new Order.Task(Order.TaskKind.STEP, 0, 7, 1, 1.0),
                new Order.Task(Order.TaskKind.STEP, 1, 7, 1, 0.9990234375),
                new Order.Task(Order.TaskKind.STEP, 5, 6, 1, Double.longBitsToDouble(0x3ff0000000000001L)),
                new Order.Task(Order.TaskKind.EVALUATE, 0, 6, 0, 1.0),
                new Order.Task(Order.TaskKind.EVALUATE, 1, 6, 0, 1.0),
                new Order.Task(Order.TaskKind.COLLECT, 1, 6, -1, 0.5),
                new Order.Task(Order.TaskKind.PARTIAL, 9, 3, -1, Double.NaN)),
                List.of(sum, gather));
    }

    @Test
    void tasksKeepEveryKindSharedSummariesTheirStepsAndNoSummary() {
        Order.Tasks o = asyncTasks();
        Order.Tasks back = (Order.Tasks) orderTrip(o);
        assertEquals(o.tasks(), back.tasks()); // Task holds no arrays: record equality compares the double bits
        assertEquals(6, back.summaries().get(0).step());
        assertEquals(4, back.summaries().get(1).step());
        Same.bits(new double[] {0.25, -0.0}, back.summaries().get(0).global(), "global state");
        assertEquals(0, back.summaries().get(1).global().length);
        assertEquals(-1, back.tasks().get(6).summary());
        assertEquals(Order.TaskKind.PARTIAL, back.tasks().get(6).kind());
        Same.order(o, (Order) Wire.decode(Wire.encode(o)));

        // a summary travels once however many tasks name it
        Order.Tasks oneTask = new Order.Tasks(77, o.tasks().subList(0, 1), o.summaries());
        assertEquals(Wire.encode(oneTask).length + 6 * 29, Wire.encode(o).length);
        assertEquals(Wire.encode(o).length, 2 + OrderCodec.size(o));

        orderTrip(new Order.Tasks(0, List.of(), List.of()));
        orderTrip(new Order.Tasks(-1, List.of(), List.of(new Summaries(0, Long.MIN_VALUE))));  // a summary nobody names
        orderTrip(new Order.Tasks(Long.MAX_VALUE, List.of(new Order.Task(Order.TaskKind.COLLECT, -1, -1, -1, -0.0)),
                List.of()));
    }

    @Test
    void taskFieldsSitWhereTheLayoutSays() {
        byte[] b = Wire.encode(new Order.Tasks(5, List.of(new Order.Task(Order.TaskKind.EVALUATE, 3, 9, 0, 0.5)),
                List.of(new Summaries(0, 8))));
        ByteBuffer r = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(Wire.VERSION, r.get());
        assertEquals(6, r.get());
        assertEquals(5, r.getLong());  // seq
        assertEquals(1, r.getInt());   // summaries
        assertEquals(8, r.getLong());  // its step
        assertEquals(0, r.getInt());   // its rounds
        assertEquals(0, r.getInt());   // its global state
        assertEquals(1, r.getInt());   // tasks
        assertEquals(1, r.get());      // kind: 0 STEP, 1 EVALUATE, 2 COLLECT, 3 PARTIAL, 4 PICK, 5 SAMPLE
        assertEquals(3, r.getInt());   // block
        assertEquals(9, r.getLong());  // step
        assertEquals(0, r.getInt());   // summary
        assertEquals(0.5, r.getDouble());
        assertEquals(0, r.getInt());   // take (PICK and SAMPLE tasks)
        assertEquals(0, r.remaining());
        String kinds = "";
        for (Order.TaskKind k : Order.TaskKind.values()) kinds += k.ordinal() + " " + k + ", ";
        assertEquals("0 STEP, 1 EVALUATE, 2 COLLECT, 3 PARTIAL, 4 PICK, 5 SAMPLE, ", kinds, "the wire numbers the kinds by ordinal");
    }

    @Test
    void asyncTaskAnswersKeepTheirFewFieldsAndTheRestNullNanMinusOne() {
        double nan = Double.NaN;
        List<BlockReport> blocks = List.of(
                // STEP, SUM round 0: partial of the next state, masses before and after
                new BlockReport(0, new double[] {1.5, -0.0}, null, null, null, 0.75, 0.7499999999999999, -1, null),
                // STEP, GATHER round 0: x, m (and s) of the next state, masses before and after
                new BlockReport(1, null, new double[] {0.5, 0.25}, new double[] {1}, null, 1, 1.0000000000000002, -1,
                        null, new double[] {3}),
                // STEP that diverged: metrics, massBefore, the particle and the problem
                new BlockReport(2, null, null, null, new double[] {nan}, 1, nan, 4, "grad V"),
                // EVALUATE: metric sums and the mass of the kept state
                new BlockReport(3, null, null, null, new double[] {0.1, Double.MIN_VALUE}, 0.5, nan, -1, null),
                // COLLECT: x, m, s
                new BlockReport(4, null, new double[] {1, 2}, new double[] {0.5}, null, nan, nan, -1, null,
                        new double[0]),
                // PARTIAL, SUM and GATHER: partial or x, m, with the mass
                new BlockReport(5, new double[] {2}, null, null, null, 0.25, nan, -1, null),
                new BlockReport(6, null, new double[0], new double[0], null, 0, nan, -1, null, null),
                new BlockReport(7, null, null, null, null, nan, nan, -1, null, null));
        ShardReport r = new ShardReport(3, 77, blocks, 1_000);
        ShardReport back = Wire.decodeReport(Wire.encode(r));
        Same.report(r, back);
        assertNull(back.blocks().get(0).x());
        assertNull(back.blocks().get(3).partial());
        assertTrue(Double.isNaN(back.blocks().get(3).massAfter()));
        assertEquals(-1, back.blocks().get(5).diverged());
        assertNull(back.blocks().get(7).s());
    }

    @Test
    void applyFlagsAllFourCombinations() {
        for (int f = 0; f < 4; f++) {
            Order.Apply back = (Order.Apply) orderTrip(new Order.Apply(1, 2, null, (f & 1) != 0, (f & 2) != 0));
            assertEquals((f & 1) != 0, back.update());
            assertEquals((f & 2) != 0, back.thenPartials());
        }
    }

    @Test
    void shardReportsKeepNullsNanMinusOneAndProblemStrings() {
        Samples s = new Samples(2);
        for (int i = 0; i < 1000; i++) {
            ShardReport r = s.report();
            Same.report(r, Wire.decodeReport(Wire.encode(r)));
        }
        List<BlockReport> blocks = List.of(
                new BlockReport(0, null, null, null, null, Double.NaN, Double.NaN, -1, null),
                new BlockReport(1, new double[] {2}, null, new double[0], null, -0.0, Double.MIN_VALUE, 17,
                        "grad V not finite: NaN at x = (∞, 0) in 'populaçã😀'"),
                new BlockReport(2, null, null, null, new double[] {Double.NaN}, 1, 2, -1, ""));
        ShardReport r = new ShardReport(7, 42, blocks, 123456789L);
        ShardReport back = Wire.decodeReport(Wire.encode(r));
        Same.report(r, back);
        assertNull(back.blocks().get(0).problem());
        assertEquals("", back.blocks().get(2).problem());
        assertNull(Wire.decodeReport(Wire.encode(new ShardReport(1, 2, null, 3))).blocks());
    }

    @Test
    void hugeCountsOfEmptyBlocks() {
        List<BlockReport> reports = new ArrayList<>(Collections.nCopies(200_000,
                new BlockReport(5, null, null, null, null, Double.NaN, Double.NaN, -1, null)));
        ShardReport r = new ShardReport(0, 1, reports, 0);
        Same.report(r, Wire.decodeReport(Wire.encode(r)));

        List<BlockState> states = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) states.add(new BlockState(0, i, 64L * i, 2, new double[0], new double[0]));
        BlockStates b = new BlockStates(1, 2, 3, "x: 1", states);
        assertEquals(b, Wire.decodeBlocks(Wire.encode(b)));

        Summaries manyPopulations = new Summaries(1);
        manyPopulations.set(0, new Gathered(new double[100_000][0], new double[100_000][0], new int[100_000]));
        orderTrip(new Order.Partials(1, 1, 0, manyPopulations));
    }

    @Test
    void blockStatesWithUnicodeScenarioText() {
        Samples s = new Samples(3);
        for (int i = 0; i < 500; i++) {
            BlockStates b = s.blockStates();
            BlockStates back = Wire.decodeBlocks(Wire.encode(b));
            assertEquals(b, back); // BlockState compares raw bits
            for (int k = 0; k < b.blocks().size(); k++) {
                Same.bits(b.blocks().get(k).x(), back.blocks().get(k).x(), "x");
                Same.bits(b.blocks().get(k).m(), back.blocks().get(k).m(), "m");
            }
        }
        String yaml = "name: Wasserstein–Fisher–Rao ∂μ/∂t\ndescription: \"κ = 0.5, 𝔼[‖x‖²] 😀 中文\"\nsteps: 10\n";
        BlockStates b = new BlockStates(4, 1, 200, yaml,
                List.of(new BlockState(1, 7, 448, 3, Samples.AWKWARD.clone(), new double[6])));
        BlockStates back = Wire.decodeBlocks(Wire.encode(b));
        assertEquals(yaml, back.scenarioYaml());
        assertEquals(b, back);
        assertNull(Wire.decodeBlocks(Wire.encode(new BlockStates(0, 0, 0, null, List.of()))).scenarioYaml());
    }

    @Test
    void blockStateConvertsToAndFromEngineBlocks() {
        Block block = new Block(1, 4, 256, 2, new double[] {1, 2, 3, 4}, new double[] {0.5, 0.5});
        BlockState state = BlockState.of(block);
        Block back = Wire.decodeBlocks(Wire.encode(new BlockStates(0, 0, 0, "", List.of(state)))).blocks().get(0).toBlock();
        assertEquals(block.population(), back.population());
        assertEquals(block.index(), back.index());
        assertEquals(block.firstId(), back.firstId());
        assertEquals(block.dim(), back.dim());
        Same.bits(block.x(), back.x(), "x");
        Same.bits(block.m(), back.m(), "m");
        assertSame(block.x(), state.x(), "of() shares the arrays");
    }

    @Test
    void decodeTellsTheKindsApart() {
        assertInstanceOf(Order.Collect.class, Wire.decode(Wire.encode(new Order.Collect(1, 2))));
        assertInstanceOf(Order.Tasks.class, Wire.decode(Wire.encode(new Order.Tasks(1, List.of(), List.of()))));
        assertInstanceOf(ShardReport.class, Wire.decode(Wire.encode(new ShardReport(1, 2, List.of(), 3))));
        assertInstanceOf(BlockStates.class, Wire.decode(Wire.encode(new BlockStates(1, 2, 3, "", List.of()))));
    }

    @Test
    void fixedFieldsSitWhereTheLayoutSays() {
        byte[] b = Wire.encode(new Order.Rollback(0x0102030405060708L, -2));
        assertEquals(2 + 16, b.length);
        assertEquals(Wire.VERSION, b[0]);
        assertEquals(4, b[1]);
        assertEquals(0x08, b[2]); // little-endian: lowest byte first
        assertEquals(0x01, b[9]);
        assertEquals((byte) 0xfe, b[10]);
    }
}
