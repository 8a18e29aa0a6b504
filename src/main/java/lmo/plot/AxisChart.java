package lmo.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Axis;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

/**
 * An XYChart whose tick labels follow {@link Ticks}: a linear axis formats XChart's ticks with {@link Ticks#format};
 * a log axis keeps XChart's tick marks and grid (every 1..9 times a power of ten) but draws its own labels, at the
 * values {@link Ticks#log} gives for the range of the data (XChart 3.8.8 labels only the powers of ten its range
 * holds, through a DecimalFormat that prints {@code 1E-7}, and a formatting function turns its log axis linear).
 * The labels drawn are kept ({@link #xLabels()}, {@link #yLabels()}) for tests. Fails (IllegalStateException at
 * paint) if an XChart upgrade removes the package-private {@code Chart.getXAxis()}, {@code getYAxis()} this reads the
 * axes from.
 */
final class AxisChart extends XYChart {
    private static final Color HIDDEN = new Color(0, 0, 0, 0);
    private final List<String> xLabels = new ArrayList<>(), yLabels = new ArrayList<>();

    AxisChart(int width, int height) {
        super(width, height, Styler.ChartTheme.Matlab);
    }

    /** The labels of the x axis at the last paint, left to right (for a linear axis, XChart's). */
    List<String> xLabels() { return List.copyOf(xLabels); }

    /** The labels of the y axis at the last paint, bottom to top (for a linear axis, XChart's). */
    List<String> yLabels() { return List.copyOf(yLabels); }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        XYStyler s = getStyler();
        boolean logX = s.isXAxisLogarithmic(), logY = s.isYAxisLogarithmic();
        double[] rx = range(true), ry = range(false);
        s.setxAxisTickLabelsFormattingFunction(logX ? null : Ticks::format);
        s.setyAxisTickLabelsFormattingFunction(logY ? null : Ticks::format);
        s.setXAxisLogarithmicDecadeOnly(!logX || rx[1] >= Ticks.INTERMEDIATE_BELOW * rx[0]);
        s.setYAxisLogarithmicDecadeOnly(!logY || ry[1] >= Ticks.INTERMEDIATE_BELOW * ry[0]);
        Color labels = s.getAxisTickLabelsColor();
        s.setXAxisTickLabelsColor(logX ? HIDDEN : labels); // XChart's labels keep their room, ours are drawn on top
        s.setYAxisTickLabelsColor(logY ? HIDDEN : labels);
        XYSeries helper = unevenPoint(rx, ry, logX, logY);
        try {
            super.paint(g, width, height);
        } finally {
            if (helper != null) removeSeries(helper.getName());
        }
        xLabels.clear();
        yLabels.clear();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(s.getAxisTickLabelsFont());
        g.setColor(labels);
        FontRenderContext frc = g.getFontRenderContext();
        Font f = s.getAxisTickLabelsFont();
        int gap = s.getAxisTickMarkLength() + s.getAxisTickPadding();
        if (logY) {
            double right = getYAxisLeftWidth() - gap;
            for (double v : Ticks.log(ry[0], ry[1])) {
                String t = Ticks.format(v);
                Rectangle2D b = f.getStringBounds(t, frc);
                g.drawString(t, (float) (right - b.getWidth()), (float) (getScreenYFromChart(v) + b.getHeight() / 2 - 3));
                yLabels.add(t);
            }
        }
        if (!logY) yLabels.addAll(xchartLabels("getYAxis"));
        if (!logX) xLabels.addAll(xchartLabels("getXAxis"));
        if (logX) {
            double top = axis("getXAxis").getBounds().getY() + gap;
            for (double v : Ticks.log(rx[0], rx[1])) {
                String t = Ticks.format(v);
                Rectangle2D b = f.getStringBounds(t, frc);
                g.drawString(t, (float) (getScreenXFromChart(v) - b.getWidth() / 2), (float) (top - b.getY()));
                xLabels.add(t);
            }
        }
    }

    /**
     * XChart 3.8.8 puts the ticks of an axis whose data values are equally spaced (times of evenly logged steps) on
     * every k-th data value ({@code 0, 0.09, 0.18, ...}) instead of round numbers; one undrawn point inside the range,
     * at an uneven place, makes it choose round steps. Added for the paint and removed after; null if not needed.
     */
    private XYSeries unevenPoint(double[] rx, double[] ry, boolean logX, boolean logY) {
        double[] x = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}, y = {x[0], x[1]};
        for (XYSeries series : getSeriesMap().values()) {
            for (double v : series.getXData()) if (Double.isFinite(v)) { x[0] = Math.min(x[0], v); x[1] = Math.max(x[1], v); }
            for (double v : series.getYData()) if (Double.isFinite(v)) { y[0] = Math.min(y[0], v); y[1] = Math.max(y[1], v); }
        }
        if (!(x[1] > x[0]) || !(y[1] > y[0])) return null;
        double u = 0.4142135623730951;
        double px = logX ? rx[0] * Math.pow(rx[1] / rx[0], u) : x[0] + u * (x[1] - x[0]);
        double py = logY ? ry[0] * Math.pow(ry[1] / ry[0], u) : y[0] + u * (y[1] - y[0]);
        if (!Double.isFinite(px) || !Double.isFinite(py)) return null;
        XYSeries h = addSeries(" uneven tick helper", new double[] {px}, new double[] {py});
        h.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE).setLineColor(HIDDEN);
        h.setShowInLegend(false);
        return h;
    }

    /** {min, max} of the axis: the styler's bounds where set, else the positive finite data of every series. */
    private double[] range(boolean x) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (XYSeries series : getSeriesMap().values()) {
            for (double v : x ? series.getXData() : series.getYData()) {
                if (v > 0 && Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        XYStyler s = getStyler();
        Double min = x ? s.getXAxisMin() : s.getYAxisMin(), max = x ? s.getXAxisMax() : s.getYAxisMax();
        if (min != null && min > 0) lo = min;
        if (max != null && max > 0) hi = max;
        return new double[] {lo, hi};
    }

    /** The labels XChart drew on a linear axis: those inside the axis (its calculator adds some beyond), not blank. */
    private List<String> xchartLabels(String getter) {
        Axis<?, ?> a = axis(getter);
        double length = getter.equals("getXAxis") ? a.getBounds().getWidth() : a.getBounds().getHeight();
        List<String> labels = a.getAxisTickCalculator().getTickLabels();
        List<Double> at = a.getAxisTickCalculator().getTickLocations();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            String t = labels.get(i);
            if (t != null && !t.isEmpty() && at.get(i) > 0 && at.get(i) < length) out.add(t);
        }
        return out;
    }

    /** XChart's x or y axis ({@code getXAxis}, {@code getYAxis}: package-private in XChart 3.8.8). */
    private Axis<?, ?> axis(String getter) {
        try {
            Method m = Chart.class.getDeclaredMethod(getter);
            m.setAccessible(true);
            return (Axis<?, ?>) m.invoke(this);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("XChart's Chart." + getter + "() is not readable: " + e, e);
        }
    }
}
