package lmo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lmo.run.CheckpointFile;
import lmo.io.RunLayout;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at arbitrary moments: a run in a child JVM is killed, resumed in a child JVM and killed again, three
 * times, then resumed to the end in this JVM. Every kill leaves a checkpoint that reads back valid (one killed
 * while being written is never the one resume reads), and the result is that of an uninterrupted run: the same
 * stateSha256, and metrics.csv with every logged step once and the same values.
 */
@Tag("jvm")
class KillResumeTest {
    @TempDir Path dir;

    static final int STEPS = 2400;
    static final String SCENARIO = """
            name: kill
            seed: 3
            steps: 2400
            populations:
              particles:
                count: 300
                space: {type: torus, dim: 1}
                init: {type: gaussian, mean: [0.5], std: [0.05]}
            model: {type: mmd, kernel: {type: sobolev, s: 1}, target: {type: uniform}}
            dynamics: {type: langevin, stepSize: 0.01, temperature: 0.001}
            engine: {shards: 2, blockSize: 100}
            output: {every: 7, snapshotEvery: 600}
            checkpoint: {every: 10}
            """;

    private Process child(Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"), "lmo.cli.Main"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** The step of the run's checkpoint, verified; -1 while there is none. */
    private static long checkpointStep(Path run) throws IOException {
        try {
            return CheckpointFile.read(run.resolve(CheckpointFile.NAME)).checkpoint().step();
        } catch (NoSuchFileException e) {
            return -1;
        }
    }

    /** Waits until the child has checkpointed at least {@code step}, lets it run {@code delayMillis} more, kills it. */
    private long killPast(Process p, Path run, long step, long delayMillis, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (checkpointStep(run) < step) {
            if (!p.isAlive()) fail("the child ended with " + p.exitValue() + " before step " + step + ":\n" + Files.readString(log));
            if (System.nanoTime() > deadline) {
                p.destroyForcibly().waitFor();
                fail("no checkpoint past " + step + " within 60 s:\n" + Files.readString(log));
            }
            Thread.sleep(2);
        }
        Thread.sleep(delayMillis);
        p.destroyForcibly().waitFor();
        long left = checkpointStep(run); // must read back valid whatever the kill interrupted
        assertTrue(left >= step && left < STEPS, "checkpoint at " + left);
        return left;
    }

    @Test
    void killedThreeTimesAndResumedItEndsAsTheUninterruptedRun() throws Exception {
        Path scenario = Files.writeString(dir.resolve("kill.yaml"), SCENARIO);
        Path reference = dir.resolve("reference");
        Cli straight = Cli.run("run", scenario.toString(), "--out", reference.toString(), "-q");
        assertEquals(0, straight.exit(), straight.err());

        Path run = dir.resolve("run");
        Path log = dir.resolve("child.log");
        long at = killPast(child(log, "run", scenario.toString(), "--out", run.toString(), "-q"), run, 300, 0, log);
        long[] delays = {3, 11};
        for (long delay : delays) {
            at = killPast(child(log, "resume", run.toString(), "-q"), run, at + 300, delay, log);
        }
        Cli resumed = Cli.run("resume", run.toString(), "-q");
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(resumed.out().endsWith("results: " + run + "\n"), resumed.out());

        ObjectMapper json = new ObjectMapper();
        assertEquals(json.readTree(reference.resolve(RunLayout.SUMMARY).toFile()).get("stateSha256"),
                json.readTree(run.resolve(RunLayout.SUMMARY).toFile()).get("stateSha256"));
        List<String> rows = Files.readAllLines(run.resolve(RunLayout.METRICS));
        List<String> want = Files.readAllLines(reference.resolve(RunLayout.METRICS));
        List<String> steps = rows.stream().skip(1).map(r -> r.split(",")[0]).toList();
        assertEquals(want.stream().skip(1).map(r -> r.split(",")[0]).toList(), steps, "every logged step once, in order");
        assertEquals(STEPS / 7 + 2, steps.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(want.get(i).replaceFirst(",[^,]*", ""), rows.get(i).replaceFirst(",[^,]*", ""), "row " + i);
        }
        for (String snap : List.of("00000000", "00000600", "00001200", "00001800")) {
            Path s = Path.of("snapshots", "particles-" + snap + ".npy");
            assertArrayEquals(Files.readAllBytes(reference.resolve(s)), Files.readAllBytes(run.resolve(s)), snap);
        }
    }
}
