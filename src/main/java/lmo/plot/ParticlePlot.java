package lmo.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lmo.io.RunLayout;
import lmo.io.Table;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Pictures of one population's state ({@code final-<population>.npy}: N rows of position coordinates then mass):
 * a mass-weighted histogram on T^1 and R^1, a histogram of the angle on the circle S^1 (sphere, dim 2), longitude
 * against latitude on S^2 (sphere, dim 3), and the first two coordinates otherwise (T^2, R^2 and higher), each
 * point coloured and sized by its mass. When the masses are not all equal, also position against mass (the first
 * coordinate, or the angle on S^1).
 */
public final class ParticlePlot {
    /** Plasma, from light masses (dark blue, small) to heavy ones (orange, large). */
    private static final Color[] MASS_COLORS = {new Color(13, 8, 135), new Color(106, 0, 168), new Color(177, 42, 144),
        new Color(225, 100, 98), new Color(252, 166, 54)};
    private static final double[] MASS_SIZES = {0.6, 0.8, 1.0, 1.3, 1.6};
    /** Scatter plots draw at most about this many points. */
    static final int MAX_POINTS = 20000;

    private ParticlePlot() {}

    /**
     * Writes {@code particles-<population>.png} and, when masses differ, {@code weights-<population>.png} into
     * {@code dir}; returns the files written.
     *
     * @param state N rows of {@code space.dim()} coordinates then the mass
     * @param what which state, for the title: {@code final} or {@code last good}
     */
    public static List<Path> write(Path dir, String runName, String population, RunInfo.Space space, Table state,
                                   String what) throws IOException {
        Charts.headless();
        int d = space.dim(), n = state.rows();
        if (state.cols() != d + 1) throw new IOException(population + ": " + state.cols() + " columns, expected " + (d + 1));
        double[] m = column(state, d);
        boolean circle = space.type().equals("sphere") && d == 2;
        double[] first = circle ? angles(state) : column(state, 0);
        String title = runName + ": " + population + ", " + what + " state (" + n + " particles, " + space.type() + " "
                + (space.type().equals("sphere") ? "S^" + (d - 1) : (space.type().equals("torus") ? "T^" : "R^") + d) + ")";
        String name = Charts.safe(population);
        List<Path> out = new ArrayList<>();
        XYChart c;
        if (d == 1 || circle) {
            double lo, hi;
            if (circle) {
                lo = -Math.PI;
                hi = Math.PI;
            } else if (space.type().equals("torus")) {
                lo = 0;
                hi = 1;
            } else {
                lo = min(first);
                hi = Math.max(max(first), lo + 1e-12);
            }
            c = histogram(title, circle ? "angle atan2(x2, x1) (radians)" : "position", first, m, lo, hi);
        } else if (space.type().equals("sphere") && d == 3) {
            double[] lon = new double[n], lat = new double[n];
            for (int i = 0; i < n; i++) {
                lon[i] = Math.toDegrees(Math.atan2(state.get(i, 1), state.get(i, 0)));
                lat[i] = Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, state.get(i, 2)))));
            }
            c = scatter(title, "longitude (degrees)", "latitude (degrees)", lon, lat, m);
            c.getStyler().setXAxisMin(-180.0).setXAxisMax(180.0).setYAxisMin(-90.0).setYAxisMax(90.0);
        } else {
            String more = d > 2 ? " (first 2 of " + d + " coordinates)" : "";
            c = scatter(title + more, "x1", "x2", first, column(state, 1), m);
            if (space.type().equals("torus")) c.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        }
        out.add(Charts.save(c, dir.resolve(RunLayout.particlesPlot(name))));
        if (max(m) > min(m) * (1 + 1e-9)) {
            XYChart w = Charts.xy(runName + ": " + population + ", position against mass (" + what + " state)",
                    circle ? "angle (radians)" : d == 1 ? "position" : "x1", "mass");
            w.getStyler().setYAxisLogarithmic(Charts.spansDecades(m)).setLegendVisible(false);
            int stride = Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS);
            double[][] p = Charts.plottable(every(first, stride), every(m, stride), false, Charts.spansDecades(m));
            w.addSeries("particles", p[0], p[1]).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            w.getStyler().setMarkerSize(n > 5000 ? 3 : 5);
            if (!Charts.spansDecades(m)) w.getStyler().setYAxisMin(0.0);
            if (space.type().equals("torus")) w.getStyler().setXAxisMin(0.0).setXAxisMax(1.0);
            out.add(Charts.save(w, dir.resolve(RunLayout.weightsPlot(name))));
        }
        return out;
    }

    /** The outline of a mass-weighted histogram, normalised to a probability density on [lo, hi]. */
    private static XYChart histogram(String title, String xTitle, double[] x, double[] m, double lo, double hi) {
        int bins = (int) Math.max(10, Math.min(100, Math.round(Math.sqrt(x.length))));
        double[] mass = new double[bins];
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(m[i])) continue;
            int b = (int) Math.floor((x[i] - lo) / (hi - lo) * bins);
            mass[Math.max(0, Math.min(bins - 1, b))] += m[i];
            total += m[i];
        }
        double width = (hi - lo) / bins;
        double[] ox = new double[2 * bins + 2], oy = new double[2 * bins + 2];
        ox[0] = lo;
        for (int b = 0; b < bins; b++) {
            double density = total > 0 ? mass[b] / (total * width) : 0;
            ox[2 * b + 1] = lo + b * width;
            ox[2 * b + 2] = lo + (b + 1) * width;
            oy[2 * b + 1] = density;
            oy[2 * b + 2] = density;
        }
        ox[2 * bins + 1] = hi;
        XYChart c = Charts.xy(title, xTitle, "density (mass-weighted, " + bins + " bins)");
        c.getStyler().setYAxisMin(0.0).setLegendVisible(false);
        c.getStyler().setXAxisDecimalPattern("0.###");
        XYSeries s = c.addSeries("density", ox, oy);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area).setMarker(SeriesMarkers.NONE);
        s.setFillColor(new Color(31, 119, 180, 120));
        s.setLineColor(new Color(31, 119, 180));
        return c;
    }

    /**
     * Points in five classes of mass, each a series coloured and sized by its class (one series if all equal); above
     * {@link #MAX_POINTS} particles, every k-th particle is drawn (the title says so).
     */
    private static XYChart scatter(String title, String xTitle, String yTitle, double[] x, double[] y, double[] m) {
        int stride = Math.max(1, (x.length + MAX_POINTS - 1) / MAX_POINTS);
        XYChart c = Charts.xy(stride > 1 ? title + ", 1 in " + stride + " shown" : title, xTitle, yTitle);
        c.getStyler().setMarkerSize(x.length > 5000 ? 3 : 5).setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        double lo = min(m), hi = max(m);
        int classes = hi > lo * (1 + 1e-9) ? MASS_COLORS.length : 1;
        for (int k = 0; k < classes; k++) {
            List<Double> cx = new ArrayList<>(), cy = new ArrayList<>();
            for (int i = 0; i < x.length; i += stride) {
                int ki = classes == 1 ? 0 : (int) Math.min(classes - 1, Math.floor((m[i] - lo) / (hi - lo) * classes));
                if (ki == k && Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                    cx.add(x[i]);
                    cy.add(y[i]);
                }
            }
            if (cx.isEmpty()) continue;
            String label = classes == 1 ? "mass " + Charts.num(lo) + " each"
                    : "mass " + Charts.num(lo + k * (hi - lo) / classes) + " to " + Charts.num(lo + (k + 1) * (hi - lo) / classes);
            XYSeries s = c.addSeries(label, cx, cy);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            int color = classes == 1 ? 0 : k;
            s.setMarker(Charts.circle(classes == 1 ? 1 : MASS_SIZES[k])).setMarkerColor(MASS_COLORS[color]);
        }
        return c;
    }

    private static double[] every(double[] v, int stride) {
        double[] out = new double[(v.length + stride - 1) / stride];
        for (int i = 0; i < out.length; i++) out[i] = v[i * stride];
        return out;
    }

    private static double[] angles(Table t) {
        double[] a = new double[t.rows()];
        for (int i = 0; i < a.length; i++) a[i] = Math.atan2(t.get(i, 1), t.get(i, 0));
        return a;
    }

    private static double[] column(Table t, int c) {
        double[] v = new double[t.rows()];
        for (int i = 0; i < v.length; i++) v[i] = t.get(i, c);
        return v;
    }

    private static double min(double[] v) {
        double r = Double.POSITIVE_INFINITY;
        for (double x : v) if (Double.isFinite(x)) r = Math.min(r, x);
        return Double.isFinite(r) ? r : 0;
    }

    private static double max(double[] v) {
        double r = Double.NEGATIVE_INFINITY;
        for (double x : v) if (Double.isFinite(x)) r = Math.max(r, x);
        return Double.isFinite(r) ? r : 0;
    }
}
