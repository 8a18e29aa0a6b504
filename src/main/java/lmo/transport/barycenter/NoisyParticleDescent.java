package lmo.transport.barycenter;

import lmo.transport.NonFiniteException;
import java.util.List;
import java.util.stream.IntStream;
import lmo.rng.CounterRng;

/**
 * Noisy particle gradient descent (NPGD, Chizat arXiv 2303.11844 §2.3 of the digest) for the (lambda, tau)-barycenter
 * with cost {@code c(x, y) = 1/2 |x - y|^2}, inner {@code lambda KL(gamma | mu (x) nu_k)}, outer {@code tau H(mu)}.
 * N particles X_i in R^d with weights a_i = 1/N approximate mu; per step t, for each input
 * {@code nu_k = sum_j b^k_j delta_{y^k_j}}, warm-started log-domain Sinkhorn iterations (the potential g^k on the
 * input's points is the warm state, kept from step to step):
 *
 * <pre>
 *   f_i = -lambda LSE_j( (g_j - c(X_i, y_j)) / lambda + log b_j )          (at the current X)
 *   repeat s times:  g_j = -lambda LSE_i( (f_i - c(X_i, y_j)) / lambda + log a_i ),  then f again
 *   E_k[Y | X_i] = sum_j softmax_j( (g_j - c(X_i, y_j)) / lambda + log b_j ) y_j      (= X_i - grad phi_k(X_i))
 *   X_i <- X_i - eta sum_k w_k (X_i - E_k[Y | X_i]) + sqrt(2 eta tau) xi_i
 * </pre>
 *
 * xi_i is standard Gaussian from {@link CounterRng}, keyed by (seed, population 0, particle id i, step t,
 * {@link #STREAM_NOISE}), so a particle's noise does not depend on who computes it. Everything is online: rows and
 * columns of the cost are computed on the fly with a max-stabilised log-sum-exp, memory is O(N + M_k) (no N x M
 * matrix). The particles are cut into blocks of {@code blockSize}; a particle's update reads only its own position
 * and the shared potentials, so it is the same whatever order or thread processes the blocks; the column
 * log-sum-exps over particles are combined from per-block partials (max, sum) in block order, as the engine's
 * block-ordered reductions will do. The inner marginal error of input k is the l1 error of the first marginal of the
 * plan {@code exp((f_i + g_j - c_ij)/lambda) a_i b_j} after the last g-update (its second marginal is exact):
 * {@code sum_i a_i |exp((f_i - fhat_i)/lambda) - 1|}, fhat the row log-sum-exp with that g.
 *
 * <p>The chain's stationary variance differs from the barycenter's by O(eta) (Euler bias, about eta tau^2 / s^2 for
 * Gaussians) and by O(1/N).
 */
public final class NoisyParticleDescent {
    /** Stream of the particles' noise ({@link CounterRng#STREAM_BARYCENTER_NOISE}). */
    public static final int STREAM_NOISE = lmo.rng.CounterRng.STREAM_BARYCENTER_NOISE;

    /**
     * @param lambda inner strength > 0
     * @param tau outer strength >= 0 (0: no noise)
     * @param stepSize eta > 0
     * @param sinkhornIterations s >= 1 warm-started Sinkhorn iterations per input and step
     * @param seed keys the noise
     */
    public record Settings(double lambda, double tau, double stepSize, int sinkhornIterations, long seed) {
        public Settings {
            GaussianEot.positive("lambda", lambda);
            GaussianEot.positive("stepSize", stepSize);
            if (!(tau >= 0) || Double.isInfinite(tau)) throw new IllegalArgumentException("tau must be >= 0, got " + tau);
            if (sinkhornIterations < 1) throw new IllegalArgumentException("sinkhornIterations must be >= 1");
        }
    }

    private final int dim, n;
    private final double[] x;
    private final PointCloud[] inputs;
    private final double[] w;
    private final Settings settings;
    private final double[][] g;          // warm state: potential of input k on its points
    private final double[][] logB;
    private final double[][] hg;         // g^k / lambda + log b^k
    private final double[] hf;           // f / lambda
    private final double[] f, fHat, drift, rowError;
    private final double[] marginalErrors;
    private final int blockSize, blocks;
    private boolean parallel = true;
    private int[] order;                 // block visiting order when sequential (tests)
    private long step;

