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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lmo run SCENARIO}: validates the scenario (nothing is written if it is invalid), creates the run
 * directory, runs on actor shards, and prints where the results are.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a scenario file and write a run directory.")
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

    @Override
    public Integer call() throws IOException {
        List<String> all = new ArrayList<>(overrides);
        if (shards != null) {
            if (shards < 1) return bad("--shards: must be >= 1, got " + shards);
            all.add("engine.shards=" + shards);
        }
        if (seed != null) all.add("seed=" + seed);
        if (!engine.equals("actors") && !engine.equals("local")) return bad("--engine: expected actors or local, got " + engine);
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
        RunDirectory run = RunDirectory.create(dir, Assembler.resolved(scenario, sim).toYaml(), scenario.description());
        List<RunObserver> observers = new ArrayList<>(List.of(run));
        if (!quiet) {
            boolean tty = Progress.isTerminal();
            observers.add(new Progress(tty ? System.out : System.err, tty));
        }
        RunObserver obs = new Observers(observers);
        RunOutcome o = engine.equals("local") ? LocalEngine.run(sim, obs) : ActorEngine.run(sim, obs);
        if (o.status() == RunOutcome.Status.DIVERGED) {
            System.err.println("lmo: diverged at " + o.message());
            System.err.println("lmo: the last good state (step " + o.step() + ") is kept in " + dir);
            System.out.println("results: " + dir);
            return Main.DIVERGED;
        }
        System.out.println(String.format(Locale.ROOT, "%s: %d steps in %.2f s (%.1f steps/s, %d shards)%s",
                scenario.name(), sim.steps(), o.timing().wallSeconds(), o.timing().stepsPerSecond(), o.shards(),
                finalMetrics(o)));
        System.out.println("results: " + dir);
        return Main.OK;
    }

    private static String finalMetrics(RunOutcome o) {
        StringBuilder b = new StringBuilder();
        o.finalMetrics().forEach((k, v) -> {
            if (!k.startsWith("mass_")) b.append(String.format(Locale.ROOT, "; %s %.6g", k, v));
        });
        return b.toString();
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
