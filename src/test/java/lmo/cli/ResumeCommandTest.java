package lmo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lmo.engine.Checkpoint;
import lmo.engine.LocalEngine;
import lmo.engine.Recorder;
import lmo.engine.Simulation;
import lmo.run.CheckpointFile;
import lmo.io.RunLayout;
import lmo.scenario.Assembler;
import lmo.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lmo resume RUN_DIR} continues a run from its checkpoint to the result of the uninterrupted run, in the same
 * directory; what it cannot resume is exit code 2 with a message and no change to the directory.
 */
class ResumeCommandTest {
    @TempDir Path dir;

    static final String SCENARIO = RunCommandTest.SCENARIO + "checkpoint: {every: 5}\n";

    private Path run(String scenario, String name) throws IOException {
        Path file = Files.writeString(dir.resolve(name + ".yaml"), scenario);
        Path out = dir.resolve(name);
        Cli r = Cli.run("run", file.toString(), "--out", out.toString(), "-q");
        assertEquals(0, r.exit(), r.err());
        return out;
    }

    private static JsonNode summary(Path run) throws IOException {
        return new ObjectMapper().readTree(run.resolve(RunLayout.SUMMARY).toFile());
    }

    /** metrics.csv without the wallSeconds column. */
    private static List<String> rows(Path run) throws IOException {
        return Files.readAllLines(run.resolve(RunLayout.METRICS)).stream().map(l -> l.replaceFirst(",[^,]*", "")).toList();
    }

    @Test
    void aRunInterruptedAfterACheckpointResumesToTheSameResult() throws Exception {
        Path out = run(SCENARIO, "run");
        String hash = summary(out).get("stateSha256").asText();
        assertEquals(25, summary(out).get("checkpointStep").asInt());
        assertFalse(summary(out).has("resumedFrom"));
        List<String> rows = rows(out);
        // the directory as a kill right after the checkpoint of step 10 would leave it, but with later files too
        Path yaml = out.resolve(RunLayout.SCENARIO);
        Simulation sim = Assembler.build(ScenarioLoader.load(yaml, List.of()));
        Recorder rec = new Recorder();
        LocalEngine.run(sim, rec);
        Checkpoint ten = rec.checkpoints.stream().filter(c -> c.step() == 10).findFirst().orElseThrow();
        CheckpointFile.write(out, List.of("particles"), ten, CheckpointFile.fingerprint(Files.readString(yaml)));
        Files.writeString(out.resolve(RunLayout.CHECKPOINT + RunLayout.TMP), "half a checkpoint");
        Files.writeString(out.resolve(RunLayout.METRICS), "\n17,0.5", java.nio.file.StandardOpenOption.APPEND);

        Cli r = Cli.run("resume", out.toString(), "--shards", "2", "-q");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("15 steps from step 10"), r.out());
        assertTrue(r.out().endsWith("results: " + out + "\n"), r.out());
        JsonNode s = summary(out);
        assertEquals(hash, s.get("stateSha256").asText());
        assertEquals(10, s.get("resumedFrom").asInt());
        assertEquals(25, s.get("checkpointStep").asInt());
        assertEquals(2, s.get("engine").get("shards").asInt());
        assertEquals(rows, rows(out), "each logged step once, with the same values");
        assertFalse(Files.exists(out.resolve(RunLayout.CHECKPOINT + RunLayout.TMP)));
        assertEquals(List.of("particles-00000000.npy", "particles-00000010.npy", "particles-00000020.npy"),
                Files.list(out.resolve(RunLayout.SNAPSHOTS)).map(p -> p.getFileName().toString()).sorted().toList());

        Cli again = Cli.run("resume", out.toString(), "--engine", "local", "-q");
        assertEquals(0, again.exit(), again.err());
        assertEquals(hash, summary(out).get("stateSha256").asText(), "resuming a finished run repeats its last state");
        assertEquals(rows, rows(out));
    }

    private void assertRejected(String message, String... args) throws IOException {
        Cli r = Cli.run(args);
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith(message), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void whatCannotBeResumedIsBadInput() throws IOException {
        Path nowhere = dir.resolve("nowhere");
        assertRejected(nowhere + ": no such run directory", "resume", nowhere.toString());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertRejected(empty + ": no scenario.yaml, not a run directory", "resume", empty.toString());
        Path plain = run(RunCommandTest.SCENARIO, "plain");
        assertRejected("no checkpoint in " + plain + ": set checkpoint.every in the scenario", "resume", plain.toString());

        Path out = run(SCENARIO, "ck");
        Path file = out.resolve(RunLayout.CHECKPOINT);
        assertRejected("--shards: must be >= 1, got 0", "resume", out.toString(), "--shards", "0");
        assertRejected("--engine: expected actors or local, got cluster", "resume", out.toString(), "--engine", "cluster");
        byte[] good = Files.readAllBytes(file);
        byte[] bad = good.clone();
        bad[bad.length / 2] ^= 1;
        Files.write(file, bad);
        assertRejected("corrupt checkpoint: " + file + ": checksum mismatch: the file is corrupt", "resume", out.toString());
        Files.write(file, good);

        Path yaml = out.resolve(RunLayout.SCENARIO);
        String text = Files.readString(yaml);
        Files.writeString(yaml, text.replace("stepSize: 0.01", "stepSize: 0.02"));
        assertRejected(file + ": written by another scenario: " + yaml + " changed since", "resume", out.toString());
        assertTrue(Files.exists(out.resolve(RunLayout.SUMMARY)) && Files.exists(out.resolve(RunLayout.finalState("particles"))), "nothing removed");

        Files.writeString(yaml, text.replace("shards: 3", "shards: 1"));
        assertEquals(0, Cli.run("resume", out.toString(), "-q").exit(), "the shard count is not part of the fingerprint");
    }

    @Test
    void aCheckpointThatIsADirectoryIsNamedAsSuch() throws IOException {
        Path out = run(RunCommandTest.SCENARIO, "dirck");
        Path ck = Files.createDirectory(out.resolve(RunLayout.CHECKPOINT));
        assertRejected(ck + ": is a directory, not a checkpoint file written by lmo", "resume", out.toString());
    }

    /** Item 3 of issue 14: a directory held by another resume (here a claim of this JVM) is refused, naming it. */
    @Test
    void aRunDirectoryInUseIsNotResumedTwice() throws Exception {
        Path out = run(SCENARIO, "held");
        byte[] before = Files.readAllBytes(out.resolve(RunLayout.METRICS));
        try (lmo.io.RunLock held = lmo.io.RunLock.claimExisting(out, out.toString(), "resume (the other one)")) {
            assertRejected(out + " is in use by another lmo process (pid " + ProcessHandle.current().pid()
                    + ": lmo resume (the other one))", "resume", out.toString(), "-q");
        }
        assertArrayEquals(before, Files.readAllBytes(out.resolve(RunLayout.METRICS)), "metrics.csv untouched");
        assertEquals(0, Cli.run("resume", out.toString(), "-q").exit(), "free again once released");
    }
}
