package lmo.actor.cluster.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits an encoded message into {@link Chunk}s of at most {@code maxChunkBytes} data bytes each: pieces
 * {@code 0 .. total-2} are exactly {@code maxChunkBytes} long, the last one holds the rest; an empty payload is one
 * empty chunk. A payload that fits in one chunk is not copied (the chunk holds the payload array itself); larger
 * ones are copied piece by piece.
 */
public final class Chunker {
    private Chunker() {}

    public static List<Chunk> split(String source, long transfer, byte[] payload, int maxChunkBytes) {
        if (payload == null) throw new IllegalArgumentException("payload is null");
        if (maxChunkBytes < 1) throw new IllegalArgumentException("maxChunkBytes " + maxChunkBytes + " < 1");
        long pieces = Math.max(1, ((long) payload.length + maxChunkBytes - 1) / maxChunkBytes);
        if (pieces > Chunk.MAX_TOTAL) {
            throw new IllegalArgumentException("a payload of " + payload.length + " bytes in chunks of " + maxChunkBytes
                    + " bytes needs " + pieces + " chunks, more than " + Chunk.MAX_TOTAL);
        }
        int total = (int) pieces;
        if (total == 1) return List.of(new Chunk(source, transfer, 0, 1, payload));
        List<Chunk> chunks = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            int from = i * maxChunkBytes;
            int to = (int) Math.min(payload.length, (long) from + maxChunkBytes);
            chunks.add(new Chunk(source, transfer, i, total, Arrays.copyOfRange(payload, from, to)));
        }
        return List.copyOf(chunks);
    }
}
