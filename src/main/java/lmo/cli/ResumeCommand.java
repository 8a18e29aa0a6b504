package lmo.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import lmo.engine.RunOutcome;
import lmo.engine.Simulation;
import lmo.run.CheckpointFile;
import lmo.run.RunDirectory;
import lmo.io.RunLayout;
import lmo.io.RunLock;
import lmo.scenario.Assembler;
import lmo.scenario.Scenario;
import lmo.scenario.ScenarioException;
import lmo.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lmo resume RUN_DIR}: continues an interrupted run from {@code RUN_DIR/checkpoint.lmo} to its last step, in
 * the same directory. The scenario is {@code RUN_DIR/scenario.yaml}; the checkpoint must carry its fingerprint.
 * The result (stateSha256, metrics rows) is that of the uninterrupted run, whatever the shard counts.
 */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continue a run directory from its checkpoint (checkpoint.every) to the last step.")
final class ResumeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "run directory written by lmo run")
    Path dir;

    @Option(names = "--shards", paramLabel = "N",
            description = "shard actors (default: as in scenario.yaml); does not change the result")
    Integer shards;

    @Mixin
    RunOptions options = new RunOptions();

    @Override
    public Integer call() throws IOException {
        if (shards != null && shards < 1) return bad("--shards: must be >= 1, got " + shards);
        String problem = options.problem();
        if (problem != null) return bad(problem);
        if (!Files.isDirectory(dir)) return bad(dir + ": no such run directory");
        Path yaml = dir.resolve(RunLayout.SCENARIO);
        String notARun = dir + ": no scenario.yaml, not a run directory";
        // a directory some lmo process has claimed is locked first: its scenario.yaml may be on its way
        if (!Files.exists(dir.resolve(RunLayout.LOCK)) && !Files.isRegularFile(yaml)) return bad(notARun);
        try (RunLock lock = RunLock.claimExisting(dir, dir.toString(), "resume " + dir)) {
            if (!Files.isRegularFile(yaml)) return bad(notARun);
            Path file = dir.resolve(RunLayout.CHECKPOINT);
            if (Files.isDirectory(file)) return bad(file + ": is a directory, not a checkpoint file written by lmo");
            if (!Files.isRegularFile(file)) return bad("no checkpoint in " + dir + ": set checkpoint.every in the scenario");
            return resume(yaml, file);
        } catch (RunLock.Refused e) {
            return bad(e.getMessage());
        }
    }

    /** Resumes the run while this process holds the directory. */
    private int resume(Path yaml, Path file) throws IOException {
        Scenario scenario = null;
        Simulation sim;
        try {
            scenario = ScenarioLoader.load(yaml, shards == null ? List.of() : List.of("engine.shards=" + shards));
            String memory = MemoryCheck.problem(scenario, options.cluster.cluster);
            if (memory != null) return bad(memory);
            sim = Assembler.build(scenario);
        } catch (ScenarioException e) {
            return bad(e.getMessage());
        } catch (OutOfMemoryError e) {
            return MemoryCheck.outOfMemory(scenario);
        }
        CheckpointFile.Contents c;
        try {
            c = CheckpointFile.read(file);
        } catch (IOException e) {
            return bad("corrupt checkpoint: " + e.getMessage());
        }
        if (!Arrays.equals(c.fingerprint(), CheckpointFile.fingerprint(Files.readString(yaml)))) {
            return bad(file + ": written by another scenario: " + yaml + " changed since (fingerprint "
                    + c.fingerprintHex() + ")");
        }
        List<String> names = new ArrayList<>();
        sim.populations().forEach(p -> names.add(p.name()));
        try {
            if (!c.names().equals(names)) throw new IllegalArgumentException("populations " + c.names() + ", expected " + names);
            sim = sim.resumeFrom(c.checkpoint());
        } catch (IllegalArgumentException e) {
            return bad(file + ": does not fit " + yaml + ": " + e.getMessage());
        }
        String memory = MemoryCheck.problem(sim, options.cluster.cluster);
        if (memory != null) return bad(memory);
        String schedule = scheduleProblem(dir, sim.sync(), sim.startStep(), c.fingerprint());
        if (schedule != null) return bad(schedule);
        Monitor monitor;
        try {
            monitor = Monitor.start(options.metrics, scenario);
        } catch (IOException e) {
            return bad("metrics port: cannot listen on 127.0.0.1: " + e.getMessage());
        }
        try (monitor) {
            RunDirectory run = RunDirectory.reopen(dir, sim.startStep(), scenario.description());
            RunOutcome o = Runs.execute(sim, Runs.observers(run, options.quiet, monitor), options.engine, options.cluster,
                    Files.readString(yaml));
            Runs.plot(dir, o, options.noPlots);
            return Runs.report(sim, o, dir);
        }
    }

    /**
     * Why a bounded run cannot resume with its schedule.lmo (missing, corrupt, of another scenario, or without every
     * step before the checkpoint's state), or null; a replay of the resumed run follows that schedule, then the new one.
     */
    static String scheduleProblem(Path dir, lmo.engine.Sync sync, long step, byte[] fingerprint) {
        if (!sync.asynchronous() || sync.mode() != lmo.engine.Sync.Mode.BOUNDED) return null;
        Path file = dir.resolve(RunLayout.SCHEDULE);
        if (!Files.exists(file)) {
            return file + ": missing: a bounded run resumes with the schedule of the steps before its checkpoint";
        }
        try {
            lmo.run.ScheduleFile s = lmo.run.ScheduleFile.read(file);
            if (!Arrays.equals(s.fingerprint(), fingerprint)) return file + ": written by another scenario than " + dir;
            if (s.minSteps() < step) {
                return file + ": holds " + s.minSteps() + " steps of some block, the checkpoint is at step " + step;
            }
            return null;
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    private static int bad(String message) {
        System.err.println(message);
        return Main.BAD_INPUT;
    }
}
