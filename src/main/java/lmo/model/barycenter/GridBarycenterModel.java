package lmo.model.barycenter;

import java.util.List;
import java.util.Map;
import lmo.io.FinalTable;
import lmo.particles.Block;
import lmo.particles.Gathered;
import lmo.particles.Reduction;
import lmo.particles.Summaries;
import lmo.io.RunLayout;
import lmo.io.Table;
import lmo.model.Model;
import lmo.transport.barycenter.GridBarycenter;
import lmo.transport.barycenter.QuantileBarycenter;
import lmo.transport.barycenter.TensorGrid;

/**
 * The (lambda, tau)-barycenter on a tensor grid by damped Sinkhorn ({@link GridBarycenter}, Algorithm 1 of
 * Vaškevičius–Chizat, cost {@code 1/2 |x - y|^2}), one engine step per iteration: the reference solver. The
 * potentials {@code psi^k} on the grid are the model's global state (zero at step 0); the whole iteration runs in
 * {@link #globalStep} on the scheduler (the grid is small: the kernel is applied separably per axis). The
 * population holds the grid's nodes and does not move ({@code dynamics: none}). The metrics of step t are those of
 * the Gibbs barycenter {@code mu_t} of {@code psi_t} and of the plans {@code gamma^k_t}; {@code barycenter.csv} holds
 * the final {@code mu} on the grid.
 *
 * <p>A NaN or an infinity in the iteration makes the step's metrics and next potentials NaN: the engine stops the run
 * as diverged (exit 3, the last good state kept), naming the metric. Round 0's summary becomes, after the global step: the K marginal errors, the mean (d), the covariance (d x d)
 * of mu_t, then {@code psi_{t+1}} (K x grid size), which {@link #carryGlobal} keeps.
 */
public final class GridBarycenterModel implements Model {
    private final int population;
    private final GridBarycenter solver;
    private final TensorGrid grid;
    private final int inputs;
    private final int dim;
    private final BarycenterMetrics metrics;

    public GridBarycenterModel(int population, GridBarycenter solver, BarycenterMetrics metrics) {
        this.population = population;
        this.solver = solver;
        this.grid = solver.grid();
        this.inputs = solver.inputs();
        this.dim = grid.dim();
        this.metrics = metrics;
    }

    @Override public Reduction reduction(int round) { return Reduction.sum(1); }

    /** Nothing per block: the iteration is global. */
    @Override public void partial(int round, Block block, Summaries done, double[] out) {}

    @Override public int globalStateLength() { return inputs * grid.size(); }

    private int header() { return inputs + dim + dim * dim; }

    @Override
    public void globalStep(int round, Summaries summaries) {
        int n = grid.size();
        double[][] psi = new double[inputs][n];
        for (int k = 0; k < inputs; k++) System.arraycopy(summaries.global(), k * n, psi[k], 0, n);
        double[] logMu = new double[n];
        double[] out = new double[header() + inputs * n];
        double[] err;
        try {
            err = solver.iterate(psi, logMu, summaries.step());
        } catch (ArithmeticException e) {
            // a non-finite potential: NaN metrics and global state make the engine stop with its diagnostic
            java.util.Arrays.fill(out, Double.NaN);
            summaries.set(round, out);
            return;
        }
        System.arraycopy(err, 0, out, 0, inputs);
        double[] mean = grid.mean(logMu);
        System.arraycopy(mean, 0, out, inputs, dim);
        System.arraycopy(covariance(logMu, mean), 0, out, inputs + dim, dim * dim);
        for (int k = 0; k < inputs; k++) System.arraycopy(psi[k], 0, out, header() + k * n, n);
        summaries.set(round, out);
    }

