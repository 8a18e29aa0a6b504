package lmo.scenario;

import java.nio.file.Path;
import java.util.List;

/** Reads, overrides, validates and resolves scenario files. */
public final class ScenarioLoader {
    private ScenarioLoader() {}

    /**
     * Reads FILE (YAML; a .json file is read as JSON), applies overrides "key.path=value" in order, fills defaults,
     * validates everything, checks input files exist and have the right shape.
     *
     * @throws ScenarioException with a one-line message naming the file, line, column and key path (or the override)
     *     of the first problem
     */
    public static Scenario load(Path file, List<String> overrides) throws ScenarioException {
        return load(file, overrides, lmo.model.game.UserPayoffs.jars());
    }

    /** As {@link #load(Path, List)}, loading user payoff classes from {@code jars} (default: the process-wide jars). */
    public static Scenario load(Path file, List<String> overrides, List<Path> jars) throws ScenarioException {
        Node.MapNode root = TreeReader.readFile(file);
        Overrides.apply(root, overrides);
        return new ScenarioBinder(file, Runtime.getRuntime().availableProcessors(), jars).bind(root);
    }
}
