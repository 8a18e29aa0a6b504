package lmo.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import lmo.io.RunLayout;
import lmo.plot.SweepPlot;
import lmo.plot.SweepTable;
import lmo.scenario.Assembler;
import lmo.scenario.Scenario;
import lmo.scenario.ScenarioException;
import lmo.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lmo sweep SCENARIO --param key.path=v1,v2,...}: validates every point of the grid (nothing is run or
 * written if one is invalid), runs them K at a time, each in its own run directory under DIR, writes
 * {@code DIR/sweep.csv} and plots of each final metric against each numeric parameter ({@code DIR/plots/}).
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run a scenario over a grid of parameter values; write sweep.csv and plots.",
        footer = {"", "Example: lmo sweep s.yaml --param dynamics.stepSize=0.01,0.1,1 --parallel 3",
            "         lmo sweep s.yaml --param 'init.mean=[[0.3],[0.5]]' --param seed=1,2",
            "Exit codes: 0 every point completed; 2 bad input (nothing run); else the worst",
            "exit code of a point (1, a bug, first; then the largest). See docs/plots.md."})
final class SweepCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario file (.yaml or .json)")
    Path file;

    @Option(names = "--param", paramLabel = "KEY.PATH=VALUES", required = true,
            description = "a swept key (repeatable): v1,v2,... or a YAML flow sequence [v1, v2, ...] (needed when values are lists)")
    List<String> params = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY.PATH=VALUE", description = "override a key for every point (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--parallel", paramLabel = "K", defaultValue = "1", description = "points run at a time (default 1)")
    int parallel;

    @Option(names = "--out", paramLabel = "DIR",
            description = "sweep directory (default: runs/<name>-sweep-<time>); must not exist or be empty")
    Path out;

    @Option(names = "--reference", paramLabel = "KEY.PATH=VALUE",
            description = "models with model.reference (resnet): an override of the reference run (repeatable); one"
                    + " reference per combination of the other swept keys runs first, and every point gets its"
                    + " model.reference")
    List<String> reference = new ArrayList<>();

    @Option(names = "--engine", paramLabel = "actors|local", defaultValue = "actors",
            description = "actors (default) or local, for every point")
    String engine;

    @picocli.CommandLine.Mixin
    JarOptions jars = new JarOptions();

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (jars.apply() != null) return bad(jars.apply());
        if (parallel < 1) return bad("--parallel: must be >= 1, got " + parallel);
        if (Runs.checkEngine(engine) != null) return bad(Runs.checkEngine(engine));
        List<SweepGrid.Param> grid = new ArrayList<>();
        var seen = new HashSet<String>();
        try {
            for (String p : params) {
                SweepGrid.Param param = SweepGrid.parse(p);
                if (!seen.add(param.path())) return bad("--param " + param.path() + ": given twice");
                grid.add(param);
            }
        } catch (IllegalArgumentException e) {
            return bad(e.getMessage());
        }
        List<SweepGrid.Point> points = SweepGrid.grid(grid);
        Scenario first = null;
        for (SweepGrid.Point p : points) {
            List<String> all = new ArrayList<>(overrides);
            all.addAll(p.overrides());
            try {
                Scenario s = ScenarioLoader.load(file, all);
                Assembler.build(s);
                if (first == null) first = s;
            } catch (ScenarioException e) {
                return bad("point " + p.index() + " (" + p.describe() + "): " + e.getMessage());
            }
        }
        Path dir = out != null ? out : defaultDir(first.name());
        if (Files.exists(dir)) {
            boolean empty = Files.isDirectory(dir);
            if (empty) {
                try (var s = Files.list(dir)) {
                    empty = s.findAny().isEmpty();
                }
            }
            if (!empty) return bad("--out " + dir + ": exists and is not an empty directory");
        }
        java.util.Map<List<String>, List<String>> groups = new java.util.LinkedHashMap<>();
        List<String> referencePaths = new ArrayList<>();
        for (String r : reference) {
            int eq = r.indexOf('=');
            if (eq <= 0) return bad("--reference " + r + ": expected key.path=value");
            referencePaths.add(r.substring(0, eq).strip());
        }
        if (!reference.isEmpty()) {
            for (SweepGrid.Point p : points) groups.putIfAbsent(p.overridesExcept(referencePaths), new ArrayList<>());
            for (var g : groups.entrySet()) {
                List<String> all = new ArrayList<>(overrides);
                all.addAll(g.getKey());
                all.addAll(reference);
                try {
                    Scenario s = ScenarioLoader.load(file, all);
                    if (!(s.model() instanceof lmo.family.ResNetSpec)) {
                        return bad("--reference: model " + s.model().type() + " takes no model.reference (resnet does)");
                    }
                    Assembler.build(s);
                } catch (ScenarioException e) {
                    return bad("--reference (" + String.join(", ", g.getKey()) + "): " + e.getMessage());
                }
            }
        }
        Files.createDirectories(dir);
        SweepRunner runner = new SweepRunner(file, overrides, runOptions(), dir, points, new java.util.HashMap<>());
        java.util.Map<Integer, List<String>> extra = new java.util.HashMap<>();
        int k = 0;
        for (var g : groups.entrySet()) {
            Path refDir = dir.resolve("reference-" + k++).toAbsolutePath();
            List<String> sets = new ArrayList<>(g.getKey());
            sets.addAll(reference);
            System.out.println("sweep: reference " + refDir.getFileName() + " (" + String.join(", ", sets) + ")");
            SweepRunner.Outcome o = runner.runOne(sets, refDir);
            if (o.code() != Main.OK) {
                System.err.println("lmo: reference " + refDir + " failed: " + o.error() + "; no point was run");
                return o.code();
            }
            for (SweepGrid.Point p : points) {
                if (p.overridesExcept(referencePaths).equals(g.getKey())) extra.put(p.index(), List.of("model.reference=" + refDir));
            }
        }
        System.out.println("sweep: " + points.size() + " points, " + Math.min(parallel, points.size()) + " at a time: " + dir);
        SweepTable table = new SweepRunner(file, overrides, runOptions(), dir, points, extra).run(parallel);
        if (first.model() instanceof lmo.family.ResNetSpec) {
            try {
                ResNetSweeps.report(dir, table);
            } catch (Throwable e) { // a report never changes the exit code
                System.err.println("lmo: warning: no resnet shape report in " + dir + ": " + e);
            }
        }
        try {
            SweepPlot.write(dir);
        } catch (Throwable e) { // as for a run: plots never change the exit code
            System.err.println("lmo: warning: no sweep plots in " + dir.resolve(RunLayout.PLOTS) + ": " + e);
        }
        int worst = Main.OK;
        long failed = 0;
        for (SweepTable.Row r : table.rows()) {
            if (r.exitCode() == Main.OK) continue;
            failed++;
            System.err.println("lmo: point " + r.point() + " (" + r.dir() + ") failed: " + r.error());
            worst = worse(worst, r.exitCode());
        }
        System.out.println("sweep: " + (points.size() - failed) + " of " + points.size() + " points completed");
        System.out.println("results: " + dir.resolve(RunLayout.SWEEP));
        return worst;
    }

    /** The options every point's run gets: the engine, and the jars (a run sets the process-wide jars to its own). */
    private List<String> runOptions() {
        List<String> out = new ArrayList<>(List.of("--engine", engine));
        for (java.nio.file.Path j : jars.jars) out.addAll(List.of("--jar", j.toString()));
        return out;
    }

    /** The worse of two exit codes: 1 (a bug) first, then the larger. */
    static int worse(int a, int b) {
        if (a == Main.BUG || b == Main.BUG) return Main.BUG;
        return Math.max(a, b);
    }

    private static int bad(String message) {
        System.err.println(message);
        return Main.BAD_INPUT;
    }

    private static Path defaultDir(String name) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path p = Path.of("runs", name + "-sweep-" + stamp);
        for (int i = 2; Files.exists(p); i++) p = Path.of("runs", name + "-sweep-" + stamp + "-" + i);
        return p;
    }
}
