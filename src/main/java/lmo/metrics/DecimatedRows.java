package lmo.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * The logged metric rows of a run for the status page, thinned so that a long run stays light: at most
 * {@code capacity + 1} rows are kept, evenly spaced over the run, always with the first and the latest row. When the
 * kept rows exceed the capacity every other one is dropped and from then on only every {@code 2^j}-th row is kept.
 * Threading: not thread-safe; {@link StatusBoard} guards it with its lock.
 */
final class DecimatedRows {
    private record Row(long index, double[] values) {}

    private final int capacity;
    private final List<Row> kept = new ArrayList<>();
    private Row latest;
    private long count;
    private long stride = 1;

    /** @param capacity rows kept besides the latest, at least 2 */
    DecimatedRows(int capacity) {
        if (capacity < 2) throw new IllegalArgumentException("capacity must be >= 2, got " + capacity);
        this.capacity = capacity;
    }

    /** Adds a row (not copied: the caller hands it over); {@code row[0]} is its step. */
    void add(double[] row) {
        Row r = new Row(count++, row);
        latest = r;
        if (r.index % stride != 0) return;
        kept.add(r);
        if (kept.size() > capacity) {
            stride *= 2;
            kept.removeIf(k -> k.index % stride != 0);
        }
    }

    /** Drops the rows of step {@code step} and later (a rewind: they will be logged again). */
    void dropFrom(long step) {
        kept.removeIf(k -> k.values[0] >= step);
        if (latest != null && latest.values[0] >= step) latest = kept.isEmpty() ? null : kept.get(kept.size() - 1);
        count = latest == null ? 0 : latest.index + 1;
    }

    /** The kept rows in step order, the latest row last (the arrays are shared: do not modify them). */
    List<double[]> rows() {
        List<double[]> out = new ArrayList<>(kept.size() + 1);
        for (Row r : kept) out.add(r.values);
        if (latest != null && (kept.isEmpty() || kept.get(kept.size() - 1) != latest)) out.add(latest.values);
        return out;
    }

    /** Rows added so far (after a rewind: up to the rewind point). */
    long count() { return count; }
}
