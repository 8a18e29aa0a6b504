package lmo.transport.barycenter;

import lmo.transport.NonFiniteException;
import java.util.ArrayList;
import java.util.List;

/**
 * The (lambda, tau)-barycenter on a tensor grid (d = 1, 2), by damped Sinkhorn: Algorithm 1 of Vaškevičius–Chizat
 * (arXiv 2307.13370), in the log domain. Cost {@code c(x, y) = 1/2 |x - y|^2}; inner {@code lambda KL(gamma | mu (x) nu_k)};
 * outer {@code tau H(mu)}, the reference measure uniform on the grid (Lebesgue up to a constant). The inputs
 * {@code nu_k = sum_i b^k_i delta_{y_i}} and the barycenter live on the same grid. From {@code psi^k_0 = 0}:
 *
 * <pre>
 *   phi^k_t(x)    = -lambda LSE_y( (psi^k_t(y) - c(x, y)) / lambda + log b^k(y) )          exact c-transform
 *   log mu_t(x)   = -sum_k w_k phi^k_t(x) / tau - log Z_t                                  exact Gibbs barycenter
 *   psihat^k(y)   = -lambda LSE_x( (phi^k_t(x) - c(x, y)) / lambda + log mu_t(x) )
 *   psi^k_{t+1}   = (1 - eta) psi^k_t + eta psihat^k,     eta = min(1, tau / lambda)         damped Sinkhorn
 * </pre>
 *
 * The kernel is applied separably per axis ({@link SeparableLogKernel}): no grid-by-grid matrix. The plan
 * {@code gamma^k_t = exp((phi^k_t + psi^k_t - c)/lambda) mu_t (x) nu_k} has first marginal mu_t exactly; its second
 * marginal is {@code b^k exp((psi^k_t - psihat^k)/lambda)}, and the inner marginal error of input k at iteration t
 * is {@code sum_y b^k(y) |exp((psi^k_t(y) - psihat^k(y))/lambda) - 1|} (l1). The solve stops after
 * {@code maxIterations} or at the first iteration where every inner marginal error is below the tolerance; it
 * returns mu_t of that iteration. Undamped (eta = 1) iterations diverge for tau < lambda/2 (the digest §3.1); the
 * default damping min(1, tau/lambda) converges for every ratio.
 */
public final class GridBarycenter {
    private final TensorGrid grid;
    private final double[][] logB;
    private final double[] w;
    private final double lambda, tau;
    private double damping;
    private int maxIterations = 1000;
    private double tolerance = 0;
    private boolean exactKernel;

    /**
     * @param grid the grid of the inputs and of the barycenter
     * @param logInputs per input k, the log-weights {@code log b^k} on the grid (normalised; -infinity where b = 0)
     * @param w the weights w_k, positive, summing to 1
     * @param lambda inner strength > 0
     * @param tau outer strength > 0
     */
    public GridBarycenter(TensorGrid grid, double[][] logInputs, double[] w, double lambda, double tau) {
        GaussianBarycenter.checkWeights(w, logInputs.length);
        this.grid = grid;
        this.logB = new double[logInputs.length][];
        for (int k = 0; k < logInputs.length; k++) {
            if (logInputs[k].length != grid.size())
                throw new IllegalArgumentException("input " + k + " has " + logInputs[k].length + " weights, the grid " + grid.size() + " points");
            logB[k] = TensorGrid.normalised(logInputs[k].clone());
        }
        this.w = w.clone();
        this.lambda = GaussianEot.positive("lambda", lambda);
        this.tau = GaussianEot.positive("tau", tau);
        this.damping = Math.min(1, tau / lambda);
    }

    /** The damping eta in (0, 1]; default min(1, tau/lambda). */
    public GridBarycenter damping(double eta) {
        if (!(eta > 0 && eta <= 1)) throw new IllegalArgumentException("damping must be in (0, 1], got " + eta);
        this.damping = eta;
        return this;
    }

    /** Stop after this many iterations at most (default 1000). */
    public GridBarycenter maxIterations(int n) {
        if (n < 1) throw new IllegalArgumentException("maxIterations must be >= 1, got " + n);
        this.maxIterations = n;
        return this;
    }

    /** Stop at the first iteration whose inner marginal errors are all below tol (default 0: run maxIterations). */
    public GridBarycenter tolerance(double tol) {
        if (!(tol >= 0)) throw new IllegalArgumentException("tolerance must be >= 0, got " + tol);
        this.tolerance = tol;
        return this;
    }

    public double damping() { return damping; }

    /** Every kernel row by the exact two-pass log-sum-exp (n exponentials a row): the reference of the tests. */
    GridBarycenter exactKernel() {
        this.exactKernel = true;
        return this;
    }

