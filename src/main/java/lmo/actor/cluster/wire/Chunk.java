package lmo.actor.cluster.wire;

import java.util.Arrays;

/**
 * One piece of a larger encoded message ({@link Chunker#split} makes them, a {@link Reassembler} puts them back).
 * On the wire (see {@link ChunkSerializer}):
 * {@code i8 version  i32 n  n bytes UTF-8 source  i64 transfer  i32 index  i32 total  i32 length  length bytes data}.
 *
 * <p>Equality compares {@code data} by content (not by reference, as a plain record would).
 *
 * @param source who sends the transfer, e.g. {@code "shard-3"} or {@code "scheduler"}: one sending actor, at most
 *               {@value #MAX_SOURCE_CHARS} characters
 * @param transfer the sender's id of the transfer; must increase from one transfer to the next of the same source
 *                 (see {@link Reassembler} for why)
 * @param index this piece's position, {@code 0 <= index < total}
 * @param total how many pieces the transfer has, {@code 1 <= total <= }{@value #MAX_TOTAL}
 * @param data the bytes of this piece (not copied)
 */
public record Chunk(String source, long transfer, int index, int total, byte[] data) implements Bulk {
    /** The most pieces one transfer may have (at 192 KiB a piece, far more than a 2 GiB message needs). */
    public static final int MAX_TOTAL = 1 << 20;
    /** The longest source name. */
    public static final int MAX_SOURCE_CHARS = 256;

    public Chunk {
        if (source == null) throw new IllegalArgumentException("chunk source is null");
        if (source.length() > MAX_SOURCE_CHARS) {
            throw new IllegalArgumentException("chunk source has " + source.length() + " characters, at most "
                    + MAX_SOURCE_CHARS + " allowed");
        }
        if (total < 1 || total > MAX_TOTAL) {
            throw new IllegalArgumentException("chunk total " + total + " is not in 1.." + MAX_TOTAL);
        }
        if (index < 0 || index >= total) {
            throw new IllegalArgumentException("chunk index " + index + " is not in 0.." + (total - 1));
        }
        if (data == null) throw new IllegalArgumentException("chunk data is null");
    }

    /** This chunk (a chunk is its own {@link Bulk} message). */
    @Override
    public Chunk chunk() { return this; }

    @Override
    public boolean equals(Object o) {
        return o instanceof Chunk c && transfer == c.transfer && index == c.index && total == c.total
                && source.equals(c.source) && Arrays.equals(data, c.data);
    }

    @Override
    public int hashCode() {
        return ((source.hashCode() * 31 + Long.hashCode(transfer)) * 31 + index) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Chunk[" + source + " #" + transfer + " " + (index + 1) + "/" + total + ", " + data.length + " bytes]";
    }
}
