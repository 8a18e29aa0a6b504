package lmo.plot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import lmo.io.Csv;
import lmo.io.RunLayout;
import lmo.io.Table;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code cosTheta.png} from {@code featureSpeed.csv} (an mlp run's final table): the backward–feature angle
 * cos(theta_l) against the layer l on log-log axes, with the least-squares slope over l >= 4 (theory: -1/2 for an iid
 * ReLU MLP, about 0 for a ResNet with branch scale 1/sqrt(depth)) in the legend.
 */
public final class FeatureSpeedPlot {
    private FeatureSpeedPlot() {}

    static List<Path> write(Path runDir, Path plots, String runName) throws IOException {
        Path csv = runDir.resolve(RunLayout.FEATURE_SPEED);
        if (!Files.isRegularFile(csv)) return List.of();
        Table t = Csv.read(csv);
        int n = t.rows();
        double[] l = new double[n], c = new double[n];
        for (int r = 0; r < n; r++) {
            l[r] = t.get(r, 0);
            c[r] = t.get(r, 1);
        }
        double[][] p = Charts.plottable(l, c, true, true);
        if (p[0].length == 0) return List.of();
        XYChart chart = Charts.xy(runName + ": backward-feature angle by layer", "layer l", "cos(theta_l)");
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
        double lo = java.util.Arrays.stream(p[1]).min().getAsDouble(), hi = java.util.Arrays.stream(p[1]).max().getAsDouble();
        chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(lo)))).setYAxisMax(Math.pow(10, Math.ceil(Math.log10(hi))));
        XYSeries s = chart.addSeries("cos(theta_l)", p[0], p[1]);
        s.setMarker(SeriesMarkers.CIRCLE);
        double[] lx = java.util.Arrays.stream(p[0]).filter(v -> v >= 4).toArray();
        if (lx.length >= 3) {
            double[] ly = java.util.Arrays.copyOfRange(p[1], p[1].length - lx.length, p[1].length);
            ResNetShapes.PowerFit f = ResNetShapes.power("l >= 4", lx, ly, Double.NaN);
            XYSeries line = chart.addSeries(String.format(Locale.ROOT, "fit on l >= 4: slope %.3f", f.exponent()),
                    new double[] {lx[0], lx[lx.length - 1]},
                    new double[] {f.prefactor() * Math.pow(lx[0], f.exponent()), f.prefactor() * Math.pow(lx[lx.length - 1], f.exponent())});
            line.setMarker(SeriesMarkers.NONE);
        }
        return List.of(Charts.save(chart, plots.resolve("cosTheta.png")));
    }
}
