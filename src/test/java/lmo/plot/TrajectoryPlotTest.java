package lmo.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lmo.io.RunLayout;
import lmo.model.neural.Activation;
import lmo.model.neural.Teacher;
import lmo.plot.TrajectoryPlot.View;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** Trajectory pictures: the geometry (unwrap, wrap breaks), width and opacity by mass, games and teachers. */
class TrajectoryPlotTest {
    @TempDir Path dir;

    private static String yaml(String model, String pops) {
        return "name: tr\nseed: 4\nsteps: 100\npopulations:\n" + pops + "model:\n" + model + "output:\n  every: 1\n";
    }

    private static double[][][] paths(int steps, int k, int dim, SyntheticRun.Row row) {
        double[][][] p = new double[steps][k][];
        for (int s = 0; s < steps; s++) for (int i = 0; i < k; i++) p[s][i] = row.at(s, i);
        return p;
    }

    private static double[] times(int n) {
        double[] t = new double[n];
        for (int s = 0; s < n; s++) t[s] = 0.1 * s;
        return t;
    }

    @Test
    void aParticleCrossingZeroOnTheCircleHasAContinuousPath() {
        double[] wrapped = new double[30], down = new double[30];
        for (int s = 0; s < 30; s++) {
            wrapped[s] = (0.8 + 0.07 * s) % 1.0;
            down[s] = ((0.2 - 0.09 * s) % 1.0 + 1.0) % 1.0;
        }
        double[] up = Tracks.unwrap(wrapped, 1), dn = Tracks.unwrap(down, 1);
        for (int s = 0; s < 30; s++) {
            assertEquals(0.8 + 0.07 * s, up[s], 1e-12, "step " + s);
            assertEquals(0.2 - 0.09 * s, dn[s], 1e-12, "step " + s);
        }
        double[] angle = Tracks.unwrap(new double[] {3.0, -3.1, 3.0}, 2 * Math.PI);
        assertEquals(-3.1 + 2 * Math.PI, angle[1], 1e-12, "across the ±pi seam of the angle");
        assertEquals(3.0, angle[2], 1e-12);
    }

    @Test
    void aTorusRunDrawsOneContinuousLinePerParticle() throws IOException {
        Path run = SyntheticRun.create(dir, "t1", "torus", 1, "");
        SyntheticRun.metrics(run, 3, 1, t -> 1);
        SyntheticRun.trajectories(run, "p", 40, 3, 1, 0.05, (s, i) -> new double[] {((0.9 + 0.02 * s * (i - 1)) % 1.0 + 1.0) % 1.0, 1.0 / 3});
        List<Path> files = RunPlots.write(run);
        Path png = run.resolve(RunLayout.PLOTS).resolve("trajectories-p.png");
        assertTrue(files.contains(png), files.toString());
        SyntheticRun.assertPng(png);
        View v = Views.of(new RunInfo.Space("torus", 1), paths(40, 3, 1, (s, i) -> new double[] {(0.9 + 0.02 * s) % 1.0, 0.5}),
                times(40), null);
        XYChart c = Lines.chart("t", List.of("p"), List.of(v));
        assertEquals(3, c.getSeriesMap().size(), "equal masses, no break: one series per particle");
        XYSeries s = c.getSeriesMap().values().iterator().next();
        assertEquals(0.9 + 0.02 * 39, s.getYData()[39], 1e-12, "unwrapped past 1");
        assertEquals(0.1 * 39, s.getXData()[39], 1e-12, "against mean-field time");
    }

    @Test
    void aPathOnTheSquareIsBrokenWhereItWraps() {
        View v = Views.of(new RunInfo.Space("torus", 2), paths(20, 1, 2, (s, i) -> new double[] {(0.7 + 0.05 * s) % 1.0, 0.5, 1}),
                times(20), null);
        XYChart c = Lines.chart("t", List.of("p"), List.of(v));
        assertEquals(2, c.getSeriesMap().size(), "one break, where x passes 1");
        for (XYSeries s : c.getSeriesMap().values()) {
            double[] x = s.getXData();
            for (int k = 1; k < x.length; k++) assertTrue(Math.abs(x[k] - x[k - 1]) < 0.5, "no line across the square");
        }
    }

    @Test
    void aPathOnTheSphereIsBrokenAtTheSeam() {
        View v = Views.of(new RunInfo.Space("sphere", 3), paths(20, 1, 3, (s, i) -> {
            double lon = Math.toRadians(150 + 5 * s);
            return new double[] {Math.cos(lon), Math.sin(lon), 0, 1};
        }), times(20), null);
        assertEquals(2, Lines.chart("t", List.of("p"), List.of(v)).getSeriesMap().size(), "broken at 180 degrees");
    }

