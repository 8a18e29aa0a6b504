package lmo.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options {@code run} and {@code resume} share: how the run executes ({@code --engine}, the cluster options,
 * {@code --jar}), what it shows while it goes ({@code --quiet}, {@code --metrics-port}) and whether it plots at the
 * end ({@code --no-plots}). {@code --shards} stays with each command: its default differs (cores, or as in the run's
 * scenario.yaml).
 */
final class RunOptions {

    @Option(names = "--engine", paramLabel = "actors|local", defaultValue = "actors",
            description = "actors (default) or local: the single-threaded reference loop")
    String engine;

    @Option(names = {"-q", "--quiet"}, description = "no progress line")
    boolean quiet;

    @Option(names = "--no-plots", description = "do not write RUN_DIR/plots/ at the end (bin/lmo plot does it later)")
    boolean noPlots;

    @Mixin
    ClusterOptions cluster = new ClusterOptions();

    @Mixin
    JarOptions jars = new JarOptions();

    @Mixin
    Monitor.Options metrics = new Monitor.Options();

    /**
     * Why the options cannot be used, or null; checks the engine, the cluster options and the metrics port, and makes
     * the jars the process-wide ones ({@link JarOptions#apply}), in that order.
     */
    String problem() {
        String engineProblem = Runs.checkEngine(engine);
        if (engineProblem != null) return engineProblem;
        if (cluster.problem() != null) return cluster.problem();
        String jarProblem = jars.apply();
        if (jarProblem != null) return jarProblem;
        return metrics.problem();
    }
}
