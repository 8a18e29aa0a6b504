package lmo.actor.cluster.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import lmo.engine.BlockReport;
import lmo.engine.Order;
import lmo.engine.ShardReport;
import lmo.particles.Gathered;
import lmo.particles.Summaries;

/** Assertions that two messages are equal bit for bit (the engine's records compare arrays by reference). */
final class Same {
    private Same() {}

    static void bits(double[] expected, double[] actual, String what) {
        if (expected == null) {
            assertNull(actual, what + " should be null");
            return;
        }
        assertNotNull(actual, what + " should not be null");
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            long e = Double.doubleToRawLongBits(expected[i]);
            long a = Double.doubleToRawLongBits(actual[i]);
            if (e != a) {
                assertEquals(Long.toHexString(e), Long.toHexString(a), what + "[" + i + "] bits");
            }
        }
    }

    static void bits(double expected, double actual, String what) {
        assertEquals(Long.toHexString(Double.doubleToRawLongBits(expected)),
                Long.toHexString(Double.doubleToRawLongBits(actual)), what + " bits");
    }

    static void order(Order expected, Order actual) {
        assertEquals(expected.getClass(), actual.getClass());
        assertEquals(expected.seq(), actual.seq(), "seq");
        if (expected instanceof Order.Partials e) {
            Order.Partials a = (Order.Partials) actual;
            assertEquals(e.step(), a.step());
            assertEquals(e.round(), a.round());
            summaries(e.done(), a.done());
        } else if (expected instanceof Order.Apply e) {
            Order.Apply a = (Order.Apply) actual;
            assertEquals(e.step(), a.step());
            assertEquals(e.update(), a.update());
            assertEquals(e.thenPartials(), a.thenPartials());
            assertEquals(e.stage(), a.stage());
            bits(e.stageScale(), a.stageScale(), "stageScale");
            summaries(e.summaries(), a.summaries());
        } else if (expected instanceof Order.Tasks e) {
            Order.Tasks a = (Order.Tasks) actual;
            assertEquals(e.summaries().size(), a.summaries().size(), "summaries");
            for (int i = 0; i < e.summaries().size(); i++) {
                assertEquals(e.summaries().get(i).step(), a.summaries().get(i).step(), "step of summary " + i);
                summaries(e.summaries().get(i), a.summaries().get(i));
            }
            assertEquals(e.tasks().size(), a.tasks().size(), "tasks");
            for (int i = 0; i < e.tasks().size(); i++) {
                Order.Task et = e.tasks().get(i);
                Order.Task at = a.tasks().get(i);
                assertEquals(et.kind(), at.kind(), "kind of task " + i);
                assertEquals(et.block(), at.block(), "block of task " + i);
                assertEquals(et.step(), at.step(), "step of task " + i);
                assertEquals(et.summary(), at.summary(), "summary of task " + i);
                bits(et.massFactor(), at.massFactor(), "massFactor of task " + i);
                assertEquals(et.take(), at.take(), "take of task " + i);
            }
        } else if (expected instanceof Order.Pick e) {
            Order.Pick a = (Order.Pick) actual;
            assertEquals(e.step(), a.step());
            assertEquals(e.live(), a.live());
            org.junit.jupiter.api.Assertions.assertArrayEquals(e.take(), a.take());
        } else if (expected instanceof Order.Normalize e) {
            assertEquals(e.step(), ((Order.Normalize) actual).step());
            bits(e.factors(), ((Order.Normalize) actual).factors(), "factors");
        } else {
            assertEquals(expected, actual); // Rollback, Collect: plain values
        }
    }

    static void summaries(Summaries expected, Summaries actual) {
        if (expected == null) {
            assertNull(actual);
            return;
        }
        assertEquals(expected.rounds(), actual.rounds(), "rounds");
        bits(expected.global(), actual.global(), "global state");
        for (int r = 0; r < expected.rounds(); r++) {
            Object e = expected.get(r);
            Object a = actual.get(r);
            if (e == null) {
                assertNull(a, "round " + r);
            } else if (e instanceof double[] sum) {
                bits(sum, (double[]) a, "SUM round " + r);
            } else {
                gathered((Gathered) e, (Gathered) a, r);
            }
        }
    }

    static void gathered(Gathered e, Gathered a, int round) {
        assertEquals(e.dim().length, a.dim().length, "populations of round " + round);
        for (int p = 0; p < e.dim().length; p++) {
            assertEquals(e.dim()[p], a.dim()[p], "dim");
            bits(e.x()[p], a.x()[p], "x[" + p + "] of round " + round);
            bits(e.m()[p], a.m()[p], "m[" + p + "] of round " + round);
            assertEquals(e.solverWidth()[p], a.solverWidth()[p], "solverWidth");
            bits(e.s()[p], a.s()[p], "s[" + p + "] of round " + round);
        }
    }

    static void report(ShardReport expected, ShardReport actual) {
        assertEquals(expected.shard(), actual.shard());
        assertEquals(expected.seq(), actual.seq());
        assertEquals(expected.computeNanos(), actual.computeNanos());
        if (expected.blocks() == null) {
            assertNull(actual.blocks());
            return;
        }
        assertEquals(expected.blocks().size(), actual.blocks().size());
        for (int i = 0; i < expected.blocks().size(); i++) {
            BlockReport e = expected.blocks().get(i);
            BlockReport a = actual.blocks().get(i);
            assertEquals(e.block(), a.block());
            bits(e.partial(), a.partial(), "partial");
            bits(e.x(), a.x(), "x");
            bits(e.m(), a.m(), "m");
            bits(e.metrics(), a.metrics(), "metrics");
            bits(e.massBefore(), a.massBefore(), "massBefore");
            bits(e.massAfter(), a.massAfter(), "massAfter");
            assertEquals(e.diverged(), a.diverged());
            assertEquals(e.problem(), a.problem());
            bits(e.s(), a.s(), "s");
        }
    }
}
