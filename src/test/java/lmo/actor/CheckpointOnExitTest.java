package lmo.actor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lmo.actor.cluster.Jvm;
import lmo.engine.LocalEngine;
import lmo.engine.Recorder;
import lmo.scenario.Assembler;
import lmo.scenario.ScenarioLoader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM (or Ctrl-C) during a run leaves a checkpoint of the step reached, even without periodic checkpoints. */
@Tag("jvm")
class CheckpointOnExitTest {
    @TempDir Path dir;

    @Test
    void aTerminatedRunCheckpointsAndResumesToTheUninterruptedState() throws Exception {
        String scenario = "src/test/resources/lmo/scenario/sobolev-torus-s1.yaml";
        List<String> overrides = List.of("steps=1000", "output.every=20");
        Path out = dir.resolve("run");
        try (Jvm run = Jvm.start(dir.resolve("run.log"), "run", scenario, "--set", overrides.get(0), "--set",
                overrides.get(1), "--out", out.toString(), "-q")) {
            Path csv = out.resolve("metrics.csv");
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!(Files.exists(csv) && Files.readAllLines(csv).size() > 4) && System.nanoTime() < deadline) {
                assertTrue(run.alive(), run.log());
                Thread.sleep(50);
            }
            run.terminate();
            assertTrue(run.log().contains("checkpoint at step"), run.log());
        }
        assertTrue(Files.exists(out.resolve("checkpoint.lmo")), "a checkpoint without checkpoint.every");
        assertEquals(0, lmo.cli.Main.execute("resume", out.toString(), "-q"));
        String reference = LocalEngine.run(Assembler.build(ScenarioLoader.load(Path.of(scenario), overrides)),
                new Recorder()).stateSha256();
        var summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertTrue(summary.get("resumedFrom").asLong() > 0);
        assertEquals(reference, summary.get("stateSha256").asText());
    }
}
