package lmo.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import lmo.engine.RunOutcome;
import lmo.engine.Simulation;
import lmo.run.RunDirectory;
import lmo.io.RunLock;
import lmo.scenario.Assembler;
import lmo.scenario.Scenario;
import lmo.scenario.ScenarioException;
import lmo.scenario.ScenarioLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lmo run SCENARIO}: validates the scenario (nothing is written if it is invalid), creates the run
 * directory, runs on actor shards, and prints where the results are.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a scenario file and write a run directory.",
        footer = {"", "Exit codes: 0 done; 2 bad input; 3 diverged (last good state kept); 4 cluster lost (resumable);",
            "1 a bug or a fatal error such as out of memory (summary.json: status failed); 143 SIGTERM, 130 Ctrl-C."})
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

    @Mixin
    RunOptions options = new RunOptions();

    @Override
    public Integer call() throws IOException {
        List<String> all = new ArrayList<>(overrides);
        if (shards != null) {
            if (shards < 1) return bad("--shards: must be >= 1, got " + shards);
            all.add("engine.shards=" + shards);
        }
        if (seed != null) all.add("seed=" + seed);
        String problem = options.problem();
        if (problem != null) return bad(problem);
        Scenario scenario = null;
        Simulation sim;
        try {
            scenario = ScenarioLoader.load(file, all);
            String memory = MemoryCheck.problem(scenario, options.cluster.cluster);
            if (memory != null) return bad(memory);
            sim = Assembler.build(scenario);
        } catch (ScenarioException e) {
            return bad(e.getMessage());
        } catch (OutOfMemoryError e) {
            return MemoryCheck.outOfMemory(scenario);
        }
        String memory = MemoryCheck.problem(sim, options.cluster.cluster);
        if (memory != null) return bad(memory);
        Runs.warn(scenario, sim);
        String resolved = Assembler.resolved(scenario, sim).toYaml();
        Monitor monitor;
        try {
            monitor = Monitor.start(options.metrics, scenario);
        } catch (IOException e) {
            return bad("metrics port: cannot listen on 127.0.0.1: " + e.getMessage());
        }
        try (monitor; RunLock lock = claim(scenario.name(), "run " + file)) {
            Path dir = lock.dir();
            RunDirectory run = RunDirectory.create(dir, resolved, scenario.description());
            RunOutcome o = Runs.execute(sim, Runs.observers(run, options.quiet, monitor), options.engine, options.cluster,
                    resolved);
            Runs.plot(dir, o, options.noPlots);
            return Runs.report(sim, o, dir);
        } catch (RunLock.Refused e) {
            return bad(e.getMessage());
        }
    }

    /**
     * The run directory, claimed: {@code --out} if given, else {@code runs/<name>-<yyyyMMdd-HHmmss>} (with a suffix
     * {@code -2}, {@code -3} ... when runs of one name start in the same second).
     */
    private RunLock claim(String name, String command) throws RunLock.Refused {
        if (out != null) return RunLock.claimNew(out, "--out " + out, command);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        for (int i = 1; ; i++) {
            Path p = Path.of("runs", name + "-" + stamp + (i == 1 ? "" : "-" + i));
            try {
                return RunLock.claimNew(p, "run directory " + p, command);
            } catch (RunLock.Refused e) {
                if (!Files.isDirectory(p) || i >= 100) throw e; // taken by a run of the same second: try the next
            }
        }
    }

    /**
     * Runs {@code lmo run ARGS} in this JVM (its own actor system), as {@code sweep} and {@code bench} do; returns the
     * exit code. A bug or a fatal error of the JVM is thrown, not turned into a code.
     */
    static int inProcess(List<String> args) throws IOException {
        RunCommand run = new RunCommand();
        new CommandLine(run).parseArgs(args.toArray(String[]::new));
        return run.call();
    }

    private static int bad(String message) {
        System.err.println(message);
        return Main.BAD_INPUT;
    }
}
