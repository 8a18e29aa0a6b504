package lmo.bench;

import java.io.IOException;
import java.util.List;
import lmo.bench.Figure.Kind;
import lmo.io.Npy;
import lmo.io.RunLayout;
import lmo.io.Table;

/**
 * W4: the Gaussian-kernel MMD flow (sigma = 0.1, explicit Euler with eta = 0.05) of N particles on the source
 * Kronecker points toward M = N targets on the target ones, d = 2; a step costs N (N + M) kernel evaluations. One
 * untimed warm-up run, with a snapshot every step, gives the rms of grad V at step 0 ({@code (x_0 - x_1) / eta}); each
 * timed run of {@link #steps} steps, logged every step, gives the median of its steps' wall times (metrics.csv), and the
 * pair evaluations per second are {@code N (N + M)} over it; the figures are medians over the runs. MMD^2 is twice
 * lmo's {@code energy} (NumPy: 0.115130 at step 0, grad V rms 0.4673).
 */
public final class MmdWorkload implements Workload {
    /** The step size eta of the scenario ({@code dynamics.stepSize} of w4.yaml). */
    static final double STEP = 0.05;
    private static final String POPULATION = "particles";

    @Override public String name() { return "W4"; }
    @Override public String sizeSymbol() { return "N"; }
    @Override public List<Integer> sizes() { return List.of(4096, 16384); }
    @Override public String scenario() { return "w4.yaml"; }

    /** The steps of a run, as the peers': 10 up to N = 4096, 3 beyond. */
    public static int steps(int n) { return n <= 4096 ? 10 : 3; }

    @Override
    public List<Figure> measure(int n, Bench bench) throws IOException {
        int steps = steps(n), repeats = bench.repeats();
        List<String> sets = List.of("populations." + POPULATION + ".count=" + n, "model.target.count=" + n, "steps=" + steps);
        RunResult warm = bench.run(this, n, "warm-up", Bench.concat(sets, "output.snapshotEvery=1"));
        double grad0 = gradientRms(warm);
        bench.say("rms of grad V at step 0: %.6g", grad0);
        double[] ms = new double[repeats], pairs = new double[repeats];
        RunResult run = null;
        for (int r = 0; r < repeats; r++) {
            run = bench.run(this, n, steps + " steps, run " + (r + 1) + " of " + repeats, sets);
            ms[r] = 1e3 * Figure.median(run.rowSeconds());
            pairs[r] = run.timing("pairEvaluationsPerStep") / (ms[r] * 1e-3);
            bench.say("%.4g ms per step", ms[r]);
        }
        return List.of(
                new Figure(name(), n, "msPerStep", "ms per step (median of " + steps + ")", "ms", Kind.TIME, ms),
                new Figure(name(), n, "pairEvaluationsPerSecond", "pair evaluations per s (per step)", "1/s", Kind.RATE, pairs),
                Figure.of(name(), n, "mmd2Init", "MMD² at step 0", "", Kind.VALUE, 2 * run.first("energy")),
                Figure.of(name(), n, "grad0Rms", "rms of grad V at step 0", "", Kind.VALUE, grad0),
                Figure.of(name(), n, "mmd2Final", "MMD² after " + steps + " steps", "", Kind.VALUE, 2 * run.finalMetric("energy")));
    }

    /** {@code sqrt((1/N) sum_i |grad V(x_i)|^2)} at step 0, from the snapshots of steps 0 and 1: grad V = (x_0 - x_1) / eta. */
    static double gradientRms(RunResult run) throws IOException {
        Table x0 = Npy.read(run.dir().resolve(RunLayout.snapshot(POPULATION, 0)));
        Table x1 = Npy.read(run.dir().resolve(RunLayout.snapshot(POPULATION, 1)));
        int d = x0.cols() - 1; // the last column is the mass
        double s = 0;
        for (int i = 0; i < x0.rows(); i++) {
            for (int c = 0; c < d; c++) {
                double g = (x0.get(i, c) - x1.get(i, c)) / STEP;
                s += g * g;
            }
        }
        return Math.sqrt(s / x0.rows());
    }
}
