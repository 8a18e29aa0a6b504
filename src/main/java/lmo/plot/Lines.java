package lmo.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import lmo.plot.TrajectoryPlot.View;
import lmo.plot.Tracks.Track;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Trajectories drawn as lines whose width and opacity follow the mass: with r = m / M (M the largest mass of any
 * drawn particle at any recorded step), width {@code 0.5 + 3.5 r} pixels and opacity {@code 0.2 + 0.8 r}, r rounded
 * to {@link #LEVELS} levels (a path is split where its level changes); when every mass is the same, width 1.5 and
 * opacity 0.8. One colour per particle (ten, cycled), or one per player when several populations share a picture.
 */
final class Lines {
    static final int LEVELS = 8;
    private static final Color[] PALETTE = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
        new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194),
        new Color(127, 127, 127), new Color(188, 189, 34), new Color(23, 190, 207)};

    private Lines() {}

    /** Line width in pixels for r = m / M in [0, 1]. */
    static float width(double r) { return (float) (0.5 + 3.5 * r); }

    /** Opacity for r = m / M in [0, 1]. */
    static double alpha(double r) { return 0.2 + 0.8 * r; }

    /** r rounded to one of the levels 1/LEVELS, ..., 1 (a positive mass is never drawn at r = 0). */
    static double level(double m, double max) {
        if (!(max > 0) || !Double.isFinite(m)) return 1;
        return Math.max(1, Math.min(LEVELS, Math.ceil(m / max * LEVELS - 1e-9))) / LEVELS;
    }

    /** Draws the views (one population each, named by {@code names}) on one chart into {@code png}. */
    static Path draw(Path png, String title, List<String> names, List<View> views) throws IOException {
        return Charts.save(chart(title, names, views), png);
    }

    /** The chart of {@link #draw}: one series per piece of path, then the teacher's marks or lines. */
    static XYChart chart(String title, List<String> names, List<View> views) {
        boolean players = views.size() > 1;
        double max = views.stream().flatMap(v -> v.tracks().stream()).flatMapToDouble(t -> Arrays.stream(t.m()))
                .filter(Double::isFinite).max().orElse(1);
        double min = views.stream().flatMap(v -> v.tracks().stream()).flatMapToDouble(t -> Arrays.stream(t.m()))
                .filter(Double::isFinite).min().orElse(1);
        boolean equal = max <= min * (1 + 1e-9) + 1e-300;
        View first = views.get(0);
        String note = equal ? "" : " (line width, opacity: mass)";
        XYChart c = Charts.xy(title + note, first.xTitle(), first.yTitle());
        int chars = (title + note).length();   // the title is one line: smaller type for a long one (15 pt fits ~90)
        if (chars > 90) {
            c.getStyler().setChartTitleFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD,
                    Math.max(10, 15 * 90 / chars)));
        }
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        boolean legend = players || first.marks() != null || first.levels() != null;
        c.getStyler().setLegendVisible(legend);
        int n = 0;
        for (int v = 0; v < views.size(); v++) {
            List<Track> tracks = views.get(v).tracks();
            boolean named = false;
            for (int i = 0; i < tracks.size(); i++) {
                Color base = players ? PALETTE[v % PALETTE.length] : PALETTE[i % PALETTE.length];
                Track t = tracks.get(i);
                int start = 0;
                for (int r = 1; r <= t.x().length; r++) {
                    boolean end = r == t.x().length || t.cut()[r] || level(t.m()[r], max) != level(t.m()[start], max);
                    if (!end) continue;
                    double lv = equal ? Double.NaN : level(t.m()[start], max);
                    String label = players && !named ? names.get(v) : names.get(v) + " #" + i + "." + n;
                    XYSeries s = c.addSeries(label, Arrays.copyOfRange(t.x(), start, r), Arrays.copyOfRange(t.y(), start, r));
                    s.setMarker(SeriesMarkers.NONE);
                    s.setShowInLegend(players && !named);
                    s.setLineStyle(new BasicStroke(equal ? 1.5f : width(lv), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                    s.setLineColor(withAlpha(base, equal ? 0.8 : alpha(lv)));
                    named = true;
                    n++;
                    // a piece ended by a change of mass level shares its last point with the next, so the line stays whole
                    start = r < t.x().length && !t.cut()[r] ? r - 1 : r;
                }
            }
        }
        teacher(c, first);
        double[] box = first.box();
        if (box != null) c.getStyler().setXAxisMin(box[0]).setXAxisMax(box[1]).setYAxisMin(box[2]).setYAxisMax(box[3]);
        return c;
    }

    private static void teacher(XYChart c, View v) {
        if (v.marks() != null) {
            double[] x = Arrays.stream(v.marks()).mapToDouble(p -> p[0]).toArray();
            double[] y = Arrays.stream(v.marks()).mapToDouble(p -> p[1]).toArray();
            XYSeries s = c.addSeries("teacher neurons (" + x.length + ")", x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.DIAMOND).setMarkerColor(Color.BLACK);
        }
        if (v.levels() != null) {
            double t0 = Double.POSITIVE_INFINITY, t1 = Double.NEGATIVE_INFINITY;
            for (Track t : v.tracks()) for (double x : t.x()) if (Double.isFinite(x)) { t0 = Math.min(t0, x); t1 = Math.max(t1, x); }
            if (!(t1 >= t0)) return;
            for (int k = 0; k < v.levels().length; k++) {
                XYSeries s = c.addSeries(k == 0 ? "teacher neurons (" + v.levels().length + ")" : "teacher " + k,
                        new double[] {t0, t1}, new double[] {v.levels()[k], v.levels()[k]});
                s.setMarker(SeriesMarkers.NONE).setLineColor(Color.BLACK);
                s.setShowInLegend(k == 0);
                s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 5f}, 0f));
            }
        }
    }

    private static Color withAlpha(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * Math.max(0, Math.min(1, alpha))));
    }
}
