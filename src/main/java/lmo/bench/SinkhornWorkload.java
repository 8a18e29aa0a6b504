package lmo.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import lmo.bench.Figure.Kind;

/**
 * W1: balanced entropic OT by log-domain Sinkhorn between n = m Kronecker points in d = 2 (cost |x - y|^2
 * divided by its max, epsilon = 0.01). Two figures of time, each a median over the repeats:
 * <ol>
 *   <li>a whole run until both l1 marginal errors are at most 1e-6 ({@code model.stopAtTolerance}, checked every
 *       iteration; the solver's default there is over-relaxed Sinkhorn): summary.json's {@code wallSeconds}, with the
 *       iterations it took and its final errors ({@code marginalError}, and {@code secondMarginalError} when the
 *       model reports it); these runs are not preceded by a warm-up, so the first of a fresh JVM pays the JIT
 *       compilation. One more run with {@code model.solver.acceleration=off} gives the iterations plain Sinkhorn
 *       needs (the peers' iteration: their time to the tolerance is counted with it) and its time;</li>
 *   <li>a fixed number of plain iterations ({@link #fixedIterations}), logged at its first and last step only:
 *       milliseconds per iteration {@code (wall(K) - wall(0)) / K} from metrics.csv (the set-up before step 0 left
 *       out, as the peers' {@code (median - setup) / iterations}), and summary.json's
 *       {@code pairEvaluationsPerSecond} (2 n m per iteration over the whole run's wall time).</li>
 * </ol>
 */
public final class SinkhornWorkload implements Workload {
    /** The marginal error the first figure runs to. */
    public static final double TOLERANCE = 1e-6;
    /** The most iterations a run to the tolerance may take. */
    public static final int MAX_ITERATIONS = 2000;

    @Override public String name() { return "W1"; }
    @Override public String sizeSymbol() { return "n"; }
    @Override public List<Integer> sizes() { return List.of(1000, 4000, 10000); }
    @Override public String scenario() { return "w1.yaml"; }

    /** The iterations of the fixed-length runs: 200, or 50 when n m exceeds 2e7 (n = m = 10000). */
    public static int fixedIterations(int n) { return (double) n * n <= 2e7 ? 200 : 50; }

    @Override
    public List<Figure> measure(int n, Bench bench) throws IOException {
        List<Figure> figures = new ArrayList<>(toTolerance(n, bench));
        figures.addAll(fixed(n, bench));
        return figures;
    }

    private static List<String> sized(int n, String... more) {
        return Bench.concat(List.of("populations.x.count=" + n, "model.target.count=" + n), more);
    }

    private List<Figure> toTolerance(int n, Bench bench) throws IOException {
        int repeats = bench.repeats();
        double[] seconds = new double[repeats], iterations = new double[repeats];
        RunResult last = null;
        for (int r = 0; r < repeats; r++) {
            last = bench.run(this, n, "to tolerance, run " + (r + 1) + " of " + repeats, sized(n, "steps=" + MAX_ITERATIONS,
                    "output.every=1", "model.tolerance=" + TOLERANCE, "model.stopAtTolerance=true"));
            seconds[r] = last.wallSeconds();
            iterations[r] = last.finalStep();
            bench.say("%.3f s, %d iterations, marginalError %.3g", seconds[r], last.finalStep(), last.finalMetric("marginalError"));
        }
        if (!(last.finalMetric("marginalError") <= TOLERANCE)) {
            bench.say("warning: marginalError still %.3g after %d iterations", last.finalMetric("marginalError"), MAX_ITERATIONS);
        }
        RunResult plain = bench.run(this, n, "to tolerance, plain Sinkhorn", sized(n, "steps=" + MAX_ITERATIONS,
                "output.every=1", "model.tolerance=" + TOLERANCE, "model.stopAtTolerance=true",
                "model.solver.acceleration=off"));
        bench.say("plain: %.3f s, %d iterations", plain.wallSeconds(), plain.finalStep());
        List<Figure> f = new ArrayList<>(List.of(
                new Figure(name(), n, "secondsToTolerance", "s to marginal error 1e-6 (whole run)", "s", Kind.TIME, seconds),
                new Figure(name(), n, "iterationsToTolerance", "iterations to 1e-6", "", Kind.VALUE, iterations),
                Figure.of(name(), n, "plainSecondsToTolerance", "plain Sinkhorn: s to 1e-6 (one run)", "s", Kind.TIME,
                        plain.wallSeconds()),
                Figure.of(name(), n, "plainIterationsToTolerance", "plain Sinkhorn: iterations to 1e-6", "", Kind.VALUE,
                        plain.finalStep()),
                Figure.of(name(), n, "marginalError", "final marginalError", "", Kind.VALUE, last.finalMetric("marginalError"))));
        if (last.hasFinal("secondMarginalError")) {
            f.add(Figure.of(name(), n, "secondMarginalError", "final secondMarginalError", "", Kind.VALUE,
                    last.finalMetric("secondMarginalError")));
        }
        return f;
    }

    private List<Figure> fixed(int n, Bench bench) throws IOException {
        int repeats = bench.repeats(), k = fixedIterations(n);
        double[] ms = new double[repeats], pairs = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            RunResult run = bench.run(this, n, k + " iterations, run " + (r + 1) + " of " + repeats,
                    sized(n, "steps=" + k, "output.every=" + k, "model.stopAtTolerance=false"));
            ms[r] = 1e3 * Bench.sum(run.rowSeconds()) / run.finalStep();
            pairs[r] = run.timing("pairEvaluationsPerSecond");
            bench.say("%.4g ms per iteration", ms[r]);
        }
        return List.of(
                new Figure(name(), n, "msPerIteration", "ms per iteration (" + k + " iterations)", "ms", Kind.TIME, ms),
                new Figure(name(), n, "pairEvaluationsPerSecond", "pair evaluations per s (summary.json)", "1/s", Kind.RATE,
                        pairs));
    }
}
