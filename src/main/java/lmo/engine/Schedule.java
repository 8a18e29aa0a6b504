package lmo.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The sources of every asynchronous step: for block b's step from state k, the state {@code t_j} of every block j
 * whose partial went into its summary. In {@code delayed} mode the schedule is fixed ({@code t_j = max(0, k - s)})
 * and only counted; in {@code bounded} mode it is kept, as a replay needs it. The staleness of a source is
 * {@code k - t_j}: at most s, and negative when block j was ahead of b.
 */
public final class Schedule {
    private final List<List<long[]>> sources = new ArrayList<>();
    private long count;
    private long stalenessSum;
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;

    Schedule(int blocks) {
        for (int b = 0; b < blocks; b++) sources.add(new ArrayList<>());
    }

    /**
     * Block b's step from state k read block j's partial of state {@code from[j]} (bounded), or every block's of
     * state {@code all} (delayed: {@code from} is null).
     */
    void record(int b, long k, long[] from, long all) {
        int n = sources.size();
        for (int j = 0; j < n; j++) {
            long st = k - (from == null ? all : from[j]);
            stalenessSum += st;
            min = Math.min(min, st);
            max = Math.max(max, st);
        }
        count += n;
        if (from != null) {
            List<long[]> mine = sources.get(b);
            if (mine.size() != k) throw new IllegalStateException("block " + b + " records step " + k + " after " + mine.size());
            mine.add(from.clone());
        }
    }

    /** The sources of block b's step from state k (bounded runs), a copy. */
    public long[] sources(int b, long k) { return sources.get(b).get((int) k).clone(); }

    /** Steps recorded for block b (bounded runs). */
    public int steps(int b) { return sources.get(b).size(); }

    public int blocks() { return sources.size(); }

    /** The smallest staleness used so far (Long.MAX_VALUE before any step). */
    public long minStaleness() { return min; }

    /** The largest staleness used so far (Long.MIN_VALUE before any step). */
    public long maxStaleness() { return max; }

    /** The mean staleness over all sources of all steps so far (NaN before any). */
    public double meanStaleness() { return count == 0 ? Double.NaN : (double) stalenessSum / count; }
}
