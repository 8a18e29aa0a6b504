package lmo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input is rejected before anything runs: exit code 2, one line naming file, line, column and key path (or the
 * option), no stack trace, and no run directory.
 */
class BadInputTest {
    @TempDir Path dir;

    static final String GOOD = """
            name: t
            steps: 10
            populations:
              particles:
                count: 100
                space: {type: torus, dim: 1}
                init: {type: gaussian, mean: [0.5], std: [0.05]}
            model:
              type: mmd
              kernel: {type: sobolev, s: 1}
              target: {type: uniform}
            dynamics:
                type: wasserstein
                stepSize: 0.01
            """;

    private void assertRejected(String text, String... expectedAndArgs) throws IOException {
        Path file = Files.writeString(dir.resolve("sobolev.yaml"), text);
        Path out = dir.resolve("out");
        String[] args = new String[expectedAndArgs.length + 2];
        args[0] = "run";
        args[1] = file.toString();
        System.arraycopy(expectedAndArgs, 1, args, 2, expectedAndArgs.length - 1);
        args[args.length - 1] = "--out=" + out;
        Cli r = Cli.run(args);
        assertEquals(2, r.exit(), r.err());
        assertEquals(expectedAndArgs[0].replace("FILE", file.toString()) + "\n", r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(out), "nothing is written");
        assertEquals("", r.out());
    }

    @Test
    void outOfRange() throws IOException {
        assertRejected(GOOD.replace("stepSize: 0.01", "stepSize: -0.1"), "FILE:14:15: dynamics.stepSize: must be > 0, got -0.1");
    }

    @Test
    void unknownKey() throws IOException {
        assertRejected(GOOD.replace("stepSize: 0.01", "stepsize: 0.01"),
                "FILE:14:5: dynamics.stepsize: unknown key; expected one of: type, stepSize, scaleStepByInit; did you mean 'stepSize'?");
    }

    @Test
    void wrongType() throws IOException {
        assertRejected(GOOD.replace("count: 100", "count: many"), "FILE:5:12: populations.particles.count: expected an integer, got 'many'");
    }

    @Test
    void missingInputFile() throws IOException {
        Path missing = dir.resolve("nowhere.npy");
        assertRejected(GOOD.replace("init: {type: gaussian, mean: [0.5], std: [0.05]}", "init: {type: file, path: nowhere.npy}"),
                "FILE:7:30: populations.particles.init.path: file not found: " + missing);
    }

    @Test
    void badOverride() throws IOException {
        assertRejected(GOOD, "--set dynamics.stepSize: must be > 0, got -0.1", "--set", "dynamics.stepSize=-0.1");
    }

    @Test
    void badShardOption() throws IOException {
        assertRejected(GOOD, "--shards: must be >= 1, got 0", "--shards", "0");
    }

    @Test
    void missingScenarioFile() {
        Cli r = Cli.run("run", dir.resolve("none.yaml").toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith(dir.resolve("none.yaml") + ": cannot read"), r.err());
    }

    @Test
    void aNonEmptyOutputDirectoryIsNotOverwritten() throws IOException {
        Path file = Files.writeString(dir.resolve("ok.yaml"), GOOD);
        Path out = Files.createDirectories(dir.resolve("busy"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        Cli r = Cli.run("run", file.toString(), "--out", out.toString());
        assertEquals(2, r.exit());
        assertEquals("--out " + out + ": exists and is not empty\n", r.err());
        assertEquals("mine", Files.readString(out.resolve("keep.txt")));
    }

    @Test
    void validateReportsTheSameErrors() throws IOException {
        Path file = Files.writeString(dir.resolve("v.yaml"), GOOD.replace("stepSize: 0.01", "stepSize: -0.1"));
        Cli r = Cli.run("validate", file.toString());
        assertEquals(2, r.exit());
        assertEquals(file + ":14:15: dynamics.stepSize: must be > 0, got -0.1\n", r.err());
        Files.writeString(file, GOOD);
        Cli ok = Cli.run("validate", file.toString());
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().contains("stepSize: 0.01"), ok.out());
    }

    @Test
    void anUnknownOptionIsBadInput() {
        Cli r = Cli.run("run", "x.yaml", "--frobnicate");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("lmo: Unknown option: '--frobnicate'"), r.err());
    }

