package lmo.engine;

/**
 * When the scheduler takes the next live sample ({@link RunObserver#onLiveSample}): the first time it is asked, then
 * whenever at least {@link #PERIOD_NANOS} of wall time have passed since the last sample. Wall time changes which
 * states are sampled, never the state.
 */
final class LiveClock {
    /** Two seconds. */
    static final long PERIOD_NANOS = 2_000_000_000L;
    private boolean started;
    private long last;

    /** True (and the clock restarts) when a sample is due now. */
    boolean due() {
        long now = System.nanoTime();
        if (started && now - last < PERIOD_NANOS) return false;
        started = true;
        last = now;
        return true;
    }
}
