package lmo.model.barycenter;

import java.util.List;
import java.util.Map;
import lmo.particles.Block;
import lmo.particles.Reduction;
import lmo.particles.Summaries;
import lmo.model.Model;
import lmo.transport.barycenter.PointCloud;
import lmo.transport.barycenter.AcceleratedSinkhorn;

/**
 * The (lambda, tau)-barycenter by noisy particle gradient descent (Chizat, arXiv 2303.11844; digest §2.3), cost
 * {@code c(x, y) = 1/2 |x - y|^2}: the particles {@code (X_i, a_i)} of one population (masses normalised to
 * {@code a_i = m_i / sum m}) approximate mu, and the first variation of {@code sum_k w_k T_lambda(mu, nu_k)} is
 * {@code V = sum_k w_k phi_k} with {@code grad phi_k(x) = x - E_{gamma_k}[Y | X = x]}. With the {@code langevin}
 * dynamics at temperature tau and step eta the engine's update is exactly
 * {@code X <- X - eta sum_k w_k (X - E_k[Y | X]) + sqrt(2 eta tau) xi}.
 *
 * <p>The potentials {@code g^k} on the inputs' points are the model's global state across steps (hashed,
 * checkpointed; zero at step 0), warm-starting up to s Sinkhorn iterations per input and step. Round
 * {@code r = k s + i} (iteration i towards input k) is a LOG_SUM_EXP over the particles: each block computes the
 * c-transform {@code f = g^c} of the latest g at its particles and its column partial; {@link #globalStep} turns the
 * folded pairs into {@code gHat_j = -lambda LSE_i((f_i - c_ij)/lambda + log a_i)}. Two ways to use them:
 *
 * <ul>
 *   <li><b>fixed</b> ({@link Inner#fixed}): {@code g <- gHat} in every round, s rounds; the first variation uses
 *   the last g: {@code fHat = g^c} and the conditional means. The metric {@code marginalError_k} is the l1 error of
 *   the first marginal of the plan {@code exp((f_i + g_j - c_ij)/lambda) a_i b_j} after the last g-update (its
 *   second marginal is exact): {@code sum_i a_i |exp((f_i - fHat_i)/lambda) - 1|}.
 *   <li><b>to a tolerance</b> ({@link Inner#toTolerance}): round r measures the plan of its potential g, whose
 *   first marginal is exact ({@code f = g^c}): the l1 error of its second marginal
 *   {@code e = sum_j b_j |exp((g_j - gHat_j)/lambda) - 1|}, computed on the scheduler from the folded pairs (two
 *   more pairs fold {@code sum_i a_i f_i}, the particles' part of the semi-dual), then takes the next point of the
 *   safeguarded over-relaxed iteration of {@link AcceleratedSinkhorn} (omega = 1: plain Sinkhorn). The input's
 *   iteration stops after the first round with {@code e < tolerance}, or after s rounds; the remaining rounds of the
 *   input are empty (no pass over the particles, still a message round each). The first variation uses the last
 *   round's measured g (the plan whose error e is {@code marginalError_k}: below the tolerance unless the cap s was
 *   reached, {@code innerIterations_k} = s), and the next step starts from the next point.
 * </ul>
 *
 * In the tolerance mode round r's summary becomes the {@link AcceleratedSinkhorn} state followed by
 * {@code [rounds so far, stopped]}; later rounds of a stopped input hold {@code [last active round]}, and round r
 * replaces round r - 1's by {@code [-1]} (nothing reads it any more), so the summaries sent with each round stay
 * O(K M) doubles, not O(s K M). An empty round costs the engine's round trip only: about 35 microseconds on the
 * local engine with 2 shards, more across JVMs.
 *
 * <p>The chain's stationary law differs from the barycenter by O(eta) (about eta tau^2 / s^2 in variance for
 * Gaussians) and by the particles' O(1/sqrt N) noise; lower the step size and raise N to reduce both. A small
 * lambda needs inputs resolved to the plan's conditional spread (about {@code sqrt(lambda sigma_k / sigma_mu)}
 * between Gaussians: a fine lattice or many samples) and inner iterations to a tolerance: plain Sinkhorn contracts
 * the plan's slowest mode by about {@code 1 - lambda / (sigma_mu sigma_k)} per iteration between Gaussians, the
 * accelerated iteration by about {@code omega - 1}; a fixed handful per step cannot follow the moving particles.
 */
