package lmo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import lmo.io.RunLayout;
import lmo.plot.SweepTable;

/**
 * Runs the points of a sweep, {@code parallel} at a time, each as {@code lmo run SCENARIO --set ... --out
 * DIR/<point> -q} in this JVM (its own actor system), and keeps {@code DIR/sweep.csv} up to date as points finish:
 * pending points are {@code pending}, a point whose run did not complete is {@code failed} with its exit code and
 * error, and never stops the others.
 */
final class SweepRunner {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path scenario;
    private final List<String> base;
    private final List<String> runOptions;
    private final Path dir;
    private final List<SweepGrid.Point> points;
    private final List<SweepTable.Row> rows = new ArrayList<>();
    private final List<String> params;
    private final Map<Integer, List<String>> extra;

    /**
     * @param base the {@code --set} overrides of every point, applied before the point's own
     * @param runOptions further options of every {@code lmo run}, e.g. {@code --engine local}
     * @param extra further overrides of some points, by point index, applied after the point's own (its reference run)
     */
    SweepRunner(Path scenario, List<String> base, List<String> runOptions, Path dir, List<SweepGrid.Point> points,
                Map<Integer, List<String>> extra) {
        this.scenario = scenario;
        this.base = base;
        this.runOptions = runOptions;
        this.dir = dir;
        this.points = points;
        this.extra = extra;
        this.params = points.get(0).paths();
        for (SweepGrid.Point p : points) {
            rows.add(new SweepTable.Row(p.index(), dirName(p), labels(p), SweepTable.PENDING, -1, Map.of(), Double.NaN, "", ""));
        }
    }

    /** Runs every point; returns the table of results (also written to sweep.csv). */
    SweepTable run(int parallel) throws IOException, InterruptedException {
        write();
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "lmo-sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> done = new ArrayList<>();
            for (SweepGrid.Point p : points) {
                done.add(pool.submit(() -> {
                    finish(p.index(), runPoint(p));
                    return null;
                }));
            }
            for (Future<?> f : done) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IOException("sweep.csv: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return table();
    }

    private SweepTable.Row runPoint(SweepGrid.Point p) {
        List<String> sets = new ArrayList<>(p.overrides());
        sets.addAll(extra.getOrDefault(p.index(), List.of()));
        Outcome o = runOne(sets, dir.resolve(dirName(p)));
        return new SweepTable.Row(p.index(), dirName(p), labels(p), o.code() == Main.OK ? SweepTable.COMPLETED
                : SweepTable.FAILED, o.code(), o.metrics(), o.wallSeconds(), o.stateSha256(), o.error());
    }

    /** What one run left: its exit code, final metrics and hash (completed), or why it failed. */
    record Outcome(int code, Map<String, Double> metrics, double wallSeconds, String stateSha256, String error) {}

    /** Runs the scenario with the base overrides then {@code sets} into {@code out}, in this JVM. */
    Outcome runOne(List<String> sets, Path out) {
        List<String> args = new ArrayList<>(List.of(scenario.toString()));
        for (String s : base) args.addAll(List.of("--set", s));
        for (String s : sets) args.addAll(List.of("--set", s));
        args.addAll(List.of("--out", out.toString(), "-q"));
        args.addAll(runOptions);
        long t0 = System.nanoTime();
        int code;
        String error = "";
        try {
            code = RunCommand.inProcess(args);
        } catch (Exception | Error e) {
            code = Main.BUG;
            error = e.toString();
        }
        double wall = (System.nanoTime() - t0) * 1e-9;
        Map<String, Double> metrics = new LinkedHashMap<>();
        String sha = "";
        JsonNode summary = null;
        try {
            Path file = out.resolve(RunLayout.SUMMARY);
            if (Files.isRegularFile(file)) summary = JSON.readTree(file.toFile());
        } catch (IOException e) {
            error = error.isEmpty() ? "summary.json: " + e.getMessage() : error;
        }
        if (summary != null) {
            if (summary.has("wallSeconds")) wall = summary.get("wallSeconds").asDouble();
            if (code == Main.OK) {
                summary.path("final").fields().forEachRemaining(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
                sha = summary.path("stateSha256").asText("");
            } else if (error.isEmpty()) {
                error = summary.path("status").asText("failed") + ": " + summary.path("message").asText("");
            }
        }
        if (code != Main.OK && error.isEmpty()) error = "exit code " + code;
        return new Outcome(code, metrics, wall, sha, error);
    }

    private synchronized void finish(int index, SweepTable.Row row) throws IOException {
        rows.set(index, row);
        write();
    }

    private synchronized SweepTable table() { return new SweepTable(params, List.copyOf(rows)); }

    private synchronized void write() throws IOException {
        table().write(dir.resolve(RunLayout.SWEEP));
    }

    private String dirName(SweepGrid.Point p) { return p.dirName(points.size()); }

    private static List<String> labels(SweepGrid.Point p) {
        return p.values().stream().map(SweepGrid.Value::label).toList();
    }
}
