package lmo.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One metric of a run against mean-field time, with its fitted laws: a log y axis when the values span more than
 * two decades, log-log when a power law is fitted; each fit drawn as a dashed line over its window, its slope or
 * rate in the legend.
 */
public final class MetricPlot {
    /** Thick dashes: the fitted line stays visible on top of the data it fits. */
    private static final BasicStroke FIT_STROKE =
            new BasicStroke(4.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {12f, 6f}, 0f);
    private static final Color[] FIT_COLORS = {new Color(214, 39, 40, 170), new Color(255, 127, 14, 170), new Color(44, 160, 44, 170)};

    private MetricPlot() {}

    /** Writes {@code png}; returns false (writing nothing) when the metric has no plottable value. */
    public static boolean write(Path png, String runName, MetricsTable table, String metric, List<Fit> fits)
            throws IOException {
        return write(png, runName, table, metric, fits, null);
    }

    /** As {@link #write(Path, String, MetricsTable, String, List)}, with the metric's definition (or null) for the title. */
    static boolean write(Path png, String runName, MetricsTable table, String metric, List<Fit> fits, String definition)
            throws IOException {
        XYChart c = chart(runName, table, metric, fits, definition);
        if (c == null) return false;
        Charts.save(c, png);
        return true;
    }

    /** The chart {@link #write} saves, or null when the metric has no plottable value. */
    static XYChart chart(String runName, MetricsTable table, String metric, List<Fit> fits, String definition) {
        Charts.headless();
        double[] t = table.has("time") ? table.column("time") : table.column("step");
        double[] y = table.column(metric);
        boolean logX = fits.stream().anyMatch(Fit::power);
        boolean logY = logX || Charts.spansDecades(y) || errorLike(metric) && Charts.positive(y);
        double[][] p = Charts.plottable(t, y, logX, logY);
        if (p[0].length == 0) return null;
        StringBuilder title = new StringBuilder(title(runName, metric, table.has("time"), definition));
        fits.stream().filter(f -> !f.ok()).forEach(f -> title.append("  [").append(f.label()).append(']'));
        XYChart c = Charts.xy(title.toString(), table.has("time") ? "mean-field time t = step * stepSize" : "step", metric);
        c.getStyler().setXAxisLogarithmic(logX).setYAxisLogarithmic(logY);
        XYSeries s = c.addSeries(metric, p[0], p[1]);
        s.setMarker(p[0].length <= 60 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        int k = 0;
        for (Fit f : fits) {
            if (!f.ok()) continue;
            double[] line = window(f, p[0]);
            if (line == null) continue;
            double[] v = new double[line.length];
            for (int i = 0; i < line.length; i++) v[i] = f.at(line[i]);
            XYSeries fs = c.addSeries(f.label(), line, v);
            fs.setMarker(SeriesMarkers.NONE).setLineStyle(FIT_STROKE);
            fs.setLineColor(FIT_COLORS[k++ % FIT_COLORS.length]);
        }
        return c;
    }

    /** Titles longer than this name where the definition is instead of stating it (a title is one line). */
    static final int TITLE = 110;

    /**
     * {@code <run>: <metric> against mean-field time}, then the metric's definition from the model's conventions
     * ({@code summary.json}) when it fits on the line, else where to read it.
     */
    static String title(String runName, String metric, boolean time, String definition) {
        String t = runName + ": " + metric + " against " + (time ? "mean-field time" : "step");
        if (definition == null || definition.isBlank()) return t;
        String full = t + ": " + definition;
        return full.length() <= TITLE ? full : t + " (definition: summary.json conventions)";
    }

    /**
     * Metrics that measure a distance to a solution ({@code niError}, {@code localNiError}, {@code flowNorm}: names
     * ending in {@code Error} or {@code Norm}) are drawn on a log axis whenever positive: their decay is the point.
     */
    static boolean errorLike(String metric) { return metric.endsWith("Error") || metric.endsWith("Norm"); }

    /** 64 times across the fit's window clipped to the data (geometric for a power law), or null if empty. */
    private static double[] window(Fit f, double[] times) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double x : times) {
            if (Fit.inWindow(f.spec(), x) && (!f.power() || x > 0)) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        if (!(hi > lo)) return null;
        double[] out = new double[64];
        for (int i = 0; i < out.length; i++) {
            double a = i / (out.length - 1.0);
            out[i] = f.power() ? lo * Math.pow(hi / lo, a) : lo + a * (hi - lo);
        }
        return out;
    }
}
