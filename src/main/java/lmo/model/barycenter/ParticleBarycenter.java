package lmo.model.barycenter;

import java.util.List;
import java.util.Map;
import lmo.particles.Block;
import lmo.particles.Reduction;
import lmo.particles.Summaries;
import lmo.model.Model;
import lmo.transport.barycenter.PointCloud;

/**
 * The (lambda, tau)-barycenter by noisy particle gradient descent (Chizat, arXiv 2303.11844; digest §2.3), cost
 * {@code c(x, y) = 1/2 |x - y|^2}: the particles {@code (X_i, a_i)} of one population (masses normalised to
 * {@code a_i = m_i / sum m}) approximate mu, and the first variation of {@code sum_k w_k T_lambda(mu, nu_k)} is
 * {@code V = sum_k w_k phi_k} with {@code grad phi_k(x) = x - E_{gamma_k}[Y | X = x]}. With the {@code langevin}
 * dynamics at temperature tau and step eta the engine's update is exactly
 * {@code X <- X - eta sum_k w_k (X - E_k[Y | X]) + sqrt(2 eta tau) xi}.
 *
 * <p>The potentials {@code g^k} on the inputs' points are the model's global state across steps (hashed,
 * checkpointed; zero at step 0), warm-starting s Sinkhorn iterations per input and step. Round {@code r = k s + i}
 * (iteration i towards input k) is a LOG_SUM_EXP over the particles: each block computes the c-transform
 * {@code f = g^c} of the latest g at its particles and its column partial; {@link #globalStep} turns the folded
 * pairs into {@code g_j = -lambda LSE_i((f_i - c_ij)/lambda + log a_i)}. The first variation then uses the last g
 * of each input: {@code fHat = g^c} and the conditional means. The metric {@code marginalError_k} is the l1 error
 * of the first marginal of the plan {@code exp((f_i + g_j - c_ij)/lambda) a_i b_j} after the last g-update (its
 * second marginal is exact): {@code sum_i a_i |exp((f_i - fHat_i)/lambda) - 1|}.
 *
 * <p>The chain's stationary law differs from the barycenter by O(eta) (about eta tau^2 / s^2 in variance for
 * Gaussians) and by the particles' O(1/sqrt N) noise; lower the step size and raise N to reduce both. A small
 * lambda needs inputs resolved below sqrt(lambda) (a fine lattice or many samples).
 */
public final class ParticleBarycenter implements Model {
    private final int population;
    private final int dim;
    private final InputTransport[] inputs;
    private final double[] w;
    private final double lambda;
    private final int iterations;
    private final double logTotalMass;
    private final int[] offset;
    private final BarycenterMetrics metrics;

    /**
     * @param population the index of the barycenter's population
     * @param inputs the input measures nu_k (same dimension as the particles)
     * @param w the barycentric weights, positive, summing to 1
     * @param lambda the inner strength > 0
     * @param sinkhornIterations s >= 1 warm-started Sinkhorn iterations per input and step
     * @param totalMass the population's total mass (the masses are divided by it)
     * @param metrics the metric columns
     */
    public ParticleBarycenter(int population, int dim, List<PointCloud> inputs, double[] w, double lambda,
                              int sinkhornIterations, double totalMass, BarycenterMetrics metrics) {
        if (inputs.isEmpty() || w.length != inputs.size()) throw new IllegalArgumentException("one weight per input");
        if (!(lambda > 0) || Double.isInfinite(lambda)) throw new IllegalArgumentException("lambda must be > 0");
        if (sinkhornIterations < 1) throw new IllegalArgumentException("sinkhornIterations must be >= 1");
        if (!(totalMass > 0)) throw new IllegalArgumentException("the population's total mass must be > 0");
        this.population = population;
        this.dim = dim;
        this.inputs = new InputTransport[inputs.size()];
        this.offset = new int[inputs.size() + 1];
        for (int k = 0; k < inputs.size(); k++) {
            if (inputs.get(k).dim() != dim) {
                throw new IllegalArgumentException("input " + k + " has dimension " + inputs.get(k).dim() + ", the particles " + dim);
            }
            this.inputs[k] = new InputTransport(inputs.get(k), lambda);
            offset[k + 1] = offset[k] + inputs.get(k).size();
        }
        this.w = w.clone();
        this.lambda = lambda;
        this.iterations = sinkhornIterations;
        this.logTotalMass = Math.log(totalMass);
        this.metrics = metrics;
    }

    @Override public int rounds() { return inputs.length * iterations; }

    @Override public Reduction reduction(int round) { return Reduction.logSumExp(inputs[round / iterations].size()); }

    @Override public int globalStateLength() { return offset[inputs.length]; }