public final class ParticleBarycenter implements Model {
    /**
     * The inner Sinkhorn solve per input and step.
     *
     * @param iterations s >= 1: the rounds per input and step (fixed), or at most (to a tolerance)
     * @param tolerance the l1 marginal error that stops an input's rounds (>= 0), or NaN: s plain rounds, fixed
     * @param overRelaxation omega in [1, 2) of {@link AcceleratedSinkhorn} (1 when fixed)
     */
    public record Inner(int iterations, double tolerance, double overRelaxation) {
        public Inner {
            if (iterations < 1) throw new IllegalArgumentException("sinkhornIterations must be >= 1");
            if (!(tolerance >= 0) && !Double.isNaN(tolerance) || Double.isInfinite(tolerance)) {
                throw new IllegalArgumentException("the inner tolerance must be >= 0 and finite, got " + tolerance);
            }
            if (!(overRelaxation >= 1 && overRelaxation < 2)) {
                throw new IllegalArgumentException("the over-relaxation must be in [1, 2), got " + overRelaxation);
            }
            if (Double.isNaN(tolerance) && overRelaxation != 1) {
                throw new IllegalArgumentException("over-relaxation needs an inner tolerance");
            }
        }

        /** s plain rounds per input and step. */
        public static Inner fixed(int iterations) { return new Inner(iterations, Double.NaN, 1); }

        /** Rounds until the marginal error is below tolerance, at most s, accelerated by omega (1: plain). */
        public static Inner toTolerance(int iterations, double tolerance, double omega) {
            if (Double.isNaN(tolerance)) throw new IllegalArgumentException("the inner tolerance is NaN");
            return new Inner(iterations, tolerance, omega);
        }

        boolean isFixed() { return Double.isNaN(tolerance); }
    }

    private final int population;
    private final int dim;
    private final InputTransport[] inputs;
    private final double[][] b;
    private final double[] w;
    private final double lambda;
    private final int iterations;
    private final Inner inner;
    private final double logTotalMass;
    private final int[] offset;
    private final BarycenterMetrics metrics;

    /** {@link #ParticleBarycenter(int, int, List, double[], double, Inner, double, BarycenterMetrics)}, fixed s. */
    public ParticleBarycenter(int population, int dim, List<PointCloud> inputs, double[] w, double lambda,
                              int sinkhornIterations, double totalMass, BarycenterMetrics metrics) {
        this(population, dim, inputs, w, lambda, Inner.fixed(sinkhornIterations), totalMass, metrics);
    }

    /**
     * @param population the index of the barycenter's population
     * @param inputs the input measures nu_k (same dimension as the particles)
     * @param w the barycentric weights, positive, summing to 1
     * @param lambda the inner strength > 0
     * @param inner the inner Sinkhorn solve per input and step
     * @param totalMass the population's total mass (the masses are divided by it)
     * @param metrics the metric columns (with {@code innerIterations_k} to a tolerance)
     */
    public ParticleBarycenter(int population, int dim, List<PointCloud> inputs, double[] w, double lambda,
                              Inner inner, double totalMass, BarycenterMetrics metrics) {
        if (inputs.isEmpty() || w.length != inputs.size()) throw new IllegalArgumentException("one weight per input");
        if (!(lambda > 0) || Double.isInfinite(lambda)) throw new IllegalArgumentException("lambda must be > 0");
        if (!(totalMass > 0)) throw new IllegalArgumentException("the population's total mass must be > 0");
        this.population = population;
        this.dim = dim;
        this.inputs = new InputTransport[inputs.size()];
        this.b = new double[inputs.size()][];
        this.offset = new int[inputs.size() + 1];
        for (int k = 0; k < inputs.size(); k++) {
            if (inputs.get(k).dim() != dim) {
                throw new IllegalArgumentException("input " + k + " has dimension " + inputs.get(k).dim() + ", the particles " + dim);
            }
            this.inputs[k] = new InputTransport(inputs.get(k), lambda);
            this.b[k] = inputs.get(k).weights().clone();
            offset[k + 1] = offset[k] + inputs.get(k).size();
        }
        this.w = w.clone();
        this.lambda = lambda;
        this.inner = inner;
        this.iterations = inner.iterations();
        this.logTotalMass = Math.log(totalMass);
        this.metrics = inner.isFixed() ? metrics : metrics.withInnerIterations();
    }

