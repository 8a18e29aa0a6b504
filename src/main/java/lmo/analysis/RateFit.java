package lmo.analysis;

import java.io.IOException;
import java.nio.file.Path;
import lmo.plot.MetricsTable;

/**
 * The exponential decay rate of a metric: least-squares slope of {@code log(metric)} against time over a window,
 * {@code rate = -slope}. Rows with a non-positive or non-finite value are skipped. Default window (no bound given):
 * the second half of the logged rows; with a bound, the rows with time in {@code [from, to]} (a missing bound is
 * open).
 *
 * @param metric the column fitted
 * @param rate {@code -slope} per unit time
 * @param from the time of the first row used
 * @param to the time of the last row used
 * @param rows rows used (at least 2)
 */
public record RateFit(String metric, double rate, double from, double to, int rows) {
    /** The default metric column. */
    public static final String DEFAULT_METRIC = "niError";

    /**
     * Fits column {@code metric} of a metrics.csv against its {@code time} column.
     *
     * @param from window start (time), or null
     * @param to window end (time), or null
     * @throws IllegalArgumentException if the file has no such column, or fewer than 2 usable rows in the window
     */
    public static RateFit of(Path metricsCsv, String metric, Double from, Double to) throws IOException {
        MetricsTable t = MetricsTable.read(metricsCsv);
        if (!t.has(metric)) {
            throw new IllegalArgumentException(metricsCsv + ": no column '" + metric + "'; it has " + t.metrics());
        }
        if (!t.has("time")) throw new IllegalArgumentException(metricsCsv + ": no column 'time'");
        return of(metric, t.column("time"), t.column(metric), from, to);
    }

    /** Fits {@code values} against {@code times}; see the class comment for the window. */
    public static RateFit of(String metric, double[] times, double[] values, Double from, Double to) {
        int n = times.length;
        int first = from == null && to == null ? n / 2 : 0;
        double lo = from == null ? Double.NEGATIVE_INFINITY : from;
        double hi = to == null ? Double.POSITIVE_INFINITY : to;
        double st = 0, sy = 0, stt = 0, sty = 0, t0 = Double.NaN, t1 = Double.NaN;
        int k = 0;
        for (int i = first; i < n; i++) {
            double t = times[i], y = values[i];
            if (!(t >= lo && t <= hi && y > 0 && Double.isFinite(y) && Double.isFinite(t))) continue;
            double l = Math.log(y);
            st += t;
            sy += l;
            stt += t * t;
            sty += t * l;
            if (k++ == 0) t0 = t;
            t1 = t;
        }
        double var = stt - st * st / k;
        if (k < 2 || !(var > 0)) {
            throw new IllegalArgumentException("metric " + metric + ": " + k + " positive value(s) in the window"
                    + " [" + (from == null && to == null && n > 0 ? times[first] : lo) + ", " + hi
                    + "]; need at least 2 at different times");
        }
        double slope = (sty - st * sy / k) / var;
        return new RateFit(metric, -slope, t0, t1, k);
    }
}
