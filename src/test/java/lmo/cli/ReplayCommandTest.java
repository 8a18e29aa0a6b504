package lmo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import lmo.actor.ActorEngine;
import lmo.engine.RunOutcome;
import lmo.engine.Simulation;
import lmo.engine.Sync;
import lmo.io.RunLayout;
import lmo.run.CheckpointFile;
import lmo.run.RunDirectory;
import lmo.run.ScheduleFile;
import lmo.scenario.Assembler;
import lmo.scenario.Scenario;
import lmo.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lmo replay RUN_DIR}: a bounded run on 3 actor shards with transient stragglers (staleness within s, and
 * above 0 somewhere) replays to its recorded stateSha256 on 1 and on 5 shards; another hash is exit 5 with both; a run
 * directory without schedule.lmo, with a damaged one, or of a run that has not ended is exit 2 with nothing written.
 *
 * <p>The recording is made with {@link RunDirectory} and {@link ActorEngine} as {@code bin/lmo run} makes it, from a
 * scenario whose sync is set on the simulation ({@code engine.sync} is not a scenario key in this build).
 */
class ReplayCommandTest {
    @TempDir static Path dir;
    static Path recorded;
    static RunOutcome outcome;
    static final int S = 2;

    @BeforeAll
    static void record() throws Exception {
        Scenario scenario = ScenarioLoader.load(Path.of("scenarios/sobolev-torus-s2.yaml"), List.of("steps=40",
                "populations.particles.count=400", "engine.blockSize=50", "engine.shards=3", "output.every=5"));
        Simulation sim = Assembler.build(scenario);
        String yaml = Assembler.resolved(scenario, sim).toYaml();
        Simulation bounded = sim.withSync(new Sync(Sync.Mode.BOUNDED, S, new Sync.Straggler(0.25, 4, -1)));
        recorded = dir.resolve("run");
        outcome = ActorEngine.run(bounded, RunDirectory.create(recorded, yaml, ""));
        assertEquals(RunOutcome.Status.COMPLETED, outcome.status(), outcome.message());
        assertEquals(3, outcome.shards());
    }

    private static JsonNode summary(Path run) throws IOException {
        return new ObjectMapper().readTree(run.resolve(RunLayout.SUMMARY).toFile());
    }

    /** A copy of the recorded run directory (scenario, schedule, summary) to damage. */
    private static Path copy(String name) throws IOException {
        Path c = Files.createDirectories(dir.resolve(name));
        for (String f : List.of(RunLayout.SCENARIO, RunLayout.SCHEDULE, RunLayout.SUMMARY, RunLayout.METRICS)) {
            Files.copy(recorded.resolve(f), c.resolve(f));
        }
        return c;
    }

