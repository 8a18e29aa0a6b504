package lmo.engine;

/**
 * Builds the simulation of a resolved scenario text: the same text gives the same simulation (model, dynamics,
 * populations, bit for bit) on every member of a cluster. A worker's shard host calls it to rebuild the model of the
 * shards placed on it; the layer that knows the scenario format (the command line) implements it, so the actors never
 * read a scenario themselves.
 */
@FunctionalInterface
public interface SimulationFactory {

    /**
     * The simulation of {@code scenarioYaml}, a resolved scenario (overrides applied, defaults filled in) that names
     * its input files by absolute path; user classes come from the jars this JVM was started with.
     *
     * @throws Exception a message for the scheduler when the text cannot be built on this member (an input file
     *     missing here, a class not on this member's jars)
     */
    Simulation build(String scenarioYaml) throws Exception;
}
