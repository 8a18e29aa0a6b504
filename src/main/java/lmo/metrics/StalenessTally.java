package lmo.metrics;

import java.util.Arrays;

/**
 * The staleness an asynchronous run used, counted per integer value: one observation per (block step, source block),
 * the staleness {@code k - sources[j]} of block j's partial in the summary of a step from state k (see
 * {@link lmo.engine.RunObserver#onSources}). Values {@code <= -1} (block j was ahead) share one count, values
 * {@code 0 .. bound} have one count each, and a value above the bound (none is expected: the engine keeps every
 * staleness {@code <= s}) has one more, so nothing is dropped.
 *
 * <p>Cost and threading: {@link #observe} is called on the scheduler's thread; it counts the event's values in a
 * scratch array of its own (O(blocks), no allocation), then adds the few counts that moved, the sum and the maximum
 * to the shared counts under this tally's lock (O(bound)). {@link #counts} copies the shared counts under the same
 * lock (O(bound)), so a reader always sees whole events: the count is the sum of the buckets and the sum matches
 * them.
 */
final class StalenessTally {
    private final int bound;
    /** {@code [<= -1, 0, 1, .., bound, > bound]}, guarded by {@code this}. */
    private final long[] counts;
    private long sum;
    private long max = Long.MIN_VALUE;
    /** The scheduler thread's scratch: the counts of the event being observed. */
    private final long[] scratch;

    /** @param bound the run's staleness s >= 0 */
    StalenessTally(int bound) {
        if (bound < 0) throw new IllegalArgumentException("bound must be >= 0, got " + bound);
        this.bound = bound;
        this.counts = new long[bound + 3];
        this.scratch = new long[bound + 3];
    }

    int bound() { return bound; }

    /** The staleness of every source of block {@code block}'s step from state {@code step}. */
    void observe(long step, long[] sources) {
        if (sources.length == 0) return;
        long eventSum = 0;
        long eventMax = Long.MIN_VALUE;
        int lo = scratch.length;
        int hi = -1;
        for (long source : sources) {
            long d = step - source;
            eventSum += d;
            if (d > eventMax) eventMax = d;
            int i = index(d);
            scratch[i]++;
            if (i < lo) lo = i;
            if (i > hi) hi = i;
        }
        synchronized (this) {
            for (int i = lo; i <= hi; i++) counts[i] += scratch[i];
            sum += eventSum;
            if (eventMax > max) max = eventMax;
        }
        Arrays.fill(scratch, lo, hi + 1, 0);
    }

    private int index(long d) {
        if (d < 0) return 0;
        if (d > bound) return bound + 2;
        return (int) d + 1;
    }

    /** A consistent copy of the counts. */
    synchronized Counts counts() {
        return new Counts(bound, counts.clone(), sum, max);
    }

    /**
     * The staleness counted so far.
     *
     * @param bound the run's staleness s
     * @param perValue {@code [<= -1, 0, 1, .., bound, > bound]}, not cumulative
     * @param sum the sum of the values
     * @param max the largest value, {@code Long.MIN_VALUE} before the first
     */
    record Counts(int bound, long[] perValue, long sum, long max) {
        /** Observations in all. */
        long count() {
            long n = 0;
            for (long c : perValue) n += c;
            return n;
        }

        /** The mean value, NaN before the first. */
        double mean() {
            long n = count();
            return n == 0 ? Double.NaN : (double) sum / n;
        }
    }
}