    @Test
    void widthAndOpacityFollowTheMass() {
        assertEquals(4f, Lines.width(1), 1e-6);
        assertEquals(0.5f, Lines.width(0), 1e-6);
        assertEquals(1.0, Lines.alpha(1), 1e-12);
        assertEquals(0.2, Lines.alpha(0), 1e-12);
        assertEquals(1.0 / Lines.LEVELS, Lines.level(1e-9, 1), 1e-12, "a positive mass is never invisible");
        assertEquals(0.5, Lines.level(0.5, 1), 1e-12);
        // particle 0 grows from mass 0.1 to 1 (split at each change of level), particle 1 keeps 0.1
        View v = Views.of(new RunInfo.Space("euclidean", 1), paths(10, 2, 1, (s, i) -> new double[] {s, i == 0 ? 0.1 + 0.1 * s : 0.1}),
                times(10), null);
        XYChart c = Lines.chart("t", List.of("p"), List.of(v));
        assertTrue(c.getSeriesMap().size() > 4, "the growing particle is drawn in pieces: " + c.getSeriesMap().size());
        XYSeries last = null;
        for (XYSeries s : c.getSeriesMap().values()) if (s.getName().startsWith("p #0")) last = s;
        assertEquals(4f, last.getLineStyle().getLineWidth(), 1e-6, "the heaviest piece is the widest");
        assertEquals(255, last.getLineColor().getAlpha());
    }

    @Test
    void aGameDrawsBothPlayersOnOneFigure() throws IOException {
        Path run = SyntheticRun.scenario(dir, yaml("  type: game\n",
                "  x: {count: 2, space: {type: torus, dim: 1}}\n  y: {count: 2, space: {type: torus, dim: 1}}\n"));
        SyntheticRun.metrics(run, 3, 1, t -> 1);
        SyntheticRun.trajectories(run, "x", 25, 2, 1, 0.1, (s, i) -> new double[] {(0.3 + 0.04 * s) % 1.0, 0.4 + 0.2 * i});
        SyntheticRun.trajectories(run, "y", 25, 2, 1, 0.1, (s, i) -> new double[] {(0.6 - 0.03 * s + 1) % 1.0, 0.6 - 0.2 * i});
        List<String> names = RunPlots.write(run).stream().map(p -> p.getFileName().toString()).toList();
        for (String f : List.of("trajectories-x.png", "trajectories-y.png", "trajectories.png")) {
            assertTrue(names.contains(f), names.toString());
            SyntheticRun.assertPng(run.resolve(RunLayout.PLOTS).resolve(f));
        }
        View vx = Views.of(new RunInfo.Space("torus", 1), paths(5, 2, 1, (s, i) -> new double[] {0.1 * s, 0.5}), times(5), null);
        XYChart c = Lines.chart("t", List.of("x (minimiser)", "y (maximiser)"), List.of(vx, vx));
        assertEquals(List.of("x (minimiser)", "y (maximiser)"), c.getSeriesMap().values().stream().filter(XYSeries::isShowInLegend).map(XYSeries::getName).toList());
        assertTrue(c.getStyler().isLegendVisible());
    }

    @Test
    void playersInDifferentSpacesGetNoCommonFigure() throws IOException {
        Path run = SyntheticRun.scenario(dir, yaml("  type: game\n",
                "  x: {count: 1, space: {type: torus, dim: 1}}\n  y: {count: 1, space: {type: torus, dim: 2}}\n"));
        SyntheticRun.metrics(run, 3, 1, t -> 1);
        SyntheticRun.trajectories(run, "y", 5, 1, 2, 0.1, (s, i) -> new double[] {0.1 * s, 0.5, 1});
        SyntheticRun.trajectories(run, "x", 5, 1, 1, 0.1, (s, i) -> new double[] {0.1 * s, 1});
        List<String> names = RunPlots.write(run).stream().map(p -> p.getFileName().toString()).toList();
        assertTrue(names.containsAll(List.of("trajectories-x.png", "trajectories-y.png")), names.toString());
        assertFalse(names.contains("trajectories.png"), names.toString());
    }

