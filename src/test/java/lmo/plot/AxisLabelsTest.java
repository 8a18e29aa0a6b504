package lmo.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import lmo.io.RunLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

/** Tick labels as the chart draws them (read from the chart, not from pixels), and the number format. */
class AxisLabelsTest {
    /** Paints the chart into an image, as saving it does, so that its labels are computed. */
    private static AxisChart painted(double[] x, double[] y, boolean logX, boolean logY) {
        Charts.headless();
        AxisChart c = (AxisChart) Charts.xy("t", "x", "y");
        c.getStyler().setXAxisLogarithmic(logX).setYAxisLogarithmic(logY);
        c.addSeries("s", x, y);
        return paint(c);
    }

    private static AxisChart paint(XYChart chart) {
        AxisChart c = (AxisChart) chart;
        BufferedImage image = new BufferedImage(Charts.WIDTH, Charts.HEIGHT, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        c.paint(g, Charts.WIDTH, Charts.HEIGHT);
        g.dispose();
        return c;
    }

    @Test
    void aLogAxisOverThreeDecadesLabelsEachDecade() {
        AxisChart c = painted(new double[] {1, 2, 3}, new double[] {1e-3, 0.02, 1}, false, true);
        assertEquals(List.of("0.001", "0.01", "0.1", "1"), c.yLabels());
        AxisChart d = painted(new double[] {1, 2, 3}, new double[] {2e-9, 3e-7, 5e-6}, false, true);
        assertEquals(List.of("1e-8", "1e-7", "1e-6"), d.yLabels(), "three decades inside [2e-9, 5e-6]");
    }

    @Test
    void underTwoDecadesTwoAndFiveAreLabelledToo() {
        AxisChart c = painted(new double[] {1, 2, 3}, new double[] {0.012, 0.3, 0.9}, false, true);
        assertEquals(List.of("0.02", "0.05", "0.1", "0.2", "0.5"), c.yLabels());
        assertEquals(List.of("1", "1.2", "1.4", "1.6", "1.8", "2", "2.2", "2.4", "2.6", "2.8", "3"), c.xLabels(),
                "a linear axis: XChart's round ticks, inside the axis");
    }

    @Test
    void aLinearAxisPrintsLeadingZerosAndRoundTicksForEvenValues() {
        double[] t = new double[101], y = new double[101];
        for (int k = 0; k <= 100; k++) {
            t[k] = 0.01 * k;
            y[k] = 0.2 * k / 100;
        }
        AxisChart c = painted(t, y, false, false);
        assertTrue(c.yLabels().contains("0.02"), c.yLabels().toString());
        assertTrue(c.yLabels().stream().noneMatch(l -> l.startsWith(".")), c.yLabels().toString());
        assertTrue(c.xLabels().containsAll(List.of("0", "0.2", "0.4", "1")), "evenly spaced times, round ticks: " + c.xLabels());
        assertTrue(c.getSeriesMap().size() == 1, "the tick helper is gone after the paint");
    }

    @Test
    void logLogAxesLabelBoth() {
        AxisChart c = painted(new double[] {10, 100, 1000, 1e4, 1e5}, new double[] {1, 0.1, 0.01, 1e-3, 1e-4}, true, true);
        assertEquals(List.of("10", "100", "1000", "10000", "1e5"), c.xLabels());
        assertEquals(List.of("1e-4", "0.001", "0.01", "0.1", "1"), c.yLabels());
    }

    @Test
    void aPowerLawFitIsDrawnOnLogLogAxesWithEveryDecadeLabelled(@TempDir Path dir) throws IOException {
        Path run = SyntheticRun.create(dir, "pw", "torus", 1, "  fit:\n    - {metric: energy, law: power, from: 1, to: 1000}\n");
        SyntheticRun.metrics(run, 1001, 1, t -> 1 / (t * t));
        MetricsTable table = MetricsTable.read(run.resolve(RunLayout.METRICS));
        List<Fit> fits = RunPlots.fits(RunInfo.read(run).fits(), table);
        AxisChart c = paint(MetricPlot.chart("pw", table, "energy", fits, "E = (1/2) |f - f*|^2"));
        assertTrue(c.getStyler().isXAxisLogarithmic() && c.getStyler().isYAxisLogarithmic());
        assertEquals(List.of("1", "10", "100", "1000"), c.xLabels());
        assertEquals(List.of("1e-6", "1e-5", "1e-4", "0.001", "0.01", "0.1", "1"), c.yLabels());
        assertEquals("pw: energy against mean-field time: E = (1/2) |f - f*|^2", c.getTitle());
        assertEquals("mean-field time t = step * stepSize", c.getXAxisTitle());
        assertTrue(MetricPlot.title("r", "m", true, "x".repeat(200)).endsWith("(definition: summary.json conventions)"));
    }

    @Test
    void aMetricsDefinitionIsReadFromTheConventions() throws IOException {
        com.fasterxml.jackson.databind.JsonNode c = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree("{\"marginalError_k\": \"l1 error\", \"cost\": \"c\", \"scale\": 2}");
        assertEquals("l1 error", RunPlots.definition(c, "marginalError_3"));
        assertEquals("c", RunPlots.definition(c, "cost"));
        assertEquals(null, RunPlots.definition(c, "scale"), "a number is a parameter, not a definition");
        assertEquals(null, RunPlots.definition(c, "energy"));
    }

    @Test
    void aNarrowRangeLabelsEveryDigit() {
        assertEquals(List.of(0.3, 0.4), Ticks.log(0.3, 0.45));
        assertTrue(Ticks.log(-1, 1).isEmpty());
    }

    @Test
    void numbersPrintShort() {
        assertEquals("0.05", Ticks.format(0.05));
        assertEquals("1e-7", Ticks.format(1e-7));
        assertEquals("2.5e-6", Ticks.format(2.5e-6));
        assertEquals("100", Ticks.format(100));
        assertEquals("10000", Ticks.format(1e4));
        assertEquals("3e5", Ticks.format(3e5));
        assertEquals("0.001", Ticks.format(1e-3));
        assertEquals("-0.3", Ticks.format(-0.30000000000000004));
        assertEquals("0", Ticks.format(0));
        assertEquals("1.7e-7", Charts.num(1.7e-7));
        assertEquals("1.235e10", Charts.num(1.23456e10));
    }
}
