package lmo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import lmo.engine.BlockLayout;
import lmo.engine.RunOutcome;
import lmo.engine.Simulation;
import lmo.engine.Sync;
import lmo.io.RunLayout;
import lmo.io.RunLock;
import lmo.run.CheckpointFile;
import lmo.run.RunDirectory;
import lmo.run.ScheduleFile;
import lmo.scenario.Assembler;
import lmo.scenario.Scenario;
import lmo.scenario.ScenarioException;
import lmo.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lmo replay RUN_DIR}: runs a {@code bounded} run again from step 0 following its recorded schedule
 * ({@code RUN_DIR/schedule.lmo}: which state of every block each step read), on any number of shards, into a new
 * run directory, and checks that it ends with the recorded {@code stateSha256} ({@code RUN_DIR/summary.json}).
 *
 * <p>The scenario is {@code RUN_DIR/scenario.yaml} (with {@code --shards} applied); the schedule must carry its
 * fingerprint. The mode and staleness replayed are the schedule's ({@code bounded}, s); a scenario.yaml that names
 * another asynchronous mode or staleness is refused ({@code --cluster} needs scenario.yaml itself to say
 * {@code bounded}, since the members build their shards from it). A replay follows the schedule, so {@code engine.straggler} would
 * change only its wall time: it runs without. RUN_DIR is only read (each of its files is written whole, by a
 * rename); the replay writes {@code --out DIR} (which must not exist or be empty, and is not RUN_DIR), by default
 * {@code RUN_DIR/replay} ({@code replay-2}, {@code replay-3} ... when taken), whose summary.json says
 * {@code "replayOf": RUN_DIR}.
 *
 * <p>Exit codes: 0 the replay ended as recorded (same status and stateSha256); 5 it ended otherwise (both hashes are
 * printed); 2 bad input, nothing written (no run directory, no schedule.lmo: not a bounded run, a corrupt
 * schedule.lmo, one of another scenario, a run that has not ended); 4 and 1 as {@code bin/lmo run}.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Run a bounded run again following its recorded schedule (schedule.lmo); check its stateSha256.",
        footer = {"", "Exit codes: 0 same stateSha256 as recorded; 5 another one (both printed); 2 bad input (not a bounded",
            "run, corrupt schedule.lmo, ...: nothing written); 4 cluster lost; 1 a bug or a fatal error."})
