package lmo.scenario;

/**
 * How the run is split ({@code engine}).
 *
 * @param shards number of shard actors, >= 1 (default: the available processors)
 * @param blockSize particles per block, >= 1; 0 means {@code auto}: chosen by the model from the population size
 * @param sync {@code bsp}: every shard uses the summary of the current step (the only mode supported)
 */
public record EngineSpec(int shards, int blockSize, String sync) {
    public boolean autoBlockSize() { return blockSize == 0; }
}
