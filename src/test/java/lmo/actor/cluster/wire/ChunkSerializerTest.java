package lmo.actor.cluster.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.NotSerializableException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.junit.jupiter.api.Test;

/** Claims about {@link ChunkSerializer}: layout, wrappers, rejection of bad input, and the config binding. */
class ChunkSerializerTest {

    /** How an actor protocol wraps a chunk: this is all the engine side writes. */
    public interface Protocol {}

    public record ProtocolChunk(Chunk chunk) implements Protocol, Bulk {}

    /** Not rebuildable: no (Chunk) constructor. */
    public record NoConstructor(Chunk chunk, int extra) implements Bulk {}

    private static final Chunk CHUNK = new Chunk("shard-ü", 0x1122334455667788L, 2, 5, new byte[] {9, 8, 7});

    @Test
    void layoutIsHeaderThenRawData() {
        ChunkSerializer s = new ChunkSerializer();
        byte[] b = s.toBinary(CHUNK);
        int src = "shard-ü".getBytes(StandardCharsets.UTF_8).length;
        assertEquals(25 + src + 3, b.length);
        assertEquals(25 + src, ChunkSerializer.headerBytes(CHUNK));
        ByteBuffer r = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(1, r.get());
        assertEquals(src, r.getInt());
        r.position(r.position() + src);
        assertEquals(0x1122334455667788L, r.getLong());
        assertEquals(2, r.getInt());
        assertEquals(5, r.getInt());
        assertEquals(3, r.getInt());
        assertEquals(9, r.get());
    }

    @Test
    void chunksAndWrappersRoundTripThroughBytesAndBuffers() throws Exception {
        ChunkSerializer s = new ChunkSerializer();
        assertEquals("C", s.manifest(CHUNK));
        assertEquals(CHUNK, s.fromBinary(s.toBinary(CHUNK), "C"));

        ProtocolChunk wrapped = new ProtocolChunk(CHUNK);
        String manifest = s.manifest(wrapped);
        assertEquals(ProtocolChunk.class.getName(), manifest);
        assertEquals(wrapped, s.fromBinary(s.toBinary(wrapped), manifest));

        // the ByteBuffer path, into a big-endian direct buffer at an offset (as Artery's envelope buffer would be)
        ByteBuffer buf = ByteBuffer.allocateDirect(1024).order(ByteOrder.BIG_ENDIAN);
        buf.position(100);
        s.toBinary(wrapped, buf);
        assertEquals(ByteOrder.BIG_ENDIAN, buf.order(), "the buffer's order is restored");
        buf.flip().position(100);
        Object back = s.fromBinary(buf, manifest);
        assertInstanceOf(ProtocolChunk.class, back);
        assertEquals(wrapped, back);
        assertEquals(0, buf.remaining());
    }

    @Test
    void badWrappersAndManifestsAreRefused() {
        ChunkSerializer s = new ChunkSerializer();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.manifest(new NoConstructor(CHUNK, 1)));
        assertTrue(e.getMessage().contains("needs a constructor taking one Chunk"), e.getMessage());
        byte[] b = s.toBinary(CHUNK);
        assertThrows(NotSerializableException.class, () -> s.fromBinary(b, "no.such.Class"));
        assertThrows(NotSerializableException.class, () -> s.fromBinary(b, "java.lang.String"), "not a Bulk");
        assertThrows(NotSerializableException.class, () -> s.fromBinary(b, Bulk.class.getName()), "not concrete");
        assertThrows(IllegalArgumentException.class, () -> s.toBinary("a string"));
    }

    @Test
    void badBytesAreRefusedClearly() {
        ChunkSerializer s = new ChunkSerializer();
        byte[] b = s.toBinary(CHUNK);
        for (int n = 0; n < b.length; n++) {
            byte[] cut = Arrays.copyOf(b, n);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.fromBinary(cut, "C"));
            assertTrue(e.getMessage().startsWith("lmo chunk: "), e.getMessage());
        }
        byte[] longer = Arrays.copyOf(b, b.length + 1);
        assertThrows(IllegalArgumentException.class, () -> s.fromBinary(longer, "C"));
        byte[] version = b.clone();
        version[0] = 9;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.fromBinary(version, "C")).getMessage()
                .contains("version 9"));
        byte[] index = b.clone();
        ByteBuffer.wrap(index).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length - 3 - 12, 5); // index 5 of total 5
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.fromBinary(index, "C")).getMessage()
                .contains("chunk index 5"));
    }

    @Test
    void lmoWireConfBindsChunksAndWrappersToThisSerializer() throws Exception {
        ActorTestKit kit = ActorTestKit.create("ser", ConfigFactory.parseResources("lmo-wire.conf")
                .withFallback(ConfigFactory.load()));
        try {
            Serialization ser = SerializationExtension.get(kit.system().classicSystem());
            for (Object msg : new Object[] {CHUNK, new ProtocolChunk(CHUNK)}) {
                Serializer found = ser.findSerializerFor(msg);
                assertInstanceOf(ChunkSerializer.class, found);
                assertEquals(ChunkSerializer.IDENTIFIER, found.identifier());
                byte[] bytes = ser.serialize(msg).get();
                assertEquals(msg, ser.deserialize(bytes, ChunkSerializer.IDENTIFIER,
                        ((ChunkSerializer) found).manifest(msg)).get());
            }
        } finally {
            kit.shutdownTestKit();
        }
    }
}