final class ReplayCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "run directory of a bounded run (with schedule.lmo)")
    Path dir;

    @Option(names = "--out", paramLabel = "DIR",
            description = "run directory of the replay (default: RUN_DIR/replay, replay-2, ...); must not exist or be empty")
    Path out;

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
        if (!Files.isRegularFile(yaml)) return bad(dir + ": no scenario.yaml, not a run directory");
        Path file = dir.resolve(RunLayout.SCHEDULE);
        if (!Files.exists(file)) {
            return bad(dir + ": not a bounded run (no schedule.lmo); delayed and bsp runs are reproduced by `bin/lmo run`");
        }
        String yamlText = Files.readString(yaml);
        ScheduleFile schedule;
        try {
            schedule = ScheduleFile.read(file);
        } catch (IOException e) {
            return bad(e.getMessage());
        }
        if (!Arrays.equals(schedule.fingerprint(), CheckpointFile.fingerprint(yamlText))) {
            return bad(file + ": written by another scenario: " + yaml + " changed since (fingerprint "
                    + schedule.fingerprintHex() + ")");
        }
        Recorded recorded;
        try {
            recorded = recorded(dir.resolve(RunLayout.SUMMARY));
        } catch (IOException e) {
            return bad(e.getMessage());
        }
        if (schedule.minSteps() < recorded.step()) {
            return bad(file + ": holds " + schedule.minSteps() + " steps of some block, the run ended at step "
                    + recorded.step());
        }

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
        Sync sync = sim.sync();
        if (sync.asynchronous() && (sync.mode() != Sync.Mode.BOUNDED || sync.staleness() != schedule.staleness())) {
            return bad(yaml + ": engine.sync " + sync.mode().key() + " with staleness " + sync.staleness() + ", but "
                    + file + " records a bounded run with staleness " + schedule.staleness());
        }
        if (options.cluster.cluster && !(sync.mode() == Sync.Mode.BOUNDED && sync.asynchronous())) {
            // the members build the shards' simulation from the scenario text, so it must say bounded itself
            return bad("--cluster: the members build the run from " + yaml + ", whose engine.sync is " + sync.mode().key()
                    + "; replay this run in one JVM (without --cluster)");
        }
        int blocks = new BlockLayout(sim.populations(), sim.blockSize(), sim.shards()).blocks();
        if (blocks != schedule.blocks()) {
            return bad(file + ": recorded for " + schedule.blocks() + " blocks, " + yaml + " makes " + blocks);
        }
        String resolved = Assembler.resolved(scenario, sim).toYaml();
        Simulation replay = sim.withSync(new Sync(Sync.Mode.BOUNDED, schedule.staleness(), Sync.Straggler.NONE)
                .replaying(schedule));
        String memory = MemoryCheck.problem(replay, options.cluster.cluster);
        if (memory != null) return bad(memory);
        if (out != null && same(out, dir)) {
            return bad("--out " + out + ": the replay cannot write into RUN_DIR itself; name another directory");
        }
        Monitor monitor;
        try {
            monitor = Monitor.start(options.metrics, scenario);
        } catch (IOException e) {
            return bad("metrics port: cannot listen on 127.0.0.1: " + e.getMessage());
        }
        try (monitor; RunLock lock = claim()) {
            Path target = lock.dir();
            RunDirectory run = RunDirectory.create(target, resolved, scenario.description());
            run.replayOf(dir);
            RunOutcome o = Runs.execute(replay, Runs.observers(run, options.quiet, monitor), options.engine,
                    options.cluster, resolved);
            Runs.plot(target, o, options.noPlots);
            int code = Runs.report(replay, o, target);
            if (code != Main.OK && code != Main.DIVERGED) return code;
            String status = o.status().name().toLowerCase(Locale.ROOT);
            if (status.equals(recorded.status()) && o.stateSha256().equals(recorded.stateSha256())) {
                System.out.println("replay: stateSha256 " + o.stateSha256() + " equals the recorded one ("
                        + dir.resolve(RunLayout.SUMMARY) + ")");
                return Main.OK;
            }
            System.err.println("lmo: replay: stateSha256 " + o.stateSha256() + " (" + status + " at step " + o.step()
                    + ") differs from the recorded " + recorded.stateSha256() + " (" + recorded.status() + " at step "
                    + recorded.step() + ", " + dir.resolve(RunLayout.SUMMARY) + ")");
            return Main.REPLAY_DIFFERS;
        } catch (RunLock.Refused e) {
            return bad(e.getMessage());
        }
    }

    /** What the replayed run's summary.json recorded: its status, its last step, its stateSha256. */
    private record Recorded(String status, long step, String stateSha256) {}

    /** Reads the recorded outcome; an IOException says why there is none to compare with. */
    private Recorded recorded(Path summary) throws IOException {
        if (!Files.isRegularFile(summary)) {
            throw new IOException(dir + ": no summary.json: the run has not ended (bin/lmo resume " + dir + " first)");
        }
        JsonNode s;
        try {
            s = JSON.readTree(summary.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(summary + ": not valid JSON: " + e.getOriginalMessage());
        }
        String status = s.path("status").asText("");
        JsonNode step = s.get(status.equals("completed") ? "finalStep" : "lastGoodStep");
        JsonNode hash = s.get("stateSha256");
        if (!(status.equals("completed") || status.equals("diverged")) || step == null || !step.canConvertToLong()
                || hash == null || !hash.isTextual()) {
            throw new IOException(summary + ": status " + (status.isEmpty() ? "missing" : status) + ", no stateSha256 to"
                    + " compare with: only a completed or diverged run is replayed (bin/lmo resume " + dir + " first)");
        }
        return new Recorded(status, step.asLong(), hash.asText());
    }

    /**
     * The replay's directory, claimed: {@code --out} if given, else {@code RUN_DIR/replay} (with a suffix {@code -2},
     * {@code -3} ... when taken).
     */
    private RunLock claim() throws RunLock.Refused {
        String command = "replay " + dir;
        if (out != null) return RunLock.claimNew(out, "--out " + out, command);
        for (int i = 1; ; i++) {
            Path p = dir.resolve(RunLayout.REPLAY + (i == 1 ? "" : "-" + i));
            try {
                return RunLock.claimNew(p, "replay directory " + p, command);
            } catch (RunLock.Refused e) {
                if (!Files.isDirectory(p) || i >= 100) throw e; // an earlier replay's: try the next
            }
        }
    }

    private static boolean same(Path a, Path b) {
        try {
            if (Files.exists(a)) return Files.isSameFile(a, b);
        } catch (IOException e) {
            // fall back to the names
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    private static int bad(String message) {
        System.err.println(message);
        return Main.BAD_INPUT;
    }
}
