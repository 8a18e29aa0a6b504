package lmo.actor;

import java.util.Arrays;

/**
 * Which shards owe the scheduler an answer, and since when each last showed a sign of life; plain logic, no
 * actors, times in {@code System.nanoTime()} nanoseconds passed in by the caller.
 *
 * <p>Conventions: a round ({@link #expect}: an order sent to every shard; {@link #placing}: every shard being placed)
 * makes every shard owe an answer and counts as a sign of life. {@link #answered} clears the debt of one shard (its
 * report, or its "hosted"). A heartbeat ({@link #beat}) counts as a sign of life of a shard if the shard is busy
 * (building itself or computing) or its progress counter moved since the last heartbeat; a heartbeat that shows an
 * idle shard with the same counter does not (the shard has nothing to do, so the order or its report was lost). A
 * shard that owes an answer and showed no sign of life for longer than the limit is {@link #silentShard silent}.
 * A shard computing forever is not silent: its member is working, and a computation has no deadline.
 */
final class SilenceWatch {
    private final long limitNanos;
    private boolean[] owing = new boolean[0];
    private long[] lastSign = new long[0];
    private long[] lastProgress = new long[0];

    /** @param limitNanos how long a shard that owes an answer may show no sign of life */
    SilenceWatch(long limitNanos) {
        if (limitNanos <= 0) throw new IllegalArgumentException("the silence limit must be positive");
        this.limitNanos = limitNanos;
    }

    /** A new placement of {@code shards} shards: every shard owes its "hosted"; progress counters start afresh. */
    void placing(int shards, long now) {
        owing = new boolean[shards];
        lastSign = new long[shards];
        lastProgress = new long[shards];
        Arrays.fill(lastProgress, -1);
        expect(now);
    }

    /** An order went to every shard: every shard owes its report. */
    void expect(long now) {
        Arrays.fill(owing, true);
        Arrays.fill(lastSign, now);
    }

    /** An order went to shard {@code shard} (asynchronous steps): it owes its report. */
    void expect(int shard, long now) {
        if (shard < 0 || shard >= owing.length) return;
        owing[shard] = true;
        lastSign[shard] = now;
    }

    /** Shard {@code shard} answered the current round. */
    void answered(int shard) {
        if (shard >= 0 && shard < owing.length) owing[shard] = false;
    }

    /** Nothing is owed (no round under way). */
    void clear() {
        Arrays.fill(owing, false);
    }

    /** A heartbeat of shard {@code shard}: its progress counter and whether it is busy. */
    void beat(int shard, long progress, boolean busy, long now) {
        if (shard < 0 || shard >= owing.length) return;
        if (busy || progress != lastProgress[shard]) lastSign[shard] = now;
        lastProgress[shard] = progress;
    }

    /** The shard that owes an answer and has been silent the longest beyond the limit, or -1. */
    int silentShard(long now) {
        int worst = -1;
        for (int s = 0; s < owing.length; s++) {
            if (owing[s] && now - lastSign[s] > limitNanos && (worst < 0 || lastSign[s] < lastSign[worst])) worst = s;
        }
        return worst;
    }

    /** Seconds since shard {@code shard} last showed a sign of life. */
    double silentSeconds(int shard, long now) {
        return (now - lastSign[shard]) * 1e-9;
    }
}
