package lmo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import lmo.io.RunLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every run ends with its plots (unless --no-plots); {@code lmo plot} writes them on demand, {@code lmo compare}
 * overlays runs; a failure to plot is a warning that never changes a run's exit code.
 */
class PlotCommandTest {
    @TempDir Path dir;

    private Path scenario() throws IOException {
        return Files.writeString(dir.resolve("s.yaml"), RunCommandTest.SCENARIO);
    }

    @Test
    void aRunEndsWithItsPlotsAndPlotRewritesThem() throws IOException {
        Path out = dir.resolve("run");
        Cli r = Cli.run("run", scenario().toString(), "--out", out.toString(), "-q",
                "--set", "output.fit=[{metric: energy, law: exponential}]");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        for (String f : new String[] {"energy.png", "particles-particles.png"}) {
            assertTrue(ImageIO.read(out.resolve(RunLayout.PLOTS).resolve(f).toFile()).getWidth() > 0, f);
        }
        assertTrue(Files.readString(out.resolve(RunLayout.PLOTS).resolve(RunLayout.FITS)).contains("\"law\" : \"exponential\""));

        Files.delete(out.resolve(RunLayout.PLOTS).resolve("energy.png"));
        Cli p = Cli.run("plot", out.toString());
        assertEquals(0, p.exit(), p.err());
        assertTrue(p.out().contains(out.resolve(RunLayout.PLOTS).resolve("energy.png").toString()), p.out());
        assertTrue(Files.exists(out.resolve(RunLayout.PLOTS).resolve("energy.png")));

        assertEquals(Main.BAD_INPUT, Cli.run("plot", dir.resolve("nowhere").toString()).exit());
    }

    @Test
    void noPlotsSkipsThem() throws IOException {
        Path out = dir.resolve("bare");
        assertEquals(0, Cli.run("run", scenario().toString(), "--out", out.toString(), "-q", "--no-plots").exit());
        assertFalse(Files.exists(out.resolve(RunLayout.PLOTS)));
    }

    @Test
    void aFailureToPlotIsOnlyAWarning() throws IOException {
        Path run = dir.resolve("broken");
        Files.createDirectories(run);
        Files.writeString(run.resolve(RunLayout.METRICS), "step,wallSeconds,time,energy\n0,0,0,1\n");
        Files.writeString(run.resolve(RunLayout.PLOTS), "a file where the plots directory should be");
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            Runs.plot(run, new lmo.engine.RunOutcome(lmo.engine.RunOutcome.Status.COMPLETED, 1, "", java.util.Map.of(),
                    null, null, 1, 1), false);
        } finally {
            System.setErr(old);
        }
        String warning = err.toString(StandardCharsets.UTF_8);
        assertTrue(warning.startsWith("lmo: warning: no plots in " + run.resolve(RunLayout.PLOTS)), warning);
        assertFalse(warning.contains("Exception"), "one line for the user, no exception class: " + warning);
    }

    @Test
    void compareWritesOnePngOfTheRuns() throws IOException {
        Path a = dir.resolve("a"), b = dir.resolve("b");
        assertEquals(0, Cli.run("run", scenario().toString(), "--out", a.toString(), "-q", "--no-plots").exit());
        assertEquals(0, Cli.run("run", scenario().toString(), "--out", b.toString(), "-q", "--no-plots",
                "--set", "dynamics.stepSize=0.05").exit());
        Path png = dir.resolve("cmp.png");
        Cli c = Cli.run("compare", a.toString(), b.toString(), "--metric", "energy", "--out", png.toString());
        assertEquals(0, c.exit(), c.err());
        assertEquals(png + "\n", c.out());
        assertTrue(ImageIO.read(png.toFile()).getWidth() > 0);

        Cli bad = Cli.run("compare", a.toString(), "--metric", "loss", "--out", png.toString());
        assertEquals(Main.BAD_INPUT, bad.exit());
        assertEquals(a + ": no metric 'loss'; it has energy, mass_particles\n", bad.err());
        assertEquals(Main.BAD_INPUT, Cli.run("compare", dir.toString()).exit(), "not a run directory");
    }
}