    private double[] covariance(double[] logMu, double[] mean) {
        double[] cov = new double[dim * dim], x = new double[dim];
        for (int l = 0; l < logMu.length; l++) {
            double p = Math.exp(logMu[l]);
            if (p == 0) continue;
            grid.point(l, x);
            for (int a = 0; a < dim; a++) {
                for (int b = 0; b < dim; b++) cov[a * dim + b] += p * (x[a] - mean[a]) * (x[b] - mean[b]);
            }
        }
        return cov;
    }

    @Override
    public double[] carryGlobal(Summaries done) {
        double[] s = done.sum(0);
        return java.util.Arrays.copyOfRange(s, header(), s.length);
    }

    @Override public void firstVariation(Block b, Summaries s, double[] v, double[] gradV, double[] metricSums) {}

    @Override public int metricSumLength() { return 0; }

    /** The inner Sinkhorn solve carries its potentials across steps: a stale one only slows it down. */
    @Override public String staleSummaryProblem() {
        return "the barycenter's Sinkhorn potentials are carried across steps on the scheduler, and a stale summary"
                + " is plain Sinkhorn s + 1 times slower";
    }

    @Override public List<String> metricNames() { return metrics.names(); }

    @Override public Map<String, Object> conventions() { return metrics.conventions(); }

    @Override
    public double[] metrics(Summaries s, double[] metricSums) {
        double[] r = s.sum(0);
        return metrics.values(java.util.Arrays.copyOfRange(r, inputs, inputs + dim),
                java.util.Arrays.copyOfRange(r, inputs + dim, header()), java.util.Arrays.copyOfRange(r, 0, inputs));
    }

    /** One block: nothing is computed per particle. */
    @Override public int defaultBlockSize(int[] counts) { return Math.max(1, counts[population]); }

    /**
     * {@code barycenter.csv}: per grid node its coordinates {@code x_0 .. x_(d-1)}, {@code weight} (mu of the final
     * state, summing to 1), {@code density} (weight divided by the cell volume), then {@code input_k}, the weights of
     * each input on the grid, and in d = 1 {@code wasserstein}, the weights of the unregularised Wasserstein
     * barycenter ({@link QuantileBarycenter}), the reference the debiased choice tau = lambda / 2 approaches.
     */
    @Override
    public Map<String, FinalTable> finalTables(Gathered state, long step) {
        int n = grid.size();
        double[][] psi = new double[inputs][n];
        for (int k = 0; k < inputs; k++) System.arraycopy(state.global(), k * n, psi[k], 0, n);
        double[] logMu = new double[n];
        solver.iterate(psi, logMu, step);
        double cell = 1;
        for (int a = 0; a < dim; a++) cell *= grid.spacing(a);
        double[][] in = new double[inputs][];
        for (int k = 0; k < inputs; k++) in[k] = solver.logInput(k);
        double[] wasserstein = dim == 1 ? QuantileBarycenter.onGrid(grid, in, solver.weights()) : null;
        int cols0 = dim + 2 + inputs + (wasserstein == null ? 0 : 1);
        double[] data = new double[n * cols0];
        double[] x = new double[dim];
        java.util.List<String> cols = new java.util.ArrayList<>();
        for (int a = 0; a < dim; a++) cols.add("x_" + a);
        cols.add("weight");
        cols.add("density");
        for (int k = 0; k < inputs; k++) cols.add("input_" + k);
        if (wasserstein != null) cols.add("wasserstein");
        for (int l = 0; l < n; l++) {
            grid.point(l, x);
            System.arraycopy(x, 0, data, l * cols0, dim);
            double p = Math.exp(logMu[l]);
            data[l * cols0 + dim] = p;
            data[l * cols0 + dim + 1] = p / cell;
            for (int k = 0; k < inputs; k++) data[l * cols0 + dim + 2 + k] = Math.exp(in[k][l]);
            if (wasserstein != null) data[l * cols0 + cols0 - 1] = wasserstein[l];
        }
        return Map.of(RunLayout.BARYCENTER, new FinalTable(cols, new Table(n, cols0, data)));
    }
}
