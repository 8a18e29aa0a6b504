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
}
