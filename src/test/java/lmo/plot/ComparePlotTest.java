package lmo.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compare overlays one metric of several runs: one series per run, named after the run, in one PNG. */
class ComparePlotTest {
    @TempDir Path dir;

    @Test
    void oneSeriesPerRunNamedAfterTheRun() throws Exception {
        Path a = SyntheticRun.create(dir.resolve("a"), "sinkhorn-front", "torus", 1, "");
        Path b = SyntheticRun.create(dir.resolve("b"), "annealed", "torus", 1, "");
        Path c = SyntheticRun.create(dir.resolve("c"), "debiased", "torus", 1, "");
        SyntheticRun.metrics(a, 30, 0.1, t -> Math.exp(-t));
        SyntheticRun.metrics(b, 40, 0.1, t -> Math.exp(-2 * t));
        SyntheticRun.metrics(c, 50, 0.1, t -> Math.exp(-3 * t));
        Path png = dir.resolve("out/compare.png");
        var chart = ComparePlot.write(List.of(a, b, c), null, png);
        assertEquals(List.of("sinkhorn-front", "annealed", "debiased"), List.copyOf(chart.getSeriesMap().keySet()));
        assertEquals("energy of 3 runs", chart.getTitle(), "the first metric by default");
        SyntheticRun.assertPng(png);
    }

    @Test
    void clashingNamesFallBackToDirectoryNamesThenToPaths() throws Exception {
        Path a = SyntheticRun.create(dir.resolve("x/run"), "same", "torus", 1, "");
        Path b = SyntheticRun.create(dir.resolve("y/run"), "same", "torus", 1, "");
        Path c = SyntheticRun.create(dir.resolve("z/other"), "same", "torus", 1, "");
        assertEquals(List.of("run", "other"), ComparePlot.legends(List.of(a, c)));
        assertEquals(List.of(a.toString(), b.toString(), c.toString()), ComparePlot.legends(List.of(a, b, c)));
    }

    @Test
    void aMissingMetricNamesTheRunAndWhatItHas() {
        Path a = SyntheticRun.create(dir.resolve("a"), "a", "torus", 1, "");
        SyntheticRun.metrics(a, 3, 1, t -> 1);
        var e = assertThrows(IllegalArgumentException.class, () -> ComparePlot.write(List.of(a), "loss", dir.resolve("c.png")));
        assertEquals(a + ": no metric 'loss'; it has energy, mass_p", e.getMessage());
    }

    @Test
    void wallSecondsOnTheHorizontalAxisComparesHowFastRunsGetThere() throws Exception {
        Path a = SyntheticRun.create(dir.resolve("a"), "bsp", "torus", 1, "");
        SyntheticRun.metrics(a, 5, 0.1, t -> Math.exp(-t));
        var chart = ComparePlot.write(List.of(a), "energy", "wallSeconds", dir.resolve("w.png"));
        assertEquals("wall time (s)", chart.getXAxisTitle());
        double[] xs = chart.getSeriesMap().get("bsp").getXData();
        for (double x : xs) assertEquals(0.001, x, 0, "the wallSeconds column, not time");
        var e = assertThrows(IllegalArgumentException.class,
                () -> ComparePlot.write(List.of(a), "energy", "seconds", dir.resolve("x.png")));
        assertEquals("--x: expected one of step, wallSeconds, time, got 'seconds'", e.getMessage());
    }
}