    @Override public int rounds() { return inputs.length * iterations; }

    /** M_k pairs for gHat (and, to a tolerance, two more for {@code sum_i a_i f_i}, the semi-dual's particle part). */
    @Override public Reduction reduction(int round) { return Reduction.logSumExp(terms(round / iterations)); }

    private int terms(int k) { return inputs[k].size() + (inner.isFixed() ? 0 : 2); }

    @Override public int globalStateLength() { return offset[inputs.length]; }

    /**
     * Tolerance mode: an active round's summary is the {@link AcceleratedSinkhorn} state (the next point first, then
     * the measured one, ...), then the rounds so far and the stop flag.
     */
    private int roundsAt(int k) { return AcceleratedSinkhorn.length(inputs[k].size()); }

    private int stoppedAt(int k) { return roundsAt(k) + 1; }

    /** The potential g^k that round {@code round} starts from: the step's global state, or the previous round's. */
    private double[] potentialBefore(int round, Summaries s) {
        int k = round / iterations;
        if (round % iterations == 0) {
            double[] g = new double[inputs[k].size()];
            System.arraycopy(s.global(), offset[k], g, 0, g.length);
            return g;
        }
        double[] before = s.sum(round - 1);
        return before.length == inputs[k].size() ? before : java.util.Arrays.copyOf(before, inputs[k].size());
    }

    /** Tolerance mode: whether round {@code round} is empty (its input stopped in an earlier round). */
    private boolean empty(int round, Summaries s) {
        if (round % iterations == 0) return false;
        double[] before = s.sum(round - 1);
        return before.length == 1 || before[stoppedAt(round / iterations)] != 0;
    }

    @Override
    public void partial(int round, Block b, Summaries done, double[] out) {
        if (b.population() != population || b.count() == 0) return;
        if (!inner.isFixed() && empty(round, done)) return;
        int k = round / iterations;
        InputTransport in = inputs[k];
        int n = b.count();
        double[] f = new double[n], logA = logMasses(b);
        in.rows(b.x(), n, in.rowOffsets(potentialBefore(round, done), 0), f, null, new double[in.size()]);
        in.columns(b.x(), n, f, logA, out, terms(k));
        if (!inner.isFixed()) InputTransport.signedPartial(f, logA, n, out, in.size(), terms(k));
    }

    private double[] logMasses(Block b) {
        double[] logA = new double[b.count()];
        for (int i = 0; i < logA.length; i++) logA[i] = Math.log(b.m()[i]) - logTotalMass;
        return logA;
    }

