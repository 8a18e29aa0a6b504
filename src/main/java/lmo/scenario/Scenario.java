package lmo.scenario;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A loaded, validated scenario with every default resolved. Built by {@link ScenarioLoader#load}.
 *
 * @param name the run's name (default: the scenario file name without extension)
 * @param description free text (default empty)
 * @param seed the seed of every random draw (initial positions, noise, generated targets)
 * @param steps number of updates
 * @param populations the populations by name, in name order
 * @param model the functional
 * @param dynamics the update rule
 * @param engine sharding and blocks
 * @param output logging and snapshots
 * @param checkpoint periodic checkpoints for {@code bin/lmo resume}
 * @param locations where each key was written, for errors found when the model is built, and what it resolved to,
 *     which {@link #toYaml()} writes; not part of the value (any two {@link Locations} are equal)
 */
public record Scenario(String name, String description, long seed, int steps,
        SortedMap<String, PopulationSpec> populations, ModelSpec model, DynamicsSpec dynamics,
        EngineSpec engine, OutputSpec output, CheckpointSpec checkpoint, Locations locations) {

    public Scenario {
        populations = Collections.unmodifiableSortedMap(new TreeMap<>(populations));
    }

    /** A scenario with no document behind it: errors about it name key paths without a position. */
    public Scenario(String name, String description, long seed, int steps,
            SortedMap<String, PopulationSpec> populations, ModelSpec model, DynamicsSpec dynamics,
            EngineSpec engine, OutputSpec output, CheckpointSpec checkpoint) {
        this(name, description, seed, steps, populations, model, dynamics, engine, output, checkpoint, Locations.NONE);
    }

    /** A scenario without periodic checkpoints. */
    public Scenario(String name, String description, long seed, int steps,
            SortedMap<String, PopulationSpec> populations, ModelSpec model, DynamicsSpec dynamics,
            EngineSpec engine, OutputSpec output) {
        this(name, description, seed, steps, populations, model, dynamics, engine, output, new CheckpointSpec(0));
    }

    /** The resolved scenario (every key, defaults filled in) as YAML; loading it again gives an equal Scenario. */
    public String toYaml() {
        return ScenarioWriter.write(this);
    }
}
