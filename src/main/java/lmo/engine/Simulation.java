package lmo.engine;

import java.util.List;
import lmo.dynamics.Dynamics;
import lmo.model.Model;

/**
 * Everything the engine runs, independent of the scenario format: the populations (in name order) with their
 * initial states, the model, the dynamics, and the engine and output settings.
 *
 * @param steps number of updates; the run logs states 0 .. steps
 * @param blockSize particles per block (the unit of placement and of reduction order)
 * @param shards requested shard count (clamped to the number of blocks)
 * @param every metrics are logged at steps divisible by it, and at the last step
 * @param snapshotEvery positions are written at steps divisible by it (0: final state only)
 */
public record Simulation(String name, long seed, int steps, List<Population> populations, Model model,
                         Dynamics dynamics, int blockSize, int shards, int every, int snapshotEvery) {
    public Simulation {
        populations = List.copyOf(populations);
        if (blockSize < 1) throw new IllegalArgumentException("blockSize must be >= 1");
        if (shards < 1) throw new IllegalArgumentException("shards must be >= 1");
        if (every < 1) throw new IllegalArgumentException("every must be >= 1");
        for (int p = 0; p < populations.size(); p++) {
            if (populations.get(p).index() != p) throw new IllegalArgumentException("population indices out of order");
        }
    }

    /** The particle count of every population, by index. */
    public int[] counts() {
        return populations.stream().mapToInt(Population::count).toArray();
    }

    /** A copy with another shard count. */
    public Simulation withShards(int n) {
        return new Simulation(name, seed, steps, populations, model, dynamics, blockSize, n, every, snapshotEvery);
    }
}
