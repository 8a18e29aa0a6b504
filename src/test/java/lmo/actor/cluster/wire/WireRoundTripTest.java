package lmo.actor.cluster.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

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
        int[] seen = new int[5];
        for (int i = 0; i < 2000; i++) {
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
