package lmo.plot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import lmo.io.Npy;
import lmo.io.RunLayout;
import lmo.scenario.FitSpec;

/**
 * The plots of a run directory, in {@code RUN_DIR/plots/}: {@code <metric>.png} for every metric of metrics.csv
 * ({@code mass_<population>} only when it changes; with more than {@link #MANY_METRICS} metrics, none for the
 * per-index ones such as {@code cosTheta_12}), with the fits of {@code output.fit} drawn and written to
 * {@code fits.json}; {@code particles-<population>.png} (and {@code weights-<population>.png} when masses differ)
 * from {@code final-<population>.npy}, or {@code last-good-<population>.npy} after a divergence;
 * {@code trajectories-<population>.png} (and {@code trajectories.png} for a game) from the recorded trajectories
 * ({@link TrajectoryPlot}); {@code barycenter.png} from {@code barycenter.csv} ({@link BarycenterPlot}); {@code cosTheta.png} from
 * {@code featureSpeed.csv} ({@link FeatureSpeedPlot}).
 */
public final class RunPlots {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Above this many metrics, the per-index ones ({@code cosTheta_12}) get no plot of their own. */
    static final int MANY_METRICS = 40;

    private RunPlots() {}

    /** Writes the plots; returns the files written. */
    public static List<Path> write(Path runDir) throws IOException {
        Charts.headless();
        Path csv = runDir.resolve(RunLayout.METRICS);
        if (!Files.isRegularFile(csv)) throw new IOException(runDir + ": no metrics.csv, not a run directory");
        RunInfo info = RunInfo.read(runDir);
        MetricsTable table = MetricsTable.read(csv);
        Path plots = runDir.resolve(RunLayout.PLOTS);
        Files.createDirectories(plots);
        List<Path> out = new ArrayList<>();

        List<Fit> fits = fits(info.fits(), table);
        if (!fits.isEmpty()) out.add(writeFits(plots.resolve(RunLayout.FITS), fits));
        boolean many = table.metrics().size() > MANY_METRICS;
        JsonNode conventions = conventions(runDir);
        for (String metric : table.metrics()) {
            if (many && metric.matches(".*_\\d+$")) continue;
            double[] v = table.column(metric);
            if (metric.startsWith("mass_") && Charts.constant(v)) continue;
            List<Fit> mine = fits.stream().filter(f -> f.spec().metric().equals(metric)).toList();
            Path png = plots.resolve(Charts.safe(metric) + ".png");
            if (MetricPlot.write(png, info.name(), table, metric, mine, definition(conventions, metric))) out.add(png);
        }
        for (var e : info.spaces().entrySet()) {
            String pop = e.getKey();
            Path fin = runDir.resolve(RunLayout.finalState(pop));
            Path good = runDir.resolve(RunLayout.lastGoodState(pop));
            Path state = Files.isRegularFile(fin) ? fin : Files.isRegularFile(good) ? good : null;
            if (state == null) continue;
            out.addAll(ParticlePlot.write(plots, info.name(), pop, e.getValue(), Npy.read(state),
                    state == fin ? "final" : "last good"));
        }
        out.addAll(TrajectoryPlot.write(runDir, plots, info, RunInfo.tree(runDir)));
        out.addAll(BarycenterPlot.write(runDir, plots, info.name()));
        out.addAll(FeatureSpeedPlot.write(runDir, plots, info.name()));
        return out;
    }

    /** The {@code conventions} object of summary.json (the model's definitions of its numbers), or a missing node. */
    static JsonNode conventions(Path runDir) {
        Path summary = runDir.resolve(RunLayout.SUMMARY);
        try {
            return Files.isRegularFile(summary) ? JSON.readTree(summary.toFile()).path("conventions") : MissingNode.getInstance();
        } catch (IOException e) {
            return MissingNode.getInstance(); // a torn summary.json costs the titles their definitions, not the plots
        }
    }

    /** The text convention of a metric: its own key, or {@code <name>_k} for {@code <name>_<digits>}; else null. */
    static String definition(JsonNode conventions, String metric) {
        JsonNode d = conventions.path(metric);
        if (!d.isTextual()) d = conventions.path(metric.replaceAll("_\\d+$", "_k"));
        return d.isTextual() ? d.asText() : null;
    }

    /** The fits asked for, of the metrics the table has. */
    static List<Fit> fits(List<FitSpec> specs, MetricsTable table) {
        List<Fit> out = new ArrayList<>();
        double[] t = table.has("time") ? table.column("time") : table.column("step");
        for (FitSpec s : specs) {
            if (table.has(s.metric())) out.add(Fit.of(s, t, table.column(s.metric())));
        }
        return out;
    }

    /** {@code [{metric, law, from, to, points, slope, prefactor, r2}, ...]}; a fit without enough points has nulls. */
    static Path writeFits(Path file, List<Fit> fits) throws IOException {
        ArrayNode a = JSON.createArrayNode();
        for (Fit f : fits) {
            ObjectNode o = a.addObject();
            o.put("metric", f.spec().metric());
            o.put("law", f.spec().law());
            o.put("from", f.spec().from());
            o.put("to", f.spec().to());
            o.put("points", f.points());
            for (String k : List.of("slope", "prefactor", "r2")) {
                double v = k.equals("slope") ? f.slope() : k.equals("prefactor") ? f.prefactor() : f.r2();
                if (Double.isFinite(v)) o.put(k, v);
                else o.putNull(k);
            }
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, JSON.writeValueAsBytes(a));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }
}
