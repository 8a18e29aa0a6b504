package lmo.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Circle;
import org.knowm.xchart.style.markers.Marker;

/**
 * What every chart shares: headless AWT, the look, the log-scale rule, number labels and atomic PNG writing. Every
 * chart is an {@link AxisChart}: tick labels by the rule of {@link Ticks} (every decade of a log axis labelled, 2 and
 * 5 times each decade too under two decades; {@code 0.05}, {@code 1e-7}).
 * {@link #headless()} must run before any AWT class loads; every entry point of this package calls it.
 */
public final class Charts {
    /** A log axis is used when the positive values span at least this ratio (two decades). */
    static final double DECADES = 100;
    static final int WIDTH = 900, HEIGHT = 600;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {}

    /** Makes AWT headless (no display is needed to draw PNGs). */
    public static void headless() {
        // the static initialiser did it
    }

    static XYChart xy(String title, String xTitle, String yTitle) {
        XYChart c = new AxisChart(WIDTH, HEIGHT);
        c.setTitle(title);
        c.setXAxisTitle(xTitle);
        c.setYAxisTitle(yTitle);
        c.getStyler().setChartBackgroundColor(Color.WHITE).setLegendPosition(Styler.LegendPosition.InsideNE)
                .setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        c.getStyler().setPlotGridLinesColor(new Color(220, 220, 220));
        c.getStyler().setMarkerSize(5);
        return c;
    }

    /** True if every finite value is positive and they span two decades or more. */
    static boolean spansDecades(double[] values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).toArray();
        if (v.length == 0 || Arrays.stream(v).anyMatch(x -> x <= 0)) return false;
        return Arrays.stream(v).max().getAsDouble() >= DECADES * Arrays.stream(v).min().getAsDouble();
    }

    /** True if there are finite values and every one of them is > 0. */
    static boolean positive(double[] values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).toArray();
        return v.length > 0 && Arrays.stream(v).allMatch(x -> x > 0);
    }

    /** True if the finite values agree to 1e-9 relative (a conserved mass that only moves in its last bits). */
    static boolean constant(double[] values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).toArray();
        if (v.length == 0) return true;
        double lo = Arrays.stream(v).min().getAsDouble(), hi = Arrays.stream(v).max().getAsDouble();
        return hi - lo <= 1e-9 * Math.max(Math.abs(lo), Math.abs(hi));
    }

    /** The points with finite coordinates, positive where the axis is logarithmic: {x[], y[]}. */
    static double[][] plottable(double[] x, double[] y, boolean logX, boolean logY) {
        int n = 0;
        double[] px = new double[x.length], py = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i]) || logX && x[i] <= 0 || logY && y[i] <= 0) continue;
            px[n] = x[i];
            py[n++] = y[i];
        }
        return new double[][] {Arrays.copyOf(px, n), Arrays.copyOf(py, n)};
    }

    /** Four significant digits: {@code -2.491}, {@code 1.7e-7}, {@code 4000}. */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e7) return Long.toString((long) v);
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains("e")) return s.replaceAll("\\.?0+e", "e").replaceAll("e([-+]?)0+(\\d)", "e$1$2").replace("e+", "e");
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** Writes the chart as a PNG, under a temporary name then renamed. */
    static Path save(XYChart chart, Path png) throws IOException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        Path tmp = png.resolveSibling(png.getFileName() + ".tmp");
        Files.write(tmp, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        Files.move(tmp, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return png;
    }

    /** A file-name-safe form of a name: letters, digits, {@code . _ -} and {@code =} kept, others {@code _}. */
    static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._=-]", "_");
    }

    /** A circle {@code factor} times the chart's marker size: scatter points sized by mass. */
    static Marker circle(double factor) {
        Circle circle = new Circle();
        return new Marker() {
            @Override
            public void paint(Graphics2D g, double x, double y, int size) {
                circle.paint(g, x, y, Math.max(2, (int) Math.round(size * factor)));
            }
        };
    }
}
