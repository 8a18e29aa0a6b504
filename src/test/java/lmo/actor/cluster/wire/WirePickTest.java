package lmo.actor.cluster.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lmo.engine.BlockReport;
import lmo.engine.Order;
import lmo.engine.ShardReport;
import org.junit.jupiter.api.Test;

/** Claim: the trajectory and live-sample orders (bsp Pick, asynchronous PICK and SAMPLE tasks) and their replies cross the wire exactly. */
class WirePickTest {

    @Test
    void pickOrdersTasksAndTheirRepliesComeBack() {
        for (boolean live : new boolean[] {false, true}) {
            Order.Pick p = new Order.Pick(9, 40, new int[] {1000, 3, 2000}, live);
            Order.Pick back = (Order.Pick) Wire.decodeOrder(Wire.encode(p));
            assertEquals(40, back.step());
            assertEquals(live, back.live());
            assertArrayEquals(p.take(), back.take());
            Same.order(p, Wire.decode(Wire.encode(p)) instanceof Order o ? o : null);
        }
        Order.Tasks t = new Order.Tasks(3, List.of(new Order.Task(Order.TaskKind.PICK, 2, 7, -1, 0.5, 100),
                new Order.Task(Order.TaskKind.SAMPLE, 3, 7, -1, 1, 2000)), List.of());
        Same.order(t, Wire.decodeOrder(Wire.encode(t)));
        BlockReport picked = new BlockReport(2, null, new double[] {0.25, 0.5, -0.0, 1e-300}, new double[] {0.1, 0.2},
                null, Double.NaN, Double.NaN, -1, null);
        ShardReport r = Wire.decodeReport(Wire.encode(new ShardReport(1, 3, List.of(picked), 5)));
        Same.bits(picked.x(), r.blocks().get(0).x(), "x");
        Same.bits(picked.m(), r.blocks().get(0).m(), "m");
    }

    @Test
    void aNegativeTakeOrUnknownFlagsAreRefused() {
        byte[] b = Wire.encode(new Order.Pick(1, 2, new int[] {5}, false));
        byte[] flags = b.clone();
        flags[2 + 16] = 4;
        assertTrue(assertThrowsMessage(flags).contains("unknown Pick flags 4"));
        byte[] negative = b.clone();
        java.nio.ByteBuffer.wrap(negative).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(2 + 16 + 1 + 4, -1);
        assertTrue(assertThrowsMessage(negative).contains("negative take -1 of population 0"));
    }

    private static String assertThrowsMessage(byte[] bytes) {
        return org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Wire.decodeOrder(bytes)).getMessage();
    }
}
