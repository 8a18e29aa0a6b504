package lmo.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import lmo.analysis.AnalysisReport;
import lmo.analysis.ConicField;
import lmo.analysis.FlowOf;
import lmo.analysis.Jacobian;
import lmo.analysis.LinearAnalysis;
import lmo.analysis.RateFit;
import lmo.particles.Gathered;
import lmo.particles.Population;
import lmo.engine.Simulation;
import lmo.io.Npy;
import lmo.io.RunLayout;
import lmo.io.Table;
import lmo.plot.MetricsTable;
import lmo.scenario.Assembler;
import lmo.scenario.ScenarioException;
import lmo.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lmo analyze RUN_DIR}: the local linear analysis of a finished run at its final state — the eigenvalues of
 * {@code J = -D(field)} of the continuous flow its dynamics discretises ({@link FlowOf}), against the decay rate
 * fitted from metrics.csv — written to {@code RUN_DIR/analysis.json}. See docs/analysis.md.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Linearise a run's flow at its final state (eigenvalues of J, predicted rates) and compare with "
                + "the decay rate of a metric; writes RUN_DIR/analysis.json.")
final class AnalyzeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "a completed run directory")
    Path dir;

    @Option(names = "--metric", paramLabel = "NAME", defaultValue = RateFit.DEFAULT_METRIC,
            description = "the metrics.csv column to fit (default: ${DEFAULT-VALUE})")
    String metric;

    @Option(names = "--from", paramLabel = "TIME",
            description = "fit window start (default: the second half of the rows)")
    Double from;

    @Option(names = "--to", paramLabel = "TIME", description = "fit window end")
    Double to;

    @Option(names = "--fd-step", paramLabel = "H", defaultValue = "1e-5",
            description = "finite-difference step of the Jacobian (default: ${DEFAULT-VALUE})")
    double fdStep;

    @Option(names = "--mode", paramLabel = "conic|weights|positions",
            description = "which coordinates move (default: those the run's dynamics moves)")
    String mode;

    @picocli.CommandLine.Mixin
    JarOptions jars = new JarOptions();

    @Override
    public Integer call() throws IOException {
        if (jars.apply() != null) return bad(jars.apply());
        if (!(fdStep > 0 && Double.isFinite(fdStep))) return bad("--fd-step: must be > 0, got " + fdStep);
        ConicField.Mode forced = null;
        if (mode != null) {
            try {
                forced = ConicField.Mode.parse(mode);
            } catch (IllegalArgumentException e) {
                return bad("--mode: " + e.getMessage());
            }
        }
        if (!Files.isDirectory(dir)) return bad(dir + ": no such run directory");
        Path yaml = dir.resolve(RunLayout.SCENARIO);
        if (!Files.isRegularFile(yaml)) return bad(yaml + ": missing, not a run directory");
        Path csv = dir.resolve(RunLayout.METRICS);
        if (!Files.isRegularFile(csv)) return bad(csv + ": missing, not a run directory");
        Simulation sim;
        try {
            sim = Assembler.build(ScenarioLoader.load(yaml, List.of()));
        } catch (ScenarioException e) {
            return bad(e.getMessage());
        }
        MetricsTable table;
        try {
            table = MetricsTable.read(csv);
        } catch (IOException e) {
            return bad(csv + ": " + e.getMessage());
        }
        if (!table.has("time")) return bad(csv + ": no column 'time'");
        if (!table.has(metric)) return bad(csv + ": no column '" + metric + "'; it has " + table.metrics());
        RateFit fit;
        try {
            fit = RateFit.of(metric, table.column("time"), table.column(metric), from, to);
        } catch (IllegalArgumentException e) {
            System.err.println("lmo: warning: no fitted rate: " + e.getMessage());
            fit = null;
        }
        int n = sim.populations().size();
        double[][] x = new double[n][], m = new double[n][];
        int[] dims = new int[n];
        for (Population p : sim.populations()) {
            Path file = dir.resolve(RunLayout.finalState(p.name()));
            if (!Files.isRegularFile(file)) return bad(file + ": missing (the run did not complete?)");
            Table t;
            try {
                t = Npy.read(file);
            } catch (IOException e) {
                return bad(file + ": " + e.getMessage());
            }
            int d = p.dim();
            if (t.cols() != d + 1 || t.rows() != p.count()) {
                return bad(file + ": " + t.rows() + " x " + t.cols() + ", expected " + p.count() + " x " + (d + 1)
                        + " (position coordinates, then mass)");
            }
            x[p.index()] = new double[t.rows() * d];
            m[p.index()] = new double[t.rows()];
            for (int i = 0; i < t.rows(); i++) {
                for (int c = 0; c < d; c++) x[p.index()][i * d + c] = t.get(i, c);
                m[p.index()][i] = t.get(i, d);
            }
            dims[p.index()] = d;
        }
        FlowOf flow;
        ConicField field;
        try {
            flow = FlowOf.of(sim.dynamics());
            if (forced != null) flow = flow.withMode(forced);
            List<lmo.space.Space> spaces = new ArrayList<>();
            sim.populations().forEach(p -> spaces.add(p.space()));
            field = new ConicField(sim.model(), spaces, new Gathered(x, m, dims), flow.alpha(), flow.beta(), flow.mode());
        } catch (IllegalArgumentException e) {
            return bad(dir + ": " + e.getMessage());
        }
        double residual = 0;
        for (double v : field.at(new double[field.dim()])) residual = Math.max(residual, Math.abs(v));
        double[][] exact = exactJacobian(sim.model(), field, flow);
        LinearAnalysis analysis = LinearAnalysis.of(exact != null ? exact : Jacobian.of(field, fdStep));
        AnalysisReport report = new AnalysisReport(flow, exact != null ? 0 : fdStep, residual, analysis, fit);
        Path out = report.write(dir);
        System.out.print(report.table());
        System.out.println(out);
        return Main.OK;
    }

    /**
     * The exact Jacobian where one is known: a quadratic game with one particle per player (positions only:
     * {@code J = beta [[P, B], [-B', Q]]}, the same at every state); null otherwise.
     */
    private static double[][] exactJacobian(lmo.model.Model model, ConicField field, FlowOf flow) {
        if (!(model instanceof lmo.model.game.GameModel g) || !(g.payoff() instanceof lmo.model.game.QuadraticPayoff q)) {
            return null;
        }
        double[][] j = q.jacobian();
        if (field.dim() != j.length || flow.mode() == ConicField.Mode.WEIGHTS) return null;
        for (double[] row : j) for (int c = 0; c < row.length; c++) row[c] *= flow.beta();
        return j;
    }

    private static int bad(String message) {
        System.err.println(message);
        return Main.BAD_INPUT;
    }
}
