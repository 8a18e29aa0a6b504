package lmo.actor.cluster.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Claims about {@link Chunker} and {@link Reassembler}. */
class ChunkingTest {

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void splitSizes() {
        byte[] p = bytes(1000, 1);
        List<Chunk> c = Chunker.split("s", 1, p, 300);
        assertEquals(4, c.size());
        assertEquals(List.of(300, 300, 300, 100), c.stream().map(k -> k.data().length).toList());
        for (int i = 0; i < 4; i++) {
            assertEquals(i, c.get(i).index());
            assertEquals(4, c.get(i).total());
            assertEquals("s", c.get(i).source());
            assertEquals(1, c.get(i).transfer());
        }
        assertEquals(List.of(250, 250, 250, 250), Chunker.split("s", 1, p, 250).stream().map(k -> k.data().length).toList());
        assertEquals(1, Chunker.split("s", 1, p, 1000).size());
        assertSame(p, Chunker.split("s", 1, p, 5000).get(0).data(), "one piece: not copied");
        List<Chunk> empty = Chunker.split("s", 1, new byte[0], 10);
        assertEquals(1, empty.size());
        assertEquals(0, empty.get(0).data().length);
        assertEquals(1000, Chunker.split("s", 1, p, 1).size());
        assertThrows(IllegalArgumentException.class, () -> Chunker.split("s", 1, p, 0));
        assertThrows(IllegalArgumentException.class, () -> Chunker.split("s", 1, new byte[Chunk.MAX_TOTAL + 1], 1));
    }

    @Test
    void reassemblesInOrderAndOutOfOrder() {
        byte[] p = bytes(10_000, 2);
        Reassembler r = new Reassembler();
        List<Chunk> c = Chunker.split("a", 1, p, 999);
        for (int i = 0; i < c.size() - 1; i++) assertNull(r.accept(c.get(i)));
        assertEquals(1, r.pending());
        assertArrayEquals(p, r.accept(c.get(c.size() - 1)));
        assertEquals(0, r.pending());
        assertEquals(0, r.pendingBytes());

        List<Chunk> shuffled = new ArrayList<>(Chunker.split("a", 2, p, 777));
        Collections.shuffle(shuffled, new Random(3));
        byte[] whole = null;
        for (Chunk k : shuffled) {
            assertNull(whole, "complete only after the last piece");
            whole = r.accept(k);
        }
        assertArrayEquals(p, whole);

        byte[] single = bytes(10, 4);
        assertSame(single, r.accept(Chunker.split("a", 3, single, 100).get(0)));
        assertArrayEquals(new byte[0], r.accept(Chunker.split("a", 4, new byte[0], 100).get(0)));
    }

    @Test
    void interleavedSourcesDoNotMix() {
        Random rng = new Random(5);
        String[] sources = {"scheduler", "shard-0", "shard-1", "shard-2"};
        byte[][] payloads = new byte[sources.length][];
        List<List<Chunk>> queues = new ArrayList<>();
        for (int s = 0; s < sources.length; s++) {
            payloads[s] = bytes(1000 + rng.nextInt(5000), s);
            queues.add(new ArrayList<>(Chunker.split(sources[s], 7, payloads[s], 100 + rng.nextInt(300))));
        }
        Reassembler r = new Reassembler();
        int done = 0;
        while (done < sources.length) {
            int s = rng.nextInt(sources.length);
            if (queues.get(s).isEmpty()) continue;
            byte[] whole = r.accept(queues.get(s).remove(0));
            if (whole != null) {
                assertArrayEquals(payloads[s], whole, sources[s]);
                assertTrue(queues.get(s).isEmpty());
                done++;
            }
        }
        assertEquals(0, r.pending());
    }

