package lmo.engine;

/**
 * What the scheduler asks every shard to do with its blocks, one order per message round. Orders carry a
 * sequence number so a late or repeated reply is recognised; a shard answers each order with one
 * {@link ShardReport}. Summaries travel by reference inside one JVM and are read-only for shards.
 */
public sealed interface Order {
    long seq();

    /** Partial summaries of reduce round {@code round} at the current state. */
    record Partials(long seq, long step, int round, Summaries done) implements Order {}

    /**
     * Evaluate V at the current state (adding metric sums) and, if {@code update}, move every particle once and
     * commit; with {@code thenPartials}, also return the round-0 partials of the new state.
     */
    record Apply(long seq, long step, Summaries summaries, boolean update, boolean thenPartials) implements Order {}

    /** Multiply each population's masses by {@code factors[population]}, then return round-0 partials. */
    record Normalize(long seq, long step, double[] factors) implements Order {}

    /** Undo the last committed update (after another block diverged in it). */
    record Rollback(long seq, long step) implements Order {}

    /** Copy out the current positions and masses of every block. */
    record Collect(long seq, long step) implements Order {}
}