    /**
     * @param dim d
     * @param x0 the initial positions, flat {@code x0[i*dim + c]} (copied)
     * @param inputs the K input measures
     * @param w the weights w_k, positive, summing to 1
     * @param blockSize particles per block (the unit of parallel work and of the column reductions)
     */
    public NoisyParticleDescent(int dim, double[] x0, List<PointCloud> inputs, double[] w, Settings settings, int blockSize) {
        if (dim < 1 || x0.length % dim != 0 || x0.length == 0) throw new IllegalArgumentException("x0 must hold N >= 1 points of dimension " + dim);
        if (blockSize < 1) throw new IllegalArgumentException("blockSize must be >= 1");
        GaussianBarycenter.checkWeights(w, inputs.size());
        this.dim = dim;
        this.n = x0.length / dim;
        this.x = x0.clone();
        this.inputs = inputs.toArray(new PointCloud[0]);
        this.w = w.clone();
        this.settings = settings;
        this.g = new double[this.inputs.length][];
        this.logB = new double[this.inputs.length][];
        this.hg = new double[this.inputs.length][];
        for (int k = 0; k < this.inputs.length; k++) {
            PointCloud p = this.inputs[k];
            if (p.dim() != dim) throw new IllegalArgumentException("input " + k + " has dimension " + p.dim() + ", particles " + dim);
            g[k] = new double[p.size()];
            logB[k] = new double[p.size()];
            for (int j = 0; j < p.size(); j++) logB[k][j] = Math.log(p.weights()[j]);
            hg[k] = logB[k].clone();
        }
        for (int i = 0; i < x.length; i++) if (!Double.isFinite(x[i])) throw new IllegalArgumentException("x0[" + i + "] is " + x[i]);
        this.f = new double[n];
        this.fHat = new double[n];
        this.hf = new double[n];
        this.rowError = new double[n];
        this.drift = new double[n * dim];
        this.marginalErrors = new double[this.inputs.length];
        this.blockSize = blockSize;
        this.blocks = (n + blockSize - 1) / blockSize;
    }

    /** Process the blocks on the common fork-join pool (default) or one after the other. */
    public NoisyParticleDescent parallel(boolean on) { this.parallel = on; return this; }

    /** Sequential processing in this block order (a permutation of 0 .. blocks-1); for tests. */
    NoisyParticleDescent blockOrder(int[] permutation) {
        if (permutation.length != blocks) throw new IllegalArgumentException(permutation.length + " != " + blocks + " blocks");
        this.order = permutation.clone();
        this.parallel = false;
        return this;
    }

    /** One NPGD step; throws {@link NonFiniteException} (naming step and particle) on a NaN or an infinity. */
    public void step() {
        java.util.Arrays.fill(drift, 0);
        double lambda = settings.lambda();
        for (int k = 0; k < inputs.length; k++) {
            final int in = k;
            forEachBlock(b -> rows(in, b, f, false));
            for (int it = 0; it < settings.sinkhornIterations(); it++) {
                columns(in);
                if (it + 1 < settings.sinkhornIterations()) forEachBlock(b -> rows(in, b, f, false));
            }
            forEachBlock(b -> rows(in, b, fHat, true));
            double e = 0;
            for (int i = 0; i < n; i++) e += rowError[i];
            marginalErrors[k] = e / n;
            for (int j = 0; j < g[k].length; j++) if (!Double.isFinite(g[k][j])) throw new NonFiniteException("potential g", step, k, j, g[k][j]);
        }
        forEachBlock(this::move);
        step++;
    }

    /** Runs {@code steps} steps. */
    public void run(int steps) { for (int s = 0; s < steps; s++) step(); }

    private void forEachBlock(java.util.function.IntConsumer task) {
        if (parallel) IntStream.range(0, blocks).parallel().forEach(task);
        else if (order != null) for (int b : order) task.accept(b);
        else for (int b = 0; b < blocks; b++) task.accept(b);
    }