    @Test
    void aNewerTransferDropsTheSupersededPartialOne() {
        Reassembler r = new Reassembler();
        List<Chunk> dying = Chunker.split("shard-3", 10, bytes(5000, 6), 1000);
        r.accept(dying.get(0));
        r.accept(dying.get(1));
        assertEquals(2000, r.pendingBytes());
        byte[] next = bytes(3000, 7);
        List<Chunk> fresh = Chunker.split("shard-3", 11, next, 1000);
        assertNull(r.accept(fresh.get(0)));
        assertEquals(1, r.abandoned());
        assertEquals(1000, r.pendingBytes(), "the partial transfer's memory is released");
        assertNull(r.accept(fresh.get(1)));
        assertArrayEquals(next, r.accept(fresh.get(2)));

        IllegalArgumentException stale = assertThrows(IllegalArgumentException.class, () -> r.accept(dying.get(2)));
        assertTrue(stale.getMessage().contains("stale"), stale.getMessage());
        assertEquals(0, r.pending());
        // a sender that restarts with small ids is accepted again once forgotten
        r.forget("shard-3");
        assertArrayEquals(bytes(5, 8), r.accept(Chunker.split("shard-3", 0, bytes(5, 8), 10).get(0)));
    }

    @Test
    void badChunksAreRejected() {
        Reassembler r = new Reassembler();
        List<Chunk> c = Chunker.split("a", 1, bytes(3000, 9), 1000);
        r.accept(c.get(0));
        IllegalArgumentException repeated = assertThrows(IllegalArgumentException.class, () -> r.accept(c.get(0)));
        assertTrue(repeated.getMessage().contains("already arrived"), repeated.getMessage());
        assertEquals(0, r.pending(), "a bad piece drops its transfer");
        IllegalArgumentException late = assertThrows(IllegalArgumentException.class, () -> r.accept(c.get(1)));
        assertTrue(late.getMessage().contains("not in progress"), late.getMessage());

        r.accept(new Chunk("b", 1, 0, 3, new byte[1]));
        IllegalArgumentException total = assertThrows(IllegalArgumentException.class,
                () -> r.accept(new Chunk("b", 1, 1, 4, new byte[1])));
        assertTrue(total.getMessage().contains("has 3 pieces, this one says 4"), total.getMessage());

        List<Chunk> whole = Chunker.split("c", 5, bytes(10, 1), 5);
        r.accept(whole.get(0));
        r.accept(whole.get(1));
        assertThrows(IllegalArgumentException.class, () -> r.accept(whole.get(1)), "a completed transfer is not reopened");

        assertThrows(IllegalArgumentException.class, () -> new Chunk("a", 1, 3, 3, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new Chunk("a", 1, -1, 3, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new Chunk("a", 1, 0, 0, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new Chunk("a", 1, 0, Chunk.MAX_TOTAL + 1, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new Chunk(null, 1, 0, 1, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new Chunk("a", 1, 0, 1, null));
        assertThrows(IllegalArgumentException.class, () -> new Chunk("x".repeat(257), 1, 0, 1, new byte[0]));
    }

    @Test
    void bulkCodecSizesChunksFromTheFrame() {
        assertEquals(192 * 1024, BulkCodec.DEFAULT_CHUNK_BYTES);
        assertEquals(192 * 1024, BulkCodec.forConfig(com.typesafe.config.ConfigFactory.empty()).chunkBytes());
        assertEquals(3 * 1024 * 1024, BulkCodec.forConfig(com.typesafe.config.ConfigFactory.parseString(
                BulkCodec.FRAME_SIZE_PATH + " = 4 MiB")).chunkBytes());
        BulkCodec codec = new BulkCodec(1000);
        lmo.engine.Order o = new lmo.engine.Order.Normalize(1, 2, new double[1000]);
        List<Chunk> c = codec.chunks("scheduler", 1, o);
        assertEquals(9, c.size());
        Reassembler r = new Reassembler();
        byte[] whole = null;
        for (Chunk k : c) whole = r.accept(k);
        Same.order(o, (lmo.engine.Order) Wire.decode(whole));
    }
}
