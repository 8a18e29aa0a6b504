package lmo.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import lmo.engine.ActorEngine;
import lmo.engine.LocalEngine;
import lmo.engine.RunObserver;
import lmo.engine.RunOutcome;
import lmo.engine.Simulation;
import lmo.io.RunDirectory;
import lmo.scenario.Assembler;
import lmo.scenario.Scenario;
import lmo.scenario.ScenarioException;
import lmo.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lmo run SCENARIO}: validates the scenario (nothing is written if it is invalid), creates the run
 * directory, runs on actor shards, and prints where the results are.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a scenario file and write a run directory.",
        footer = {"", "Exit codes: 0 done; 2 bad input; 3 diverged (last good state kept); 4 cluster lost (resumable); 1 bug."})
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario file (.yaml or .json)")
    Path file;

    @Option(names = "--set", paramLabel = "KEY.PATH=VALUE", description = "override a key (repeatable); VALUE is YAML")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--shards", paramLabel = "N", description = "shard actors (engine.shards; default: cores)")
    Integer shards;

    @Option(names = "--seed", paramLabel = "S", description = "random seed (seed)")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "run directory (default: runs/<name>-<time>); must not exist or be empty")
    Path out;

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

    @Override
    public Integer call() throws IOException {
        List<String> all = new ArrayList<>(overrides);
        if (shards != null) {
            if (shards < 1) return bad("--shards: must be >= 1, got " + shards);
            all.add("engine.shards=" + shards);
        }
        if (seed != null) all.add("seed=" + seed);
        if (Runs.checkEngine(engine) != null) return bad(Runs.checkEngine(engine));
        if (cluster.problem() != null) return bad(cluster.problem());
        String jarProblem = jars.apply();
        if (jarProblem != null) return bad(jarProblem);
        if (metrics.problem() != null) return bad(metrics.problem());
        Scenario scenario;
        Simulation sim;
        try {
            scenario = ScenarioLoader.load(file, all);
            sim = Assembler.build(scenario);
        } catch (ScenarioException e) {
            return bad(e.getMessage());
        }
        Path dir = out != null ? out : defaultDir(scenario.name());
        if (Files.exists(dir) && !(Files.isDirectory(dir) && isEmpty(dir))) {
            return bad("--out " + dir + ": exists and is not an empty directory");
        }
        String resolved = Assembler.resolved(scenario, sim).toYaml();
        Monitor monitor;
        try {
            monitor = Monitor.start(metrics, scenario);
        } catch (IOException e) {
            return bad("metrics port: cannot listen on 127.0.0.1: " + e.getMessage());
        }
        try (monitor) {
            RunDirectory run = RunDirectory.create(dir, resolved, scenario.description());
            RunOutcome o = Runs.execute(sim, Runs.observers(run, quiet, monitor), engine, cluster, resolved);
            Runs.plot(dir, noPlots);
            return Runs.report(sim, o, dir);
        }
    }

    private static int bad(String message) {
        System.err.println(message);
        return Main.BAD_INPUT;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static Path defaultDir(String name) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path p = Path.of("runs", name + "-" + stamp);
        for (int i = 2; Files.exists(p); i++) p = Path.of("runs", name + "-" + stamp + "-" + i);
        return p;
    }
}