    /** Options that name a place lmo cannot use: one line naming the option, exit 2, nothing created (issue 14, 9). */
    @Test
    void anOutDirectoryThatCannotBeCreatedIsBadInput() throws IOException {
        Path file = Files.writeString(dir.resolve("ok.yaml"), GOOD);
        Path regular = Files.writeString(dir.resolve("F"), "a file");
        Cli under = Cli.run("run", file.toString(), "--out", regular.resolve("sub").toString(), "-q");
        assertEquals(2, under.exit(), under.err());
        assertEquals("--out " + regular.resolve("sub") + ": " + regular + " is a file, not a directory\n", under.err());
        assertEquals("a file", Files.readString(regular));

        Cli proc = Cli.run("run", file.toString(), "--out", "/proc/lmo-x", "-q");
        assertEquals(2, proc.exit(), proc.err());
        assertTrue(proc.err().startsWith("--out /proc/lmo-x: cannot create the directory: "), proc.err());
        assertEquals(1, proc.err().lines().count(), proc.err());

        Cli itself = Cli.run("run", file.toString(), "--out", file.toString(), "-q");
        assertEquals(2, itself.exit(), itself.err());
        assertEquals("--out " + file + ": exists and is not a directory\n", itself.err());
    }

    @Test
    void aTakenClusterPortIsBadInputAndWritesNothing() throws IOException {
        Path file = Files.writeString(dir.resolve("ok.yaml"), GOOD);
        Path out = dir.resolve("cluster-out");
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            String port = Integer.toString(taken.getLocalPort());
            Cli r = Cli.run("run", file.toString(), "--cluster", "--port", port, "--out", out.toString(), "-q");
            assertEquals(2, r.exit(), r.err());
            assertTrue(r.err().startsWith("--port " + port + ": cannot listen on 127.0.0.1: "), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertEquals("", r.out());
        }
        assertFalse(Files.exists(out), "nothing is written");
    }

    @Test
    void noCommandPrintsTheUsageAndExits2() {
        Cli r = Cli.run();
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("lmo: a command is missing\nUsage: lmo"), r.err());
        assertEquals("", r.out());
    }

    /** A scenario too large for this JVM's heap is refused before anything is allocated, with the estimate. */
    @Test
    void aScenarioThatCannotFitInTheHeapIsBadInput() throws IOException {
        long heapMb = Runtime.getRuntime().maxMemory() >> 20;
        // dim 7: 64 bytes a particle, four copies; enough particles for twice the heap, within the array bounds
        long count = Math.min(Integer.MAX_VALUE / 8, 2 * (heapMb << 20) / (64 * 4) + 1);
        org.junit.jupiter.api.Assumptions.assumeTrue(count * 64 * 4 > (heapMb << 20),
                "this JVM's heap (" + heapMb + " MB) is too large to overflow with one population");
        Path file = Files.writeString(dir.resolve("big.yaml"), GOOD.replace("count: 100", "count: " + count)
                .replace("dim: 1}", "dim: 7}").replace("mean: [0.5], std: [0.05]", "mean: 0.5, std: 0.05"));
        Path out = dir.resolve("big");
        Cli r = Cli.run("run", file.toString(), "--out", out.toString(), "-q");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith(count + " particles of dim 7 need about "), r.err());
        assertTrue(r.err().contains("more than the heap's " + heapMb + " MB; raise -Xmx"), r.err());
        assertFalse(Files.exists(out), "nothing is written");
        Cli v = Cli.run("validate", file.toString());
        assertEquals(2, v.exit());
        assertEquals(r.err(), v.err(), "validate refuses it the same way");
    }
}
