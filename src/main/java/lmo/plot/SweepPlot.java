package lmo.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lmo.io.RunLayout;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The plots of a sweep directory, in {@code DIR/plots/}: {@code <metric>-vs-<param>.png}, each final metric of the
 * completed points against each swept parameter whose values are all numbers, one line per combination of the other
 * parameters; log axes where the values span more than two decades. {@code mass_<population>} is plotted only when
 * it differs between points.
 */
public final class SweepPlot {
    public static final String CSV = RunLayout.SWEEP;

    private SweepPlot() {}

    /** Reads {@code DIR/sweep.csv} and writes the plots; returns the files written. */
    public static List<Path> write(Path sweepDir) throws IOException {
        Charts.headless();
        SweepTable table = SweepTable.read(sweepDir.resolve(CSV));
        List<SweepTable.Row> done = table.rows().stream().filter(r -> r.status().equals(SweepTable.COMPLETED)).toList();
        List<Path> out = new ArrayList<>();
        List<String> params = table.params();
        for (int p = 0; p < params.size(); p++) {
            final int pi = p;
            if (done.isEmpty() || !done.stream().allMatch(r -> isNumber(r.values().get(pi)))) continue;
            double[] x = done.stream().mapToDouble(r -> Double.parseDouble(r.values().get(pi))).toArray();
            for (String metric : table.metrics()) {
                double[] y = done.stream().mapToDouble(r -> r.metrics().getOrDefault(metric, Double.NaN)).toArray();
                if (metric.startsWith("mass_") && Charts.constant(y)) continue;
                Map<String, List<Integer>> groups = new LinkedHashMap<>();
                for (int i = 0; i < done.size(); i++) groups.computeIfAbsent(others(params, done.get(i), p), k -> new ArrayList<>()).add(i);
                boolean logX = Charts.spansDecades(x), logY = Charts.spansDecades(y);
                XYChart c = Charts.xy("final " + metric + " against " + params.get(p) + " (" + done.size() + " of "
                        + table.rows().size() + " points completed)", params.get(p), "final " + metric);
                c.getStyler().setXAxisLogarithmic(logX).setYAxisLogarithmic(logY).setLegendVisible(groups.size() > 1);
                int series = 0;
                for (var g : groups.entrySet()) {
                    List<Integer> idx = new ArrayList<>(g.getValue());
                    idx.sort((a, b) -> Double.compare(x[a], x[b]));
                    double[][] pts = Charts.plottable(idx.stream().mapToDouble(i -> x[i]).toArray(),
                            idx.stream().mapToDouble(i -> y[i]).toArray(), logX, logY);
                    if (pts[0].length == 0) continue;
                    XYSeries s = c.addSeries(g.getKey().isEmpty() ? metric : g.getKey(), pts[0], pts[1]);
                    s.setMarker(SeriesMarkers.CIRCLE);
                    series++;
                }
                if (series == 0) continue;
                Path png = sweepDir.resolve(RunLayout.PLOTS).resolve(Charts.safe(metric + "-vs-" + params.get(p)) + ".png");
                out.add(Charts.save(c, png));
            }
        }
        return out;
    }

    /** The other parameters' values of a row, e.g. {@code init.mean=[0.3], seed=2}. */
    private static String others(List<String> params, SweepTable.Row r, int skip) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) if (i != skip) parts.add(params.get(i) + "=" + r.values().get(i));
        return String.join(", ", parts);
    }

    static boolean isNumber(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s.strip()));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
