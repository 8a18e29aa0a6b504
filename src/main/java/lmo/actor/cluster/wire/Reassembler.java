package lmo.actor.cluster.wire;

import java.util.HashMap;
import java.util.Map;

/**
 * Puts {@link Chunk}s back together into the payloads {@link Chunker#split} cut. One per receiving actor; not
 * thread-safe (an actor handles one message at a time).
 *
 * <p>Rules, per source (one sending actor):
 * <ul>
 *   <li>Transfers from different sources may interleave freely; pieces of one transfer may arrive in any order.</li>
 *   <li>A source has at most one transfer in progress. Transfer ids must increase from one transfer to the next of
 *       the same source. When a chunk of a <b>newer</b> transfer (a larger id) arrives, the partial transfer of that
 *       source is dropped: a sender that stopped or died mid-transfer leaks at most one partial transfer, and only
 *       until it (or whoever takes over its name) sends again. {@link #abandoned()} counts the drops;
 *       {@link #forget(String)} drops a source's state at once (when its member is known to be gone).</li>
 *   <li>A chunk of an <b>older</b> transfer than the source's newest is rejected, as is a repeated piece, a piece of
 *       a transfer that already completed, and a piece whose {@code total} disagrees with the transfer's first piece.
 *       An inconsistent piece also drops the transfer it claimed to belong to. Rejections are
 *       {@link IllegalArgumentException}s; the caller logs them and goes on.</li>
 *   <li>So a source numbers all its transfers to a receiver with <b>one</b> increasing counter, whatever their kind
 *       (the scheduler's order {@code seq} works if its block assignments take a {@code seq} too; a shard can
 *       answer with the {@code seq} of the order it reports on). A sender that restarts under the same source name
 *       must not go back to smaller ids, or the receiver must {@link #forget(String)} the source first.</li>
 * </ul>
 *
 * <p>Memory: the pieces of the partial transfers, at most one per source, plus one {@code long} per source seen.
 */
public final class Reassembler {
    /** The largest payload: the largest Java array, with the JVM's usual margin. */
    static final long MAX_PAYLOAD = Integer.MAX_VALUE - 8;

    private final Map<String, Partial> partial = new HashMap<>();
    private final Map<String, Long> newest = new HashMap<>();
    private long abandoned;

    /**
     * Takes one piece; returns the whole payload when this was the last missing piece of its transfer, else null.
     * For a transfer of one piece, the returned array is that piece's data itself.
     *
     * @throws IllegalArgumentException if the piece is stale, repeated or inconsistent with its transfer
     */
    public byte[] accept(Chunk c) {
        if (c == null) throw new IllegalArgumentException("chunk is null");
        String source = c.source();
        Long last = newest.get(source);
        if (last != null && c.transfer() < last) {
            throw new IllegalArgumentException("stale " + c + ": " + source + " has already started transfer " + last
                    + " (transfer ids must increase per source)");
        }
        Partial p;
        if (last == null || c.transfer() > last) {
            if (partial.remove(source) != null) abandoned++;
            newest.put(source, c.transfer());
            if (c.total() == 1) return c.data();
            p = new Partial(c.total());
            partial.put(source, p);
        } else {
            p = partial.get(source);
            if (p == null) {
                throw new IllegalArgumentException("late " + c + ": transfer " + c.transfer() + " of " + source
                        + " is not in progress (it completed, or was dropped after a bad piece)");
            }
            if (p.pieces.length != c.total()) {
                partial.remove(source);
                throw new IllegalArgumentException("inconsistent " + c + ": transfer " + c.transfer() + " of " + source
                        + " has " + p.pieces.length + " pieces, this one says " + c.total() + " (transfer dropped)");
            }
            if (p.pieces[c.index()] != null) {
                partial.remove(source);
                throw new IllegalArgumentException("repeated " + c + ": piece " + c.index() + " of transfer "
                        + c.transfer() + " of " + source + " already arrived (transfer dropped)");
            }
        }
        p.pieces[c.index()] = c.data();
        p.received++;
        p.bytes += c.data().length;
        if (p.bytes > MAX_PAYLOAD) {
            partial.remove(source);
            throw new IllegalArgumentException("transfer " + c.transfer() + " of " + source + " exceeds "
                    + MAX_PAYLOAD + " bytes, more than one array can hold (transfer dropped)");
        }
        if (p.received < p.pieces.length) return null;
        partial.remove(source);
        return p.join();
    }

    /** Drops everything known about {@code source}: its partial transfer and its newest transfer id. */
    public void forget(String source) {
        partial.remove(source);
        newest.remove(source);
    }

    /** How many transfers are in progress (at most one per source). */
    public int pending() { return partial.size(); }

    /** Bytes held by the transfers in progress. */
    public long pendingBytes() {
        long n = 0;
        for (Partial p : partial.values()) n += p.bytes;
        return n;
    }

    /** How many partial transfers were dropped because a newer transfer of their source started. */
    public long abandoned() { return abandoned; }

    private static final class Partial {
        final byte[][] pieces;
        int received;
        long bytes;

        Partial(int total) { pieces = new byte[total][]; }

        byte[] join() {
            byte[] out = new byte[(int) bytes];
            int at = 0;
            for (byte[] piece : pieces) {
                System.arraycopy(piece, 0, out, at, piece.length);
                at += piece.length;
            }
            return out;
        }
    }
}
