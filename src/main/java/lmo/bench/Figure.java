package lmo.bench;

import java.util.Arrays;

/**
 * One figure of the bench table for one workload and size: its values over the repeats (one value for figures that do
 * not change from run to run), summarised by their median.
 *
 * @param workload {@code W1}, {@code W3} or {@code W4}
 * @param size the workload's size (n = m for W1, the neurons N for W3, N = M for W4)
 * @param key a stable name for data files ({@code msPerStep}, {@code secondsToTolerance}, ...)
 * @param label what the figure is, with its unit, for the table
 * @param unit {@code s}, {@code ms}, {@code 1/s} or empty
 * @param kind a time (its peer ratio is peer time / lmo time), a rate, or another value
 * @param values one per measured run, in run order
 */
public record Figure(String workload, int size, String key, String label, String unit, Kind kind, double[] values) {
    /** What a figure measures, which decides whether a peer ratio is shown. */
    public enum Kind { TIME, RATE, VALUE }

    public Figure {
        if (values.length == 0) throw new IllegalArgumentException("figure " + key + ": no values");
        values = values.clone();
    }

    /** A figure of one value. */
    public static Figure of(String workload, int size, String key, String label, String unit, Kind kind, double value) {
        return new Figure(workload, size, key, label, unit, kind, new double[] {value});
    }

    @Override public double[] values() { return values.clone(); }

    /** The median of the values (the mean of the middle two for an even count). */
    public double median() { return median(values); }

    public double min() { return Arrays.stream(values).min().orElseThrow(); }

    public double max() { return Arrays.stream(values).max().orElseThrow(); }

    /** The median of {@code a} (the mean of the middle two for an even length); NaN for none. */
    public static double median(double[] a) {
        if (a.length == 0) return Double.NaN;
        double[] s = a.clone();
        Arrays.sort(s);
        int h = s.length / 2;
        return s.length % 2 == 1 ? s[h] : (s[h - 1] + s[h]) / 2;
    }
}
