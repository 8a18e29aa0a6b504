package lmo.actor.cluster.wire;

import com.typesafe.config.Config;
import java.util.List;
import lmo.engine.Order;
import lmo.engine.ShardReport;

/**
 * Encodes a bulk message with {@link Wire} and cuts it into {@link Chunk}s that fit in one Artery frame; the
 * receiver puts them together with a {@link Reassembler} and decodes with {@link Wire#decode(byte[])}:
 *
 * <pre>{@code
 * // sender (once per order: the same chunks go to every shard)
 * for (Chunk c : codec.chunks("scheduler", order.seq(), order)) shard.tell(new ShardChunk(c));
 * // receiver
 * byte[] whole = reassembler.accept(msg.chunk());
 * if (whole != null) { Object m = Wire.decode(whole); ... }
 * }</pre>
 *
 * <p>Chunk size: {@link #forConfig} reads {@value #FRAME_SIZE_PATH} and uses three quarters of it for data (192 KiB of
 * the default 256 KiB), which leaves room for the chunk header ({@link ChunkSerializer#headerBytes}, at most 793
 * bytes) and Artery's envelope (recipient and sender paths, manifest). Immutable, thread-safe.
 */
public final class BulkCodec {
    /** Where Pekko keeps the frame size. */
    public static final String FRAME_SIZE_PATH = "pekko.remote.artery.advanced.maximum-frame-size";
    /** Pekko's default frame size, 256 KiB. */
    public static final int DEFAULT_FRAME_BYTES = 256 * 1024;
    /** Data bytes per chunk within the default frame: 192 KiB. */
    public static final int DEFAULT_CHUNK_BYTES = chunkBytesFor(DEFAULT_FRAME_BYTES);

    private final int chunkBytes;

    /** @param chunkBytes data bytes per chunk; the chunk plus its headers must fit in a frame */
    public BulkCodec(int chunkBytes) {
        if (chunkBytes < 1) throw new IllegalArgumentException("chunkBytes " + chunkBytes + " < 1");
        this.chunkBytes = chunkBytes;
    }

    /** Chunks sized for the frame size of {@code config} (an actor system's {@code settings().config()}). */
    public static BulkCodec forConfig(Config config) {
        long frame = config.hasPath(FRAME_SIZE_PATH) ? config.getBytes(FRAME_SIZE_PATH) : DEFAULT_FRAME_BYTES;
        return new BulkCodec(chunkBytesFor(frame));
    }

    /** Three quarters of {@code frameBytes}. */
    public static int chunkBytesFor(long frameBytes) {
        if (frameBytes < 4096) throw new IllegalArgumentException("frame of " + frameBytes + " bytes is too small");
        return (int) Math.min(Integer.MAX_VALUE, frameBytes / 4 * 3);
    }

    public int chunkBytes() { return chunkBytes; }

    public List<Chunk> chunks(String source, long transfer, Order order) {
        return Chunker.split(source, transfer, Wire.encode(order), chunkBytes);
    }

    public List<Chunk> chunks(String source, long transfer, ShardReport report) {
        return Chunker.split(source, transfer, Wire.encode(report), chunkBytes);
    }

    public List<Chunk> chunks(String source, long transfer, BlockStates states) {
        return Chunker.split(source, transfer, Wire.encode(states), chunkBytes);
    }
}
