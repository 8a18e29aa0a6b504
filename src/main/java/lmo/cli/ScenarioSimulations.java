package lmo.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lmo.engine.Simulation;
import lmo.engine.SimulationFactory;
import lmo.scenario.Assembler;
import lmo.scenario.ScenarioLoader;

/**
 * Builds a simulation from a resolved scenario text as {@code run} would from the same file, with no overrides
 * (the text has them applied) and the process-wide {@code --jar} jars: the factory the command line gives the actors
 * of a cluster member, which know no scenario format.
 */
final class ScenarioSimulations implements SimulationFactory {

    @Override
    public Simulation build(String scenarioYaml) throws Exception {
        Path tmp = Files.createTempFile("lmo-scenario-", ".yaml");
        try {
            Files.writeString(tmp, scenarioYaml, StandardCharsets.UTF_8);
            return Assembler.build(ScenarioLoader.load(tmp, List.of()));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
