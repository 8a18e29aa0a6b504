package lmo.scenario;

import lmo.engine.Sync;

/**
 * How the run is split and its steps synchronised ({@code engine}).
 *
 * @param shards number of shard actors, >= 1 (default: the available processors)
 * @param blockSize particles per block, >= 1; 0 means {@code auto}: chosen by the model from the population size
 * @param sync {@code engine.sync}, {@code engine.staleness} and {@code engine.straggler} ({@link Sync#BSP} by
 *     default: every shard uses the summary of the current step)
 */
public record EngineSpec(int shards, int blockSize, Sync sync) {
    public EngineSpec {
        java.util.Objects.requireNonNull(sync, "sync");
    }

    /** Bulk-synchronous steps, no straggler. */
    public EngineSpec(int shards, int blockSize) {
        this(shards, blockSize, Sync.BSP);
    }

    public boolean autoBlockSize() { return blockSize == 0; }
}
