package lmo.engine;

/**
 * How the shards' steps are synchronised ({@code engine.sync}, {@code engine.staleness}, {@code engine.straggler}).
 *
 * <ul>
 *   <li>{@code bsp}: step k evaluates the first variation with the summary of state k; every step waits for every
 *       shard.</li>
 *   <li>{@code delayed} with staleness s: step k uses the combined summary of state {@code max(0, k - s)}, at each
 *       particle's own current position. The schedule is fixed, so the result does not depend on shards, JVMs or
 *       timing; shards run up to s steps apart.</li>
 *   <li>{@code bounded} with staleness s (stale synchronous parallel): a shard that finishes a step gets the next one
 *       at once, with the summary combined from the freshest partial of every block, provided each is at most s
 *       states behind; the sources used are recorded, so the run can be replayed.</li>
 * </ul>
 * Staleness 0 is {@code bsp} in every mode (the same loop runs).
 *
 * @param staleness s >= 0 (0 for {@code bsp})
 * @param straggler the benchmark knob that slows shards down ({@link Straggler#NONE}: none)
 */
public record Sync(Mode mode, int staleness, Straggler straggler) {

    /** The value of {@code engine.sync}. */
    public enum Mode {
        BSP, DELAYED, BOUNDED;

        /** The scenario spelling: {@code bsp}, {@code delayed}, {@code bounded}. */
        public String key() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /** Bulk-synchronous steps, no straggler. */
    public static final Sync BSP = new Sync(Mode.BSP, 0, Straggler.NONE);

    public Sync {
        java.util.Objects.requireNonNull(mode, "mode");
        java.util.Objects.requireNonNull(straggler, "straggler");
        if (staleness < 0) throw new IllegalArgumentException("staleness must be >= 0, got " + staleness);
        if (mode == Mode.BSP && staleness != 0) throw new IllegalArgumentException("bsp has staleness 0");
    }

    /** True when steps may use stale summaries (a non-bsp mode with staleness >= 1). */
    public boolean asynchronous() { return mode != Mode.BSP && staleness > 0; }

    /**
     * Slow shards for benchmarks: with {@code shard < 0} each (shard, step) is slow with probability
     * {@code probability}, drawn from the counter-based generator; with {@code shard >= 0} that shard is slow on
     * every step. A slow shard waits {@code (factor - 1)} times its compute time before it reports (on a timer, so the
     * cores stay free). Results are unchanged in {@code bsp} and {@code delayed}.
     */
    public record Straggler(double probability, double factor, int shard) {
        public static final Straggler NONE = new Straggler(0, 1, -1);

        public Straggler {
            if (!(probability >= 0 && probability <= 1)) throw new IllegalArgumentException("probability must be in [0, 1]");
            if (!(factor >= 1) || !Double.isFinite(factor)) throw new IllegalArgumentException("factor must be >= 1");
        }

        public boolean active() { return factor > 1 && (shard >= 0 || probability > 0); }
    }
}
