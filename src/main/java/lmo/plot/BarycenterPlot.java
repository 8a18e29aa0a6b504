package lmo.plot;

import java.awt.BasicStroke;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lmo.io.Csv;
import lmo.io.RunLayout;
import lmo.io.Table;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code barycenter.png} from {@code barycenter.csv} (the grid solver's final table: {@code x_0 .. x_(d-1), weight,
 * density, input_0 .., wasserstein}): in d = 1 the barycenter's density (thick) over the inputs' densities (thin)
 * and the unregularised Wasserstein barycenter (dashed); in d = 2 a
 * heat map of the barycenter's density on the grid.
 */
public final class BarycenterPlot {
    private BarycenterPlot() {}

    /** Writes {@code plots/barycenter.png} if the run has a {@code barycenter.csv} of dimension 1 or 2. */
    static List<Path> write(Path runDir, Path plots, String runName) throws IOException {
        Path csv = runDir.resolve(RunLayout.BARYCENTER);
        if (!Files.isRegularFile(csv)) return List.of();
        List<String> header = List.of(Files.readAllLines(csv).get(0).split(","));
        int dim = header.indexOf("weight");
        int density = header.indexOf("density");
        if (dim < 1 || dim > 2 || density != dim + 1) return List.of();
        Table t = Csv.read(csv);
        Path png = plots.resolve("barycenter.png");
        if (dim == 1) {
            Charts.save(line(t, header, runName), png);
        } else {
            Files.createDirectories(plots);
            Path tmp = png.resolveSibling("barycenter.png.tmp");
            Files.write(tmp, BitmapEncoder.getBitmapBytes(heat(t, runName), BitmapEncoder.BitmapFormat.PNG));
            Files.move(tmp, png, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return List.of(png);
    }

    private static double[] column(Table t, int c) {
        double[] out = new double[t.rows()];
        for (int r = 0; r < out.length; r++) out[r] = t.get(r, c);
        return out;
    }

    private static XYChart line(Table t, List<String> header, String runName) {
        double[] x = column(t, 0);
        double cell = t.rows() > 1 ? x[1] - x[0] : 1;
        XYChart c = Charts.xy(runName + ": barycenter (grid solver)", "x", "density");
        for (int k = 3; k < header.size(); k++) {
            double[] w = column(t, k);
            for (int r = 0; r < w.length; r++) w[r] /= cell;
            boolean reference = header.get(k).equals("wasserstein");
            XYSeries s = c.addSeries(reference ? "Wasserstein barycenter" : header.get(k), x, w);
            s.setMarker(SeriesMarkers.NONE).setLineStyle(reference ? new BasicStroke(2.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_ROUND, 10f, new float[] {10f, 6f}, 0f) : new BasicStroke(1.2f));
        }
        XYSeries b = c.addSeries("barycenter", x, column(t, 2));
        b.setMarker(SeriesMarkers.NONE).setLineStyle(new BasicStroke(3.5f));
        return c;
    }

    private static HeatMapChart heat(Table t, String runName) {
        double[] x = column(t, 0), y = column(t, 1), d = column(t, 2);
        int ny = 1;
        while (ny < y.length && x[ny] == x[0]) ny++;
        int nx = t.rows() / ny;
        List<Number> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (int i = 0; i < nx; i++) xs.add(Double.parseDouble(Charts.num(x[i * ny])));
        for (int j = 0; j < ny; j++) ys.add(Double.parseDouble(Charts.num(y[j])));
        List<Number[]> cells = new ArrayList<>();
        for (int i = 0; i < nx; i++) for (int j = 0; j < ny; j++) cells.add(new Number[] {i, j, d[i * ny + j]});
        HeatMapChart c = new HeatMapChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title(runName + ": barycenter density (grid solver)").xAxisTitle("x_0").yAxisTitle("x_1").build();
        c.getStyler().setShowValue(false).setChartBackgroundColor(java.awt.Color.WHITE);
        c.addSeries("density", xs, ys, cells);
        return c;
    }
}
