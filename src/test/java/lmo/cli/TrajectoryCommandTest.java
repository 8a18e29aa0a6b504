package lmo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import lmo.io.Npy;
import lmo.io.RunLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code output.trajectories} through the command line: {@code run} writes the two trajectory files, and
 * {@code resume} of the finished run (from its final checkpoint) rewrites them unchanged.
 */
class TrajectoryCommandTest {
    @TempDir Path dir;

    @Test
    void runWritesTheFilesAndResumeKeepsThem() throws Exception {
        String scenario = BadInputTest.GOOD.replace("steps: 10", "steps: 25")
                + "output: {every: 10, trajectories: {particles: 6, every: 4}}\nengine: {shards: 3, blockSize: 16}\n"
                + "checkpoint: {every: 10}\n";
        Path file = Files.writeString(dir.resolve("s.yaml"), scenario);
        Path out = dir.resolve("run");
        Cli r = Cli.run("run", file.toString(), "--out", out.toString(), "--engine", "local", "-q");
        assertEquals(0, r.exit(), r.err());
        Npy.Array steps = Npy.readArray(out.resolve(RunLayout.TRAJECTORY_STEPS));
        assertArrayEquals(new long[] {8, 2}, steps.shape());
        assertArrayEquals(new double[] {0, 0, 4, 0.04, 8, 0.08, 12, 0.12, 16, 0.16, 20, 0.2, 24, 0.24, 25, 0.25},
                steps.data(), 1e-15);
        assertArrayEquals(new long[] {8, 6, 2}, Npy.readArray(out.resolve(RunLayout.trajectories("particles"))).shape());
        byte[] before = Files.readAllBytes(out.resolve(RunLayout.trajectories("particles")));
        byte[] stepsBefore = Files.readAllBytes(out.resolve(RunLayout.TRAJECTORY_STEPS));

        Cli again = Cli.run("resume", out.toString(), "--engine", "local", "-q");
        assertEquals(0, again.exit(), again.err());
        assertArrayEquals(before, Files.readAllBytes(out.resolve(RunLayout.trajectories("particles"))));
        assertArrayEquals(stepsBefore, Files.readAllBytes(out.resolve(RunLayout.TRAJECTORY_STEPS)));
    }
}