    /**
     * The result.
     *
     * @param logWeights log mu_t on the grid (normalised)
     * @param mean, variance per coordinate of mu_t
     * @param marginalErrors per iteration t (row), the inner marginal error of each input k (column)
     * @param iterations the number of iterations made (t + 1 for the returned mu_t)
     * @param converged whether the tolerance was reached
     */
    public record Result(double[] logWeights, double[] mean, double[] variance, double[][] marginalErrors,
                         int iterations, boolean converged) {
        /** The barycenter's weights on the grid. */
        public double[] weights() {
            double[] p = new double[logWeights.length];
            for (int l = 0; l < p.length; l++) p[l] = Math.exp(logWeights[l]);
            return p;
        }

        /** The largest inner marginal error of the last iteration. */
        public double finalMarginalError() {
            double e = 0;
            for (double v : marginalErrors[marginalErrors.length - 1]) e = Math.max(e, v);
            return e;
        }
    }

    /** Runs the damped Sinkhorn iterations; throws {@link NonFiniteException} on a NaN or an infinity. */
    public Result solve() {
        int n = grid.size(), kIn = logB.length;
        double[][] psi = new double[kIn][n];
        double[] logMu = new double[n];
        List<double[]> errors = new ArrayList<>();
        boolean converged = false;
        int t = 0;
        while (true) {
            double[] err = iterate(psi, logMu, t);
            errors.add(err);
            t++;
            double worst = 0;
            for (double e : err) worst = Math.max(worst, e);
            if (worst < tolerance) { converged = true; break; }
            if (t >= maxIterations) break;
        }
        return new Result(logMu, grid.mean(logMu), grid.variance(logMu), errors.toArray(new double[0][]), t, converged);
    }

    /**
     * Iteration t of the class comment: from {@code psi = psi_t} (per input, on the grid), writes
     * {@code log mu_t} (normalised) into {@code logMu}, replaces psi by {@code psi_{t+1}} and returns the inner
     * marginal error of each input's plan {@code gamma^k_t}. Modified: psi, logMu.
     *
     * @param t the iteration, for diagnostics only
     * @throws NonFiniteException naming the quantity, iteration, input and grid index of a NaN or an infinity
     */
    public double[] iterate(double[][] psi, double[] logMu, long t) {
        int n = grid.size(), kIn = logB.length;
        if (psi.length != kIn || logMu.length != n) throw new IllegalArgumentException("psi must be " + kIn + " x " + n);
        SeparableLogKernel kernel = new SeparableLogKernel(grid, lambda, exactKernel);
        double[][] phi = new double[kIn][n];
        double[] work = new double[n];
        // (max) exact c-transforms, (min) Gibbs barycenter
        java.util.Arrays.fill(logMu, 0);
        for (int k = 0; k < kIn; k++) {
            for (int l = 0; l < n; l++) work[l] = psi[k][l] / lambda + logB[k][l];
            kernel.apply(work, phi[k]);
            for (int l = 0; l < n; l++) {
                phi[k][l] = -lambda * phi[k][l];
                check("phi", phi[k][l], t, k, l);
                logMu[l] -= w[k] * phi[k][l] / tau;
            }
        }
        for (int l = 0; l < n; l++) check("log mu", logMu[l], t, -1, l);
        TensorGrid.normalised(logMu);
        // damped Sinkhorn on the inputs' side, with the marginal error of the current plan
        double[] err = new double[kIn];
        for (int k = 0; k < kIn; k++) {
            for (int l = 0; l < n; l++) work[l] = phi[k][l] / lambda + logMu[l];
            kernel.apply(work, work);
            double e = 0;
            for (int l = 0; l < n; l++) {
                double psiHat = -lambda * work[l];
                check("psi", psiHat, t, k, l);
                if (logB[k][l] != Double.NEGATIVE_INFINITY)
                    e += Math.exp(logB[k][l]) * Math.abs(Math.expm1((psi[k][l] - psiHat) / lambda));
                psi[k][l] = (1 - damping) * psi[k][l] + damping * psiHat;
            }
            check("marginal error", e, t, k, 0);
            err[k] = e;
        }
        return err;
    }

    /** The grid. */
    public TensorGrid grid() { return grid; }

    /** The number of inputs K. */
    public int inputs() { return logB.length; }

    /** The barycentric weights w_k (a copy). */
    public double[] weights() { return w.clone(); }

    /** The normalised log-weights of input k on the grid (a copy). */
    public double[] logInput(int k) { return logB[k].clone(); }

    private static void check(String what, double v, long t, int k, int l) {
        if (!Double.isFinite(v)) throw new NonFiniteException(what, t, k, l, v);
    }
}