    private static List<String> files(Path d) throws IOException {
        try (Stream<Path> s = Files.walk(d)) {
            return s.filter(p -> !p.equals(d)).map(p -> d.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void theRecordedScheduleStaysWithinItsStalenessAndIsStaleSomewhere() throws IOException {
        ScheduleFile f = ScheduleFile.read(recorded.resolve(RunLayout.SCHEDULE));
        long stalest = Long.MIN_VALUE;
        for (int b = 0; b < f.blocks(); b++) {
            assertEquals(40, f.steps(b));
            for (int k = 0; k < 40; k++) {
                for (int st : f.staleness(b, k)) {
                    assertTrue(st <= S && st >= -(S + 2), "block " + b + " step " + k + ": " + st);
                    stalest = Math.max(stalest, st);
                }
            }
        }
        assertTrue(stalest > 0, "stragglers make some summary stale");
        assertEquals(RunLayout.SCHEDULE, summary(recorded).get("schedule").asText());
    }

    @Test
    void aReplayOnOneAndOnFiveShardsEndsWithTheRecordedHash() throws IOException {
        String hash = outcome.stateSha256();
        Cli one = Cli.run("replay", recorded.toString(), "--shards", "1", "-q", "--no-plots");
        assertEquals(0, one.exit(), one.err());
        Path first = recorded.resolve(RunLayout.REPLAY);
        assertTrue(one.out().endsWith("replay: stateSha256 " + hash + " equals the recorded one ("
                + recorded.resolve(RunLayout.SUMMARY) + ")\n"), one.out());
        assertEquals(hash, summary(first).get("stateSha256").asText());
        assertEquals(1, summary(first).get("engine").get("shards").asInt());
        assertEquals(recorded.toString(), summary(first).get("replayOf").asText());
        assertArrayEquals(Files.readAllBytes(recorded.resolve(RunLayout.SCHEDULE)),
                Files.readAllBytes(first.resolve(RunLayout.SCHEDULE)), "the replay records the schedule it followed");
        assertEquals(Files.readString(recorded.resolve(RunLayout.STALENESS)), Files.readString(first.resolve(RunLayout.STALENESS)));

        // the default directory is taken: replay-2; --out elsewhere with the local engine
        Cli five = Cli.run("replay", recorded.toString(), "--shards", "5", "-q", "--no-plots");
        assertEquals(0, five.exit(), five.err());
        assertEquals(hash, summary(recorded.resolve(RunLayout.REPLAY + "-2")).get("stateSha256").asText());
        assertEquals(5, summary(recorded.resolve(RunLayout.REPLAY + "-2")).get("engine").get("shards").asInt());
        Path out = dir.resolve("elsewhere");
        Cli local = Cli.run("replay", recorded.toString(), "--out", out.toString(), "--shards", "5", "--engine", "local",
                "-q", "--no-plots");
        assertEquals(0, local.exit(), local.err());
        assertEquals(hash, summary(out).get("stateSha256").asText());
    }

    @Test
    void anotherHashIsExitFiveWithBoth() throws IOException {
        Path run = copy("other-hash");
        ObjectNode s = (ObjectNode) summary(run);
        String wrong = "0".repeat(64);
        s.put("stateSha256", wrong);
        Files.write(run.resolve(RunLayout.SUMMARY), new ObjectMapper().writeValueAsBytes(s));
        Cli r = Cli.run("replay", run.toString(), "-q", "--no-plots");
        assertEquals(Main.REPLAY_DIFFERS, r.exit(), r.err());
        assertEquals(5, Main.REPLAY_DIFFERS);
        assertTrue(r.err().contains("lmo: replay: stateSha256 " + outcome.stateSha256() + " (completed at step 40) differs"
                + " from the recorded " + wrong + " (completed at step 40, "), r.err());
    }

    @Test
    void aBoundedRunResumesOnlyWithTheScheduleOfTheStepsBeforeItsCheckpoint() throws IOException {
        Sync bounded = new Sync(Sync.Mode.BOUNDED, S, Sync.Straggler.NONE);
        byte[] fingerprint = CheckpointFile.fingerprint(Files.readString(recorded.resolve(RunLayout.SCENARIO)));
        assertNull(ResumeCommand.scheduleProblem(recorded, bounded, 40, fingerprint));
        Path run = copy("resume");
        Path file = run.resolve(RunLayout.SCHEDULE);
        ScheduleFile.read(file).write(run, 20);
        assertNull(ResumeCommand.scheduleProblem(run, bounded, 20, fingerprint));
        assertEquals(file + ": holds 20 steps of some block, the checkpoint is at step 30",
                ResumeCommand.scheduleProblem(run, bounded, 30, fingerprint));
        assertEquals(file + ": written by another scenario than " + run,
                ResumeCommand.scheduleProblem(run, bounded, 20, CheckpointFile.fingerprint("name: other\n")));
        Files.write(file, new byte[] {1, 2, 3});
        assertEquals(file + ": not an lmo schedule (bad magic)", ResumeCommand.scheduleProblem(run, bounded, 20, fingerprint));
        Files.delete(file);
        assertEquals(file + ": missing: a bounded run resumes with the schedule of the steps before its checkpoint",
                ResumeCommand.scheduleProblem(run, bounded, 20, fingerprint));
        for (Sync other : List.of(Sync.BSP, new Sync(Sync.Mode.DELAYED, S, Sync.Straggler.NONE),
                new Sync(Sync.Mode.BOUNDED, 0, Sync.Straggler.NONE))) {
            assertNull(ResumeCommand.scheduleProblem(run, other, 20, fingerprint), other.toString());
        }
    }

    private static void assertRefused(String message, String... args) {
        Cli r = Cli.run(args);
        assertEquals(2, r.exit(), r.err());
        assertEquals(message + "\n", r.err().replace("WARNING: Using incubator modules: jdk.incubator.vector\n", ""));
        assertEquals("", r.out());
    }

    @Test
    void whatCannotBeReplayedIsBadInputAndWritesNothing() throws IOException {
        Path nowhere = dir.resolve("nowhere");
        assertRefused(nowhere + ": no such run directory", "replay", nowhere.toString());

        Path bsp = copy("bsp");
        Files.delete(bsp.resolve(RunLayout.SCHEDULE));
        assertRefused(bsp + ": not a bounded run (no schedule.lmo); delayed and bsp runs are reproduced by `bin/lmo run`",
                "replay", bsp.toString());

        Path flipped = copy("flipped");
        Path file = flipped.resolve(RunLayout.SCHEDULE);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 4;
        Files.write(file, bytes);
        List<String> before = files(flipped);
        assertRefused(file + ": checksum mismatch: the file is corrupt", "replay", flipped.toString());
        assertEquals(before, files(flipped), "nothing written");

        Path cut = copy("cut");
        file = cut.resolve(RunLayout.SCHEDULE);
        bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 1));
        assertRefused(file + ": truncated or corrupt: " + (bytes.length - 1) + " bytes, the header says " + bytes.length,
                "replay", cut.toString(), "--out", dir.resolve("cut-out").toString());
        assertFalse(Files.exists(dir.resolve("cut-out")), "nothing written");

        Path magic = copy("magic");
        Files.writeString(magic.resolve(RunLayout.SCHEDULE), "not a schedule at all, but long enough to have a header");
        assertRefused(magic.resolve(RunLayout.SCHEDULE) + ": not an lmo schedule (bad magic)", "replay", magic.toString());

        Path changed = copy("changed");
        Path yaml = changed.resolve(RunLayout.SCENARIO);
        Files.writeString(yaml, Files.readString(yaml).replace("seed: ", "seed: 1"));
        Cli r = Cli.run("replay", changed.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith(changed.resolve(RunLayout.SCHEDULE) + ": written by another scenario: " + yaml
                + " changed since (fingerprint "), r.err());

        Path unfinished = copy("unfinished");
        Files.delete(unfinished.resolve(RunLayout.SUMMARY));
        assertRefused(unfinished + ": no summary.json: the run has not ended (bin/lmo resume " + unfinished + " first)",
                "replay", unfinished.toString());

        Path short_ = copy("short");
        ScheduleFile f = ScheduleFile.read(short_.resolve(RunLayout.SCHEDULE));
        f.write(short_, 30);
        assertRefused(short_.resolve(RunLayout.SCHEDULE) + ": holds 30 steps of some block, the run ended at step 40",
                "replay", short_.toString());

        assertRefused("--out " + recorded + ": the replay cannot write into RUN_DIR itself; name another directory",
                "replay", recorded.toString(), "--out", recorded.toString());
        assertRefused("--shards: must be >= 1, got 0", "replay", recorded.toString(), "--shards", "0");
        // the scenario.yaml of this build's recording says bsp: the members of a cluster would build bsp shards
        assertRefused("--cluster: the members build the run from " + recorded.resolve(RunLayout.SCENARIO)
                + ", whose engine.sync is bsp; replay this run in one JVM (without --cluster)",
                "replay", recorded.toString(), "--cluster", "--port", "0");
        for (Path p : List.of(bsp, flipped, cut, magic, changed, unfinished, short_)) {
            assertFalse(Files.exists(p.resolve(RunLayout.REPLAY)), p + ": nothing written");
        }
    }
}
