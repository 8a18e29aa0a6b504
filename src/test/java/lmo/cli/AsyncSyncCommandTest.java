package lmo.cli;

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
import lmo.io.RunLayout;
import lmo.run.CheckpointFile;
import lmo.scenario.Assembler;
import lmo.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line and an asynchronous {@code engine.sync}: {@code validate} and {@code run} warn on standard error
 * when the step is beyond the stability bound of its staleness; {@code summary.json} has the resolved sync keys;
 * {@code resume} continues a delayed run from a checkpoint (with its states in flight) to the uninterrupted result.
 */
class AsyncSyncCommandTest {
    @TempDir Path dir;

    /** The exact s = 2 kernel (lambda = (2 pi)^-2 = 0.02533) at eta = 20: eta lambda = 0.5066. */
    static final String S2 = BadInputTest.GOOD.replace("s: 1}", "s: 2}").replace("stepSize: 0.01", "stepSize: 20");

    static final String WARNING_AT_S3 = ":17:14: engine.staleness: eta lambda = 0.5066 (step size 20, lambda = 0.02533,"
            + " the model's largest linear rate) is at or beyond 2 sin(pi / (2 (2s + 1))) = 0.445 for staleness s = 3:"
            + " the run will likely grow instead of decay; a step size below 17.57 keeps it stable\n";

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void validateWarnsAboutAStepBeyondTheBoundAndStillSaysValid() throws IOException {
        Path file = write("s3.yaml", S2 + "engine:\n  sync: delayed\n  staleness: 3\n");
        Cli r = Cli.run("validate", file.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("lmo: warning: " + file + WARNING_AT_S3, r.err());
        assertTrue(r.out().contains("  sync: delayed\n  staleness: 3\n"), r.out());
        Cli quiet = Cli.run("validate", file.toString(), "-q");
        assertEquals(0, quiet.exit());
        assertEquals("", quiet.out());
        assertEquals("lmo: warning: " + file + WARNING_AT_S3, quiet.err(), "a warning is not silenced by -q");

        Path s2 = write("s2.yaml", S2 + "engine:\n  sync: delayed\n  staleness: 2\n");
        Cli fine = Cli.run("validate", s2.toString(), "-q");
        assertEquals(0, fine.exit());
        assertEquals("", fine.err(), "0.5066 < 0.618: no warning at staleness 2");
    }

    @Test
    void runWarnsBeforeItStarts() throws IOException {
        Path file = write("s3.yaml", S2 + "engine:\n  sync: bounded\n  staleness: 3\n");
        Cli r = Cli.run("run", file.toString(), "--set", "steps=0", "--out", dir.resolve("run").toString(), "-q",
                "--no-plots");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().startsWith("lmo: warning: " + file + WARNING_AT_S3), r.err());
    }

    @Test
    void theSummaryHasTheResolvedSyncKeys() throws IOException {
        Path bsp = write("bsp.yaml", BadInputTest.GOOD);
        Path out = dir.resolve("bsp");
        assertEquals(0, Cli.run("run", bsp.toString(), "--out", out.toString(), "-q", "--no-plots").exit());
        JsonNode e = new ObjectMapper().readTree(out.resolve(RunLayout.SUMMARY).toFile()).get("engine");
        assertEquals("bsp", e.get("sync").asText());
        assertEquals(0, e.get("staleness").asInt());
        assertFalse(e.has("straggler"), e.toString());

        // staleness 0 runs as bsp in every mode, with the same result
        Path delayed = write("delayed.yaml", BadInputTest.GOOD
                + "engine:\n  shards: 2\n  sync: delayed\n  straggler: {probability: 0.5, factor: 1.5}\n");
        Path out2 = dir.resolve("delayed");
        Cli r = Cli.run("run", delayed.toString(), "--out", out2.toString(), "-q", "--no-plots");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        JsonNode summary = new ObjectMapper().readTree(out2.resolve(RunLayout.SUMMARY).toFile());
        JsonNode d = summary.get("engine");
        assertEquals("delayed", d.get("sync").asText());
        assertEquals(0, d.get("staleness").asInt());
        assertEquals(0.5, d.get("straggler").get("probability").asDouble());
        assertEquals(1.5, d.get("straggler").get("factor").asDouble());
        assertFalse(d.get("straggler").has("shard"));
        assertEquals(new ObjectMapper().readTree(out.resolve(RunLayout.SUMMARY).toFile()).get("stateSha256"),
                summary.get("stateSha256"));
        assertTrue(Files.readString(out2.resolve(RunLayout.SCENARIO)).contains(
                "  sync: delayed\n  staleness: 0\n  straggler: {probability: 0.5, factor: 1.5}\n"));
    }

    @Test
    void aDelayedRunInterruptedAfterACheckpointResumesToTheSameResult() throws Exception {
        Path file = write("d.yaml", S2.replace("stepSize: 20", "stepSize: 10").replace("steps: 10", "steps: 25")
                + "engine: {sync: delayed, staleness: 2, blockSize: 50}\ncheckpoint: {every: 5}\n");
        Path out = dir.resolve("d");
        Cli first = Cli.run("run", file.toString(), "--out", out.toString(), "-q", "--shards", "3");
        assertEquals(0, first.exit(), first.err());
        JsonNode done = new ObjectMapper().readTree(out.resolve(RunLayout.SUMMARY).toFile());
        List<String> rows = Files.readAllLines(out.resolve(RunLayout.METRICS)).stream()
                .map(l -> l.replaceFirst(",[^,]*", "")).toList();
        // the directory as a kill right after the checkpoint of step 10 would leave it
        Path yaml = out.resolve(RunLayout.SCENARIO);
        Recorder rec = new Recorder();
        LocalEngine.run(Assembler.build(ScenarioLoader.load(yaml, List.of())), rec);
        Checkpoint ten = rec.checkpoints.stream().filter(c -> c.step() == 10).findFirst().orElseThrow();
        assertEquals(2, ten.earlier().size(), "the two states in flight");
        CheckpointFile.write(out, List.of("particles"), ten, CheckpointFile.fingerprint(Files.readString(yaml)));
        Cli r = Cli.run("resume", out.toString(), "--shards", "2", "-q");
        assertEquals(0, r.exit(), r.err());
        JsonNode s = new ObjectMapper().readTree(out.resolve(RunLayout.SUMMARY).toFile());
        assertEquals(done.get("stateSha256"), s.get("stateSha256"));
        assertEquals(10, s.get("resumedFrom").asInt());
        assertEquals(rows, Files.readAllLines(out.resolve(RunLayout.METRICS)).stream()
                .map(l -> l.replaceFirst(",[^,]*", "")).toList(), "each logged step once, with the same values");
    }
}