    /** The potential g^k that round {@code round} starts from: the step's global state, or the previous round's. */
    private double[] potentialBefore(int round, Summaries s) {
        int k = round / iterations;
        if (round % iterations == 0) {
            double[] g = new double[inputs[k].size()];
            System.arraycopy(s.global(), offset[k], g, 0, g.length);
            return g;
        }
        return s.sum(round - 1);
    }

    @Override
    public void partial(int round, Block b, Summaries done, double[] out) {
        if (b.population() != population || b.count() == 0) return;
        InputTransport in = inputs[round / iterations];
        int n = b.count();
        double[] f = new double[n];
        in.rows(b.x(), n, in.rowOffsets(potentialBefore(round, done), 0), f, null, new double[in.size()]);
        in.columns(b.x(), n, f, logMasses(b), out);
    }

    private double[] logMasses(Block b) {
        double[] logA = new double[b.count()];
        for (int i = 0; i < logA.length; i++) logA[i] = Math.log(b.m()[i]) - logTotalMass;
        return logA;
    }

    /** Round r's folded pairs become {@code g_j = -lambda LSE_j}. */
    @Override
    public void globalStep(int round, Summaries summaries) {
        double[] pairs = summaries.sum(round);
        int m = pairs.length / 2;
        double[] g = new double[m];
        for (int j = 0; j < m; j++) g[j] = -lambda * Reduction.logSumExpOf(pairs, m, j);
        summaries.set(round, g);
    }

    @Override
    public double[] carryGlobal(Summaries done) {
        double[] next = new double[globalStateLength()];
        for (int k = 0; k < inputs.length; k++) {
            double[] g = done.sum(k * iterations + iterations - 1);
            System.arraycopy(g, 0, next, offset[k], g.length);
        }
        return next;
    }

    /** Metric sums: total mass, then sum m x (d), sum m x x' (d x d), sum m err_k (K). */
    @Override public int metricSumLength() { return 1 + dim + dim * dim + inputs.length; }

    /** The inner Sinkhorn solve carries its potentials across steps: a stale one only slows it down. */
    @Override public String staleSummaryProblem() {
        return "the barycenter's Sinkhorn potentials are carried across steps on the scheduler, and a stale summary"
                + " is plain Sinkhorn s + 1 times slower";
    }

    @Override
    public void firstVariation(Block b, Summaries s, double[] v, double[] gradV, double[] sums) {
        if (b.population() != population) return;
        int n = b.count();
        double[] x = b.x(), m = b.m();
        double[] fHat = new double[n], f = new double[n], mean = new double[n * dim];
        int last = iterations - 1;
        for (int k = 0; k < inputs.length; k++) {
            InputTransport in = inputs[k];
            double[] z = new double[in.size()];
            in.rows(x, n, in.rowOffsets(s.sum(k * iterations + last), 0), fHat, mean, z);
            in.rows(x, n, in.rowOffsets(potentialBefore(k * iterations + last, s), 0), f, null, z);
            int errAt = 1 + dim + dim * dim + k;
            for (int i = 0, at = 0; i < n; i++, at += dim) {
                v[i] += w[k] * fHat[i];
                for (int c = 0; c < dim; c++) gradV[at + c] += w[k] * (x[at + c] - mean[at + c]);
                sums[errAt] += m[i] * Math.abs(Math.expm1((f[i] - fHat[i]) / lambda));
            }
        }
        for (int i = 0, at = 0; i < n; i++, at += dim) {
            sums[0] += m[i];
            for (int a = 0; a < dim; a++) {
                sums[1 + a] += m[i] * x[at + a];
                for (int c = 0; c < dim; c++) sums[1 + dim + a * dim + c] += m[i] * x[at + a] * x[at + c];
            }
        }
    }

    @Override public List<String> metricNames() { return metrics.names(); }

    @Override public Map<String, Object> conventions() { return metrics.conventions(); }

    @Override
    public double[] metrics(Summaries s, double[] sums) {
        double total = sums[0];
        double[] mean = new double[dim], cov = new double[dim * dim], err = new double[inputs.length];
        for (int a = 0; a < dim; a++) mean[a] = sums[1 + a] / total;
        for (int a = 0; a < dim; a++) {
            for (int c = 0; c < dim; c++) cov[a * dim + c] = sums[1 + dim + a * dim + c] / total - mean[a] * mean[c];
        }
        for (int k = 0; k < inputs.length; k++) err[k] = sums[1 + dim + dim * dim + k] / total;
        return metrics.values(mean, cov, err);
    }

    /** Blocks of 256 particles (each LOG_SUM_EXP partial holds 2 M doubles per block). */
    @Override public int defaultBlockSize(int[] counts) { return 256; }

    /** Per step, each input: s column passes with their row passes, then two row passes. */
    @Override
    public double pairEvaluationsPerStep(int[] counts) {
        return (double) counts[population] * globalStateLength() * (2.0 * iterations + 2);
    }
}
