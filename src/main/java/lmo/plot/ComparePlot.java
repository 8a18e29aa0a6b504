package lmo.plot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import lmo.io.RunLayout;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One metric of several runs against mean-field time, one line per run, named after the run (its directory's name
 * when two runs have the same name, the path as given when those clash too); log y when the values span more than
 * two decades.
 */
public final class ComparePlot {
    private ComparePlot() {}

    /** The runs' legends: their names, else their directory names, else the paths as given, whichever are distinct. */
    public static List<String> legends(List<Path> runDirs) throws IOException {
        List<String> names = new ArrayList<>();
        for (Path d : runDirs) names.add(RunInfo.read(d).name());
        if (distinct(names)) return names;
        names = runDirs.stream().map(d -> d.toAbsolutePath().normalize().getFileName().toString()).toList();
        return distinct(names) ? names : runDirs.stream().map(Path::toString).toList();
    }

    /**
     * Writes {@code png}; {@code metric} null means the first metric of the first run.
     *
     * @return the chart written (one series per run)
     * @throws IllegalArgumentException naming the run that is not a run directory or lacks the metric
     */
    public static XYChart write(List<Path> runDirs, String metric, Path png) throws IOException {
        return write(runDirs, metric, "time", png);
    }

    /**
     * Writes {@code png} with {@code x} on the horizontal axis: {@code time} (mean-field time; the step when a run
     * has none), {@code step} or {@code wallSeconds} (to compare how fast runs get somewhere, e.g. asynchronous modes).
     *
     * @throws IllegalArgumentException for another x, or naming the run that is not a run directory or lacks the
     *     metric
     */
    public static XYChart write(List<Path> runDirs, String metric, String x, Path png) throws IOException {
        if (!MetricsTable.BOOKKEEPING.contains(x)) {
            throw new IllegalArgumentException("--x: expected one of " + String.join(", ", MetricsTable.BOOKKEEPING)
                    + ", got '" + x + "'");
        }
        Charts.headless();
        List<MetricsTable> tables = new ArrayList<>();
        for (Path d : runDirs) {
            Path csv = d.resolve(RunLayout.METRICS);
            if (!Files.isRegularFile(csv)) throw new IllegalArgumentException(d + ": not a run directory (no metrics.csv)");
            tables.add(MetricsTable.read(csv));
        }
        if (metric == null) {
            if (tables.get(0).metrics().isEmpty()) throw new IllegalArgumentException(runDirs.get(0) + ": no metrics");
            metric = tables.get(0).metrics().get(0);
        }
        for (int i = 0; i < tables.size(); i++) {
            if (!tables.get(i).has(metric) || MetricsTable.BOOKKEEPING.contains(metric)) {
                throw new IllegalArgumentException(runDirs.get(i) + ": no metric '" + metric + "'; it has "
                        + String.join(", ", tables.get(i).metrics()));
            }
        }
        List<Double> all = new ArrayList<>();
        for (MetricsTable t : tables) for (double v : t.column(metric)) all.add(v);
        boolean logY = Charts.spansDecades(all.stream().mapToDouble(Double::doubleValue).toArray());
        String xTitle = switch (x) {
            case "wallSeconds" -> "wall time (s)";
            case "step" -> "step";
            default -> "time (mean-field)";
        };
        XYChart c = Charts.xy(metric + " of " + runDirs.size() + " runs", xTitle, metric);
        c.getStyler().setYAxisLogarithmic(logY);
        List<String> legends = legends(runDirs);
        for (int i = 0; i < tables.size(); i++) {
            MetricsTable t = tables.get(i);
            double[] xs = t.has(x) ? t.column(x) : t.column("step");
            double[][] p = Charts.plottable(xs, t.column(metric), false, logY);
            if (p[0].length == 0) p = new double[][] {{0}, {logY ? 1 : 0}}; // keep the legend entry of an empty run
            c.addSeries(legends.get(i), p[0], p[1]).setMarker(p[0].length <= 60 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        }
        Charts.save(c, png);
        return c;
    }

    private static boolean distinct(List<String> names) {
        return new HashSet<>(names).size() == names.size();
    }
}