    @Test
    void aTwoLayerNetworkMarksItsTeachersDirections() throws IOException {
        String model = "  type: two-layer\n  readout: mass\n  data:\n    inputs: {type: sphere, dim: 3, count: 10}\n"
                + "    teacher: {neurons: 3, seed: 11}\n";
        Path run = SyntheticRun.scenario(dir, yaml(model, "  neurons: {count: 4, space: {type: sphere, dim: 3}}\n"));
        double[][] teacher = TeacherDirections.read(RunInfo.tree(run));
        assertArrayEquals(Teacher.random(3, 3, false, Activation.RELU, 11).weights(),
                java.util.stream.Stream.of(teacher).flatMapToDouble(java.util.Arrays::stream).toArray(), 0, "the model's own teacher");
        // a neuron on teacher 1 projects to (1, 0), the teachers are marked
        double[] w1 = teacher[0];
        View v = Views.of(new RunInfo.Space("sphere", 3), paths(6, 2, 3, (s, i) -> i == 0 ? new double[] {w1[0], w1[1], w1[2], 1}
                : new double[] {0, 0, 1, 1}), times(6), teacher);
        XYChart c = Lines.chart("t", List.of("neurons"), List.of(v));
        XYSeries on = c.getSeriesMap().values().iterator().next();
        assertEquals(1, on.getXData()[5], 1e-12);
        assertEquals(0, on.getYData()[5], 1e-12);
        XYSeries marks = c.getSeriesMap().get("teacher neurons (3)");
        assertEquals(3, marks.getXData().length);
        assertEquals(1, marks.getXData()[0], 1e-12);
        SyntheticRun.metrics(run, 3, 1, t -> 1);
        SyntheticRun.trajectories(run, "neurons", 6, 1, 3, 0.1, (s, i) -> new double[] {0, Math.sin(0.1 * s), Math.cos(0.1 * s), 0.5});
        assertTrue(RunPlots.write(run).contains(run.resolve(RunLayout.PLOTS).resolve("trajectories-neurons.png")));
        assertNull(TeacherDirections.read(RunInfo.tree(SyntheticRun.scenario(dir.resolve("g"), yaml("  type: game\n", "")))));
    }

    @Test
    void aCircleTeachersAnglesAreDashedLines() throws IOException {
        String model = "  type: two-layer\n  readout: mass\n  data:\n    inputs: {type: sphere, dim: 2, count: 10}\n"
                + "    teacher: {type: circle, neurons: 4}\n";
        Path run = SyntheticRun.scenario(dir, yaml(model, "  neurons: {count: 4, space: {type: sphere, dim: 2}}\n"));
        double[][] teacher = TeacherDirections.read(RunInfo.tree(run));
        assertEquals(4, teacher.length);
        assertEquals(Math.PI / 4, Math.atan2(teacher[0][1], teacher[0][0]), 1e-12, "angles 2 pi (t + 1/2) / k");
        View v = Views.of(new RunInfo.Space("sphere", 2), paths(10, 1, 2, (s, i) -> {
            double a = 2.8 + 0.1 * s; // crosses pi: broken there, not unwrapped, so the teachers' lines stay true
            return new double[] {Math.cos(a), Math.sin(a), 1};
        }), times(10), teacher);
        XYChart c = Lines.chart("t", List.of("neurons"), List.of(v));
        assertEquals(2 + 4, c.getSeriesMap().size(), "two pieces of path, four teacher lines");
        assertEquals(1, c.getSeriesMap().values().stream().filter(XYSeries::isShowInLegend).count());
    }

    @Test
    void aNonFiniteStepLeavesAGap() throws IOException {
        View v = Views.of(new RunInfo.Space("torus", 1), paths(10, 1, 1, (s, i) -> new double[] {s == 4 ? Double.NaN : (0.95 + 0.02 * s) % 1.0,
            s == 7 ? Double.NaN : 1}), times(10), null);
        assertEquals(0.95 + 0.02 * 9, v.tracks().get(0).y()[9], 1e-12, "unwrapped across the gap");
        Path png = Lines.draw(dir.resolve("nan.png"), "t", List.of("p"), List.of(v));
        SyntheticRun.assertPng(png);
    }

    @Test
    void aFileOfTheWrongShapeIsNamed() throws IOException {
        Path run = SyntheticRun.create(dir, "bad", "torus", 2, "");
        SyntheticRun.metrics(run, 3, 1, t -> 1);
        SyntheticRun.trajectories(run, "p", 5, 2, 1, 0.1, (s, i) -> new double[] {0.5, 1});
        IOException e = assertThrows(IOException.class, () -> RunPlots.write(run));
        assertTrue(e.getMessage().contains("trajectories-p.npy") && e.getMessage().contains("(5, K, 3)"), e.getMessage());
        SyntheticRun.trajectories(run, "p", 0, 0, 2, 0.1, (s, i) -> null);
        assertFalse(RunPlots.write(run).stream().anyMatch(p -> p.getFileName().toString().startsWith("trajectories")),
                "nothing recorded, no picture");
        Files.delete(run.resolve(TrajectoryPlot.STEPS));
        assertFalse(RunPlots.write(run).stream().anyMatch(p -> p.getFileName().toString().startsWith("trajectories")));
    }
}