    /**
     * Row pass over the particles of block b: {@code out_i = -lambda LSE_j((g_j - c(X_i, y_j))/lambda + log b_j)};
     * with {@code drift}, also adds {@code w_k (X_i - E_k[Y | X_i])} to the drift and stores the row's marginal error.
     */
    private void rows(int k, int block, double[] out, boolean withDrift) {
        double lambda = settings.lambda(), inv2l = 1 / (2 * lambda);
        double[] y = inputs[k].points(), h = hg[k];
        int m = h.length;
        double[] v = new double[m], mean = new double[dim];
        int end = Math.min(n, (block + 1) * blockSize);
        for (int i = block * blockSize; i < end; i++) {
            int at = i * dim;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0, yj = 0; j < m; j++, yj += dim) {
                double r2 = 0;
                for (int c = 0; c < dim; c++) { double u = x[at + c] - y[yj + c]; r2 += u * u; }
                double s = h[j] - r2 * inv2l;
                v[j] = s;
                if (s > max) max = s;
            }
            double sum = 0;
            if (withDrift) {
                java.util.Arrays.fill(mean, 0);
                for (int j = 0, yj = 0; j < m; j++, yj += dim) {
                    double d = v[j] - max;
                    if (d < NEGLIGIBLE) continue;
                    double e = Math.exp(d);
                    sum += e;
                    for (int c = 0; c < dim; c++) mean[c] += e * y[yj + c];
                }
                for (int c = 0; c < dim; c++) drift[at + c] += w[k] * (x[at + c] - mean[c] / sum);
            } else {
                for (int j = 0; j < m; j++) {
                    double d = v[j] - max;
                    if (d >= NEGLIGIBLE) sum += Math.exp(d);
                }
            }
            double fi = -lambda * (max + Math.log(sum));
            if (!Double.isFinite(fi)) throw new NonFiniteException("potential f", step, k, i, fi);
            out[i] = fi;
            if (withDrift) rowError[i] = Math.abs(Math.expm1((f[i] - fi) / lambda));
        }
    }

    /**
     * Terms of a log-sum-exp more than 60 below its maximum are skipped: each is below e^-60 ~ 1e-26 of the largest
     * term, so all of them together (fewer than 10^9) change the sum by less than 1e-17 relative, below its rounding.
     */
    static final double NEGLIGIBLE = -60;

    /** {@code hg[k][j] = g^k_j / lambda + log b^k_j}, refreshed after every g-update. */
    private void refresh(int k) {
        double lambda = settings.lambda();
        for (int j = 0; j < g[k].length; j++) hg[k][j] = g[k][j] / lambda + logB[k][j];
    }

    /** Column pass: {@code g_j = -lambda LSE_i((f_i - c(X_i, y_j))/lambda - log N)}, from per-block partials in block order. */
    private void columns(int k) {
        double lambda = settings.lambda(), inv2l = 1 / (2 * lambda), logA = -Math.log(n);
        double[] y = inputs[k].points(), gk = g[k];
        int m = gk.length;
        double[] pMax = new double[blocks * m], pSum = new double[blocks * m];
        for (int i = 0; i < n; i++) hf[i] = f[i] / lambda;
        forEachBlock(block -> {
            int start = block * blockSize, end = Math.min(n, start + blockSize);
            double[] v = new double[end - start];
            for (int j = 0, yj = 0; j < m; j++, yj += dim) {
                double max = Double.NEGATIVE_INFINITY;
                for (int i = start; i < end; i++) {
                    int at = i * dim;
                    double r2 = 0;
                    for (int c = 0; c < dim; c++) { double u = x[at + c] - y[yj + c]; r2 += u * u; }
                    double s = hf[i] - r2 * inv2l;
                    v[i - start] = s;
                    if (s > max) max = s;
                }
                double sum = 0;
                for (int i = start; i < end; i++) {
                    double d = v[i - start] - max;
                    if (d >= NEGLIGIBLE) sum += Math.exp(d);
                }
                pMax[block * m + j] = max;
                pSum[block * m + j] = sum;
            }
        });
        for (int j = 0; j < m; j++) gk[j] = -lambda * (Lse.combine(pMax, pSum, j, blocks * m, m) + logA);
        refresh(k);
    }

    /** {@code X_i <- X_i - eta drift_i + sqrt(2 eta tau) xi_i} for the particles of block b. */
    private void move(int block) {
        double eta = settings.stepSize(), sigma = Math.sqrt(2 * eta * settings.tau());
        double[] xi = new double[dim];
        int end = Math.min(n, (block + 1) * blockSize);
        for (int i = block * blockSize; i < end; i++) {
            int at = i * dim;
            if (sigma > 0) CounterRng.gaussians(settings.seed(), 0, i, step, STREAM_NOISE, xi, 0, dim);
            for (int c = 0; c < dim; c++) {
                double next = x[at + c] - eta * drift[at + c] + sigma * xi[c];
                if (!Double.isFinite(next)) throw new NonFiniteException("position", step, -1, i, next);
                x[at + c] = next;
            }
        }
    }

    public int size() { return n; }
    public int dim() { return dim; }
    /** The number of steps made. */
    public long steps() { return step; }
    /** The positions, flat (a copy). */
    public double[] positions() { return x.clone(); }
    /** The warm state: the potential g^k on input k's points (a copy). */
    public double[] potential(int k) { return g[k].clone(); }
    /** Per input, the inner marginal error of the last step (a copy). */
    public double[] marginalErrors() { return marginalErrors.clone(); }

    /** The particles' mean per coordinate (summed in particle order). */
    public double[] mean() {
        double[] m = new double[dim];
        for (int i = 0; i < n; i++) for (int c = 0; c < dim; c++) m[c] += x[i * dim + c];
        for (int c = 0; c < dim; c++) m[c] /= n;
        return m;
    }

    /** The particles' covariance, d x d row-major (weights 1/N, no Bessel correction). */
    public double[] covariance() {
        double[] m = mean(), cov = new double[dim * dim];
        for (int i = 0; i < n; i++)
            for (int a = 0; a < dim; a++)
                for (int b = 0; b < dim; b++) cov[a * dim + b] += (x[i * dim + a] - m[a]) * (x[i * dim + b] - m[b]);
        for (int a = 0; a < dim * dim; a++) cov[a] /= n;
        return cov;
    }

    /** The variance per coordinate (the diagonal of {@link #covariance()}). */
    public double[] variances() {
        double[] cov = covariance(), v = new double[dim];
        for (int c = 0; c < dim; c++) v[c] = cov[c * dim + c];
        return v;
    }
}
