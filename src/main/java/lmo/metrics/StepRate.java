package lmo.metrics;

import java.util.ArrayDeque;

/**
 * Steps per second of a run over a sliding window of the last {@code window} seconds, for the status page's rate and
 * ETA. Threading: not thread-safe; {@link StatusBoard} guards it with its lock.
 */
final class StepRate {
    private static final long SPACING_NANOS = 250_000_000L;

    private final long windowNanos;
    private final ArrayDeque<long[]> samples = new ArrayDeque<>(); // {nanos, step}, at least SPACING_NANOS apart
    private long latestNanos;
    private long latestStep;

    StepRate(double windowSeconds) {
        this.windowNanos = (long) (windowSeconds * 1e9);
    }

    /** The run reached {@code step} at {@code nanos} (a monotonic clock). */
    void add(long nanos, long step) {
        latestNanos = nanos;
        latestStep = step;
        if (samples.isEmpty() || nanos - samples.peekLast()[0] >= SPACING_NANOS) samples.addLast(new long[] {nanos, step});
        while (samples.size() > 1) { // keep the newest sample at least a window old, and those after it
            long[] oldest = samples.pollFirst();
            if (nanos - samples.peekFirst()[0] < windowNanos) {
                samples.addFirst(oldest);
                break;
            }
        }
    }

    /** Forgets the samples (the run went back to a checkpoint). */
    void reset() { samples.clear(); }

    /**
     * Steps per second from the oldest sample in the window (at least a window old when the run is that old) to
     * {@code nowNanos}, or to the latest step if that is later: a run that stalls sees its rate fall. NaN until
     * time has passed.
     */
    double perSecond(long nowNanos) {
        if (samples.isEmpty()) return Double.NaN;
        long[] first = samples.peekFirst();
        long dt = Math.max(nowNanos, latestNanos) - first[0];
        return dt > 0 ? (latestStep - first[1]) * 1e9 / dt : Double.NaN;
    }
}