    /**
     * Round r's folded pairs become {@code gHat_j = -lambda LSE_j}: the next g (fixed), or, to a tolerance, the next
     * {@link AcceleratedSinkhorn} state of the input's solve.
     */
    @Override
    public void globalStep(int round, Summaries summaries) {
        int k = round / iterations, i = round % iterations, m = inputs[k].size(), terms = terms(k);
        double[] pairs = summaries.sum(round);
        if (!inner.isFixed() && empty(round, summaries)) {
            double[] before = summaries.sum(round - 1);
            summaries.set(round, new double[] {before.length == 1 ? before[0] : round - 1});
            return;
        }
        double[] g = new double[m];
        for (int j = 0; j < m; j++) g[j] = -lambda * Reduction.logSumExpOf(pairs, terms, j);
        if (inner.isFixed()) {
            summaries.set(round, g);
            return;
        }
        double[] before = i == 0 ? null : summaries.sum(round - 1);
        double[] state = AcceleratedSinkhorn.round(before, potentialBefore(round, summaries), g,
                InputTransport.signedSum(pairs, terms, m), b[k], lambda, inner.overRelaxation());
        double[] out = java.util.Arrays.copyOf(state, stoppedAt(k) + 1);
        out[roundsAt(k)] = i + 1;
        out[stoppedAt(k)] = AcceleratedSinkhorn.error(state, m) < inner.tolerance() || i + 1 == iterations ? 1 : 0;
        summaries.set(round, out);
        if (i > 0) summaries.set(round - 1, new double[] {-1});
    }

    /** Tolerance mode: the summary of input k's last active round. */
    private double[] lastActive(int k, Summaries s) {
        double[] last = s.sum(k * iterations + iterations - 1);
        return last.length == 1 ? s.sum((int) last[0]) : last;
    }

    @Override
    public double[] carryGlobal(Summaries done) {
        double[] next = new double[globalStateLength()];
        for (int k = 0; k < inputs.length; k++) {
            double[] g = inner.isFixed() ? done.sum(k * iterations + iterations - 1) : lastActive(k, done);
            System.arraycopy(g, 0, next, offset[k], inputs[k].size());
        }
        return next;
    }

    /** Metric sums: total mass, then sum m x (d), sum m x x' (d x d), sum m err_k (K; fixed only). */
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
            if (inner.isFixed()) {
                in.rows(x, n, in.rowOffsets(s.sum(k * iterations + last), 0), fHat, mean, z);
                in.rows(x, n, in.rowOffsets(potentialBefore(k * iterations + last, s), 0), f, null, z);
            } else {
                in.rows(x, n, in.rowOffsets(lastActive(k, s), AcceleratedSinkhorn.measured(in.size())), fHat, mean, z);
            }
            int errAt = 1 + dim + dim * dim + k;
            for (int i = 0, at = 0; i < n; i++, at += dim) {
                v[i] += w[k] * fHat[i];
                for (int c = 0; c < dim; c++) gradV[at + c] += w[k] * (x[at + c] - mean[at + c]);
                if (inner.isFixed()) sums[errAt] += m[i] * Math.abs(Math.expm1((f[i] - fHat[i]) / lambda));
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
        double[] rounds = new double[inputs.length];
        for (int a = 0; a < dim; a++) mean[a] = sums[1 + a] / total;
        for (int a = 0; a < dim; a++) {
            for (int c = 0; c < dim; c++) cov[a * dim + c] = sums[1 + dim + a * dim + c] / total - mean[a] * mean[c];
        }
        for (int k = 0; k < inputs.length; k++) {
            if (inner.isFixed()) {
                err[k] = sums[1 + dim + dim * dim + k] / total;
            } else {
                double[] last = lastActive(k, s);
                err[k] = AcceleratedSinkhorn.error(last, inputs[k].size());
                rounds[k] = last[roundsAt(k)];
            }
        }
        return inner.isFixed() ? metrics.values(mean, cov, err) : metrics.values(mean, cov, err, rounds);
    }

    /** Blocks of 256 particles (each LOG_SUM_EXP partial holds 2 M doubles per block). */
    @Override public int defaultBlockSize(int[] counts) { return 256; }

    /**
     * Per step, each input: s column passes with their row passes, then two row passes (fixed); at most s of them
     * and one row pass (to a tolerance: the count at the cap).
     */
    @Override
    public double pairEvaluationsPerStep(int[] counts) {
        return (double) counts[population] * globalStateLength() * (2.0 * iterations + (inner.isFixed() ? 2 : 1));
    }
}
