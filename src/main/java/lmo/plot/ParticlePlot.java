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
        Coords p = coords(space, state);
        String name = Charts.safe(population);
        List<Path> out = new ArrayList<>();
        out.add(Charts.save(picture(runName + ": " + population + ", " + what + " state", space, state, null),
                dir.resolve(RunLayout.particlesPlot(name))));
        double[] first = p.circle() ? p.x() : column(state, 0), m = p.m();
        if (max(m) > min(m) * (1 + 1e-9)) {
            XYChart w = Charts.xy(runName + ": " + population + ", position against mass (" + what + " state)",
                    p.circle() ? "angle (radians)" : d == 1 ? "position" : "x1", "mass");
            w.getStyler().setYAxisLogarithmic(Charts.spansDecades(m)).setLegendVisible(false);
            int stride = Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS);
            double[][] q = Charts.plottable(every(first, stride), every(m, stride), false, Charts.spansDecades(m));
            w.addSeries("particles", q[0], q[1]).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            w.getStyler().setMarkerSize(n > 5000 ? 3 : 5);
            if (!Charts.spansDecades(m)) w.getStyler().setYAxisMin(0.0);
            if (space.type().equals("torus")) w.getStyler().setXAxisMin(0.0).setXAxisMax(1.0);
            out.add(Charts.save(w, dir.resolve(RunLayout.weightsPlot(name))));
        }
        return out;
    }

    /**
     * Axes fixed over several pictures of one population (the frames of an {@link Animation}): the horizontal range
     * (the histogram's on 1-D spaces), the vertical one (density from 0 on histograms), the histogram's bins and the
     * mass range of the colour classes.
     */
    record Axes(double xLo, double xHi, double yLo, double yHi, int bins, double massLo, double massHi) {}

    /**
     * A state as the picture draws it: {@code x}, and {@code y} for scatter plots (null for histograms), the masses,
     * the axis titles, and whether x is the angle on S^1.
     */
    record Coords(double[] x, double[] y, double[] m, String xTitle, String yTitle, boolean circle) {
        boolean histogram() { return y == null; }
    }

    /** The picture's coordinates of a state; an IOException if it has not {@code space.dim() + 1} columns. */
    static Coords coords(RunInfo.Space space, Table state) throws IOException {
        int d = space.dim(), n = state.rows();
        if (state.cols() != d + 1) throw new IOException(state.cols() + " columns, expected " + (d + 1));
        double[] m = column(state, d);
        if (space.type().equals("sphere") && d == 2) {
            return new Coords(angles(state), null, m, "angle atan2(x2, x1) (radians)", null, true);
        }
        if (d == 1) return new Coords(column(state, 0), null, m, "position", null, false);
        if (space.type().equals("sphere") && d == 3) {
            double[] lon = new double[n], lat = new double[n];
            for (int i = 0; i < n; i++) {
                lon[i] = Math.toDegrees(Math.atan2(state.get(i, 1), state.get(i, 0)));
                lat[i] = Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, state.get(i, 2)))));
            }
            return new Coords(lon, lat, m, "longitude (degrees)", "latitude (degrees)", false);
        }
        return new Coords(column(state, 0), column(state, 1), m, "x1", "x2", false);
    }

    /**
     * The chart of {@code particles-<population>.png}: {@code heading}, then the particle count and space in the
     * title; with {@code fixed}, its axes, bins and mass classes instead of the state's own; an IOException if the
     * state has not {@code space.dim() + 1} columns.
     */
    static XYChart picture(String heading, RunInfo.Space space, Table state, Axes fixed) throws IOException {
        int d = space.dim();
        Coords p = coords(space, state);
        String title = heading + " (" + state.rows() + " particles, " + space.type() + " "
                + (space.type().equals("sphere") ? "S^" + (d - 1) : (space.type().equals("torus") ? "T^" : "R^") + d) + ")";
        if (p.histogram()) {
            double[] r = fixed != null ? new double[] {fixed.xLo(), fixed.xHi()} : ownRange(space, p);
            int bins = fixed != null ? fixed.bins() : bins(p.x().length);
            XYChart c = histogram(title, p.xTitle(), p.x(), p.m(), r[0], r[1], bins);
            if (fixed != null) c.getStyler().setYAxisMax(fixed.yHi());
            return c;
        }
        double mLo = fixed != null ? fixed.massLo() : min(p.m()), mHi = fixed != null ? fixed.massHi() : max(p.m());
        boolean s2 = space.type().equals("sphere") && d == 3;
        String more = d > 2 && !s2 ? " (first 2 of " + d + " coordinates)" : "";
        XYChart c = scatter(title + more, p.xTitle(), p.yTitle(), p.x(), p.y(), p.m(), mLo, mHi);
        if (s2) {
            c.getStyler().setXAxisMin(-180.0).setXAxisMax(180.0).setYAxisMin(-90.0).setYAxisMax(90.0);
        } else if (space.type().equals("torus")) {
            c.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        } else if (fixed != null) {
            c.getStyler().setXAxisMin(fixed.xLo()).setXAxisMax(fixed.xHi()).setYAxisMin(fixed.yLo()).setYAxisMax(fixed.yHi());
        }
        return c;
    }

    /** A histogram's range from the space alone, or the state's: [-pi, pi] on S^1, [0, 1] on T^1, min to max on R^1. */
    static double[] ownRange(RunInfo.Space space, Coords p) {
        if (p.circle()) return new double[] {-Math.PI, Math.PI};
        if (space.type().equals("torus")) return new double[] {0, 1};
        double lo = min(p.x());
        return new double[] {lo, Math.max(max(p.x()), lo + 1e-12)};
    }

    /** The number of histogram bins for n particles: sqrt(n), from 10 to 100. */
    static int bins(int n) {
        return (int) Math.max(10, Math.min(100, Math.round(Math.sqrt(n))));
    }

    /** The mass-weighted probability density of each of {@code bins} bins on [lo, hi] (non-finite points skipped). */
    static double[] densities(double[] x, double[] m, double lo, double hi, int bins) {
        double[] mass = new double[bins];
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(m[i])) continue;
            int b = (int) Math.floor((x[i] - lo) / (hi - lo) * bins);
            mass[Math.max(0, Math.min(bins - 1, b))] += m[i];
            total += m[i];
        }
        double width = (hi - lo) / bins;
        for (int b = 0; b < bins; b++) mass[b] = total > 0 ? mass[b] / (total * width) : 0;
        return mass;
    }

    /** The outline of a mass-weighted histogram, normalised to a probability density on [lo, hi]. */
    private static XYChart histogram(String title, String xTitle, double[] x, double[] m, double lo, double hi, int bins) {
        double[] density = densities(x, m, lo, hi, bins);
        double width = (hi - lo) / bins;
        double[] ox = new double[2 * bins + 2], oy = new double[2 * bins + 2];
        ox[0] = lo;
        for (int b = 0; b < bins; b++) {
            ox[2 * b + 1] = lo + b * width;
            ox[2 * b + 2] = lo + (b + 1) * width;
            oy[2 * b + 1] = density[b];
            oy[2 * b + 2] = density[b];
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
     * {@link #MAX_POINTS} particles, every k-th particle is drawn (the title says so). The classes split [lo, hi].
     */
    private static XYChart scatter(String title, String xTitle, String yTitle, double[] x, double[] y, double[] m,
                                   double lo, double hi) {
        int stride = Math.max(1, (x.length + MAX_POINTS - 1) / MAX_POINTS);
        XYChart c = Charts.xy(stride > 1 ? title + ", 1 in " + stride + " shown" : title, xTitle, yTitle);
        c.getStyler().setMarkerSize(x.length > 5000 ? 3 : 5).setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        int classes = hi > lo * (1 + 1e-9) ? MASS_COLORS.length : 1;
        for (int k = 0; k < classes; k++) {
            List<Double> cx = new ArrayList<>(), cy = new ArrayList<>();
            for (int i = 0; i < x.length; i += stride) {
                int ki = classes == 1 ? 0 : (int) Math.max(0, Math.min(classes - 1, Math.floor((m[i] - lo) / (hi - lo) * classes)));
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
