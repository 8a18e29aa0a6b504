package lmo.deep.linear;

import lmo.rng.CounterRng;

/**
 * The sharpness {@code S(theta) = lambda_max(H(theta))}, the largest (algebraically, not in magnitude) eigenvalue of
 * the Hessian of the loss, computed from Hessian-vector products only, and the lower bound it obeys at every global
 * minimiser of the deep linear regression loss (Marion & Chizat, arXiv 2405.13456; MSE without 1/2):
 *
 * <pre>
 *   S(theta*) >= 2 L |w*|^(2 - 2/L) a,     a = w*' Sigma w* / |w*|^2           (= 2 L a when |w*| = 1)
 * </pre>
 *
 * <p><b>Method: Lanczos</b> ({@link #lanczos}) with full re-orthogonalisation (classical Gram–Schmidt applied twice
 * against every previous basis vector), from a Gaussian start vector (key {@code (seed, 0, 0, 0, 35)}). After step j
 * the top eigenvalue theta_j of the (j+1) x (j+1) tridiagonal T_j is the largest Rayleigh quotient over the Krylov
 * space, so it increases with j towards lambda_max(H) whatever the signs of the other eigenvalues (an indefinite H
 * away from minima is handled with no shift). Stopping rule, tolerance {@code tol} (default 1e-10):
 * <ul>
 *   <li>converged when {@code |theta_j - theta_(j-1)| <= tol |theta_j|} and the Ritz residual
 *   {@code |H y - theta_j y| = beta_j |s_j|} (y the Ritz vector, s_j the last component of T_j's top eigenvector)
 *   is {@code <= sqrt(tol) |theta_j|} (then theta_j is within residual of an eigenvalue, and within
 *   {@code residual^2 / gap} of it);</li>
 *   <li>or converged when the Krylov space is invariant ({@code beta_j <= 1e-13 max |T|}) or the whole space is
 *   spanned (j + 1 = dimension): T_j's eigenvalues are then eigenvalues of H. With a random start this happens, in
 *   exact arithmetic, only once every eigenvalue with a component in the start vector (all of them, with
 *   probability 1) is found; at a minimiser H has rank <= d, so Lanczos stops after at most d + 1 or so steps;</li>
 *   <li>otherwise not converged after {@code maxIter} steps ({@link Estimate#converged()} false).</li>
 * </ul>
 * The reported {@link Estimate#residual()} is recomputed with one more product, {@code |H y - theta y|}.
 * Cost per step: one Hessian-vector product, {@code 2 j N} for re-orthogonalisation and a symmetric
 * eigen-decomposition of T_j (EJML, {@code O(j^3)}); memory {@code j N} doubles.
 *
 * <p><b>Power iteration</b> ({@link #power}), the authors' method, for comparison: {@code v <- (H + shift I) v / |.|},
 * Rayleigh quotient {@code v'Hv}, stopped when its relative change is below tol. It converges to the eigenvalue of
 * largest {@code |lambda + shift|}: the sharpness when H is positive semi-definite (at a minimiser) and shift = 0;
 * away from minima it may converge to a negative eigenvalue unless {@code shift >= -lambda_min}. The relative-change
 * rule can stop early when the gap ratio is close to 1 (a slow, steady change); Lanczos does not have this failure.
 *
 * <p><b>The bound</b> ({@link #lowerBound(Regression, int)}): at a minimiser the residual term of the Hessian
 * vanishes and {@code S = 2 lambda_max(sum_k |a_k|^2 Sigma^(1/2) B_k'B_k Sigma^(1/2))}; the test direction
 * {@code Sigma^(1/2) w*} and AM-GM on {@code sum_k |a_k|^2/|a_(k-1)|^2 >= L (|a_L|/|a_0|)^(2/L)} give the bound,
 * with {@code a_0 = w*} and {@code a_L} the read-out: the scalar 1 for the plain network, r for the residual network.
 * The same argument therefore applies to the residual network with a fixed read-out r (L trained square layers),
 * with an extra factor {@code |r|^(2/L)}: {@link #lowerBound(DeepLinearNetwork, Regression)}; it is the plain bound
 * when |r| = 1. Equality needs {@code B_1 = I} to map {@code Sigma w*} parallel to w*, i.e. w* an eigenvector of
 * Sigma (then the balanced rank-one minimiser attains it when {@code L a >= lambda_max}).
 *
 * <p><b>Fails</b>: the bound assumes Sigma invertible (checked by {@link Regression}) and theta a global minimiser;
 * away from minima it says nothing.
 */
public final class Sharpness {
    /** Default relative tolerance of the stopping rules. */
    public static final double DEFAULT_TOLERANCE = 1e-10;
    /** Default cap on Lanczos steps (also capped by the dimension). */
    public static final int DEFAULT_MAX_ITERATIONS = 500;
    /** Stream of the start vector. */
    private static final int STREAM_START = CounterRng.STREAM_DEEP_LINEAR_START;

    private Sharpness() {}

    /** A symmetric linear operator on R^N: {@code out <- H v} ({@code out} is fully overwritten). */
    @FunctionalInterface
    public interface Operator {
        void apply(double[] v, double[] out);
    }

    /**
     * An estimate of lambda_max: the value, a unit (Ritz) vector, the number of operator products used by the
     * iteration, whether the stopping rule was met, and {@code |H vector - value vector|}.
     */
    public record Estimate(double value, double[] vector, int iterations, boolean converged, double residual,
                           String method) {}

    /** The sharpness of the network at theta on the data: Lanczos, default tolerance and cap, seed 0. */
    public static Estimate of(DeepLinearNetwork net, double[] theta, Regression data) {
        return lanczos(net.hessian(theta, data), net.parameterCount(), DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS, 0);
    }

    /** Lanczos with full re-orthogonalisation; see the class comment for the stopping rule. */
    public static Estimate lanczos(Operator h, int dim, double tol, int maxIter, long seed) {
        if (dim < 1 || maxIter < 1 || !(tol > 0)) throw new IllegalArgumentException("lanczos: need dim, maxIter >= 1 and tol > 0");
        int m = Math.min(maxIter, dim);
        double[][] q = new double[m][];
        double[] alpha = new double[m];
        double[] beta = new double[m];
        double[] start = startVector(dim, seed);
        double[] w = new double[dim];
        double prev = Double.NaN, top = Double.NaN, scale = 0;
        double[] s = null;
        boolean converged = false;
        int steps = 0;
        double[] cur = start;
        for (int j = 0; j < m; j++) {
            q[j] = cur;
            h.apply(cur, w);
            steps++;
            alpha[j] = Dense.dot(cur, w);
            for (int p = 0; p < dim; p++) w[p] -= alpha[j] * cur[p] + (j > 0 ? beta[j - 1] * q[j - 1][p] : 0.0);
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i <= j; i++) {
                    double c = Dense.dot(q[i], w);
                    double[] qi = q[i];
                    for (int p = 0; p < dim; p++) w[p] -= c * qi[p];
                }
            }
            beta[j] = Dense.norm(w);
            scale = Math.max(scale, Math.abs(alpha[j]) + beta[j] + (j > 0 ? beta[j - 1] : 0.0));
            int size = j + 1;
            double[] t = new double[size * size];
            for (int i = 0; i < size; i++) {
                t[i * size + i] = alpha[i];
                if (i + 1 < size) { t[i * size + i + 1] = beta[i]; t[(i + 1) * size + i] = beta[i]; }
            }
            Dense.SymmetricEigen eig = Dense.symmetricEigen(t, size);
            top = eig.max();
            s = new double[size];
            for (int i = 0; i < size; i++) s[i] = eig.vector(i, size - 1);
            double ritzResidual = beta[j] * Math.abs(s[size - 1]);
            double mag = Math.max(Math.abs(top), Double.MIN_NORMAL);
            if (size == dim || beta[j] <= 1e-13 * scale) { converged = true; break; }
            if (j > 0 && Math.abs(top - prev) <= tol * mag && ritzResidual <= Math.sqrt(tol) * mag) { converged = true; break; }
            prev = top;
            double[] next = new double[dim];
            for (int p = 0; p < dim; p++) next[p] = w[p] / beta[j];
            cur = next;
        }
        double[] y = new double[dim];
        for (int i = 0; i < s.length; i++) for (int p = 0; p < dim; p++) y[p] += s[i] * q[i][p];
        double ny = Dense.norm(y);
        for (int p = 0; p < dim; p++) y[p] /= ny;
        return new Estimate(top, y, steps, converged, residual(h, y, top), "lanczos");
    }

    /** Power iteration on {@code H + shift I}; see the class comment for when it finds lambda_max. */
    public static Estimate power(Operator h, int dim, double shift, double tol, int maxIter, long seed) {
        if (dim < 1 || maxIter < 1 || !(tol > 0)) throw new IllegalArgumentException("power: need dim, maxIter >= 1 and tol > 0");
        double[] v = startVector(dim, seed);
        double[] hv = new double[dim];
        double rq = Double.NaN, prev = Double.NaN;
        boolean converged = false;
        int it = 0;
        while (it < maxIter) {
            h.apply(v, hv);
            it++;
            rq = Dense.dot(v, hv);
            if (it > 1 && Math.abs(rq - prev) <= tol * Math.max(Math.abs(rq), Double.MIN_NORMAL)) { converged = true; break; }
            prev = rq;
            for (int p = 0; p < dim; p++) hv[p] += shift * v[p];
            double nv = Dense.norm(hv);
            if (!(nv > 0)) { converged = true; break; }   // v in the kernel of H + shift I
            for (int p = 0; p < dim; p++) v[p] = hv[p] / nv;
        }
        return new Estimate(rq, v.clone(), it, converged, residual(h, v, rq), "power");
    }

    /** {@code 2 L |w*|^(2 - 2/L) a}: the bound for the plain network, or any network with a unit read-out. */
    public static double lowerBound(Regression data, int depth) {
        return 2.0 * depth * Math.pow(data.wStarNorm(), 2.0 - 2.0 / depth) * data.a();
    }

    /** {@code 2 L |w*|^(2 - 2/L) a |r|^(2/L)}, the bound for the network's read-out r (|r| = 1 for the plain one). */
    public static double lowerBound(DeepLinearNetwork net, Regression data) {
        return lowerBound(data, net.depth()) * Math.pow(net.readoutNorm(), 2.0 / net.depth());
    }

    /**
     * The authors' upper line {@code 8 L Lambda |w*|^(2 - 2/L)} (their code plots {@code 8 L Lambda} with |w*| = 1);
     * its ratio to the lower bound is {@code 4 Lambda / a <= 4 kappa}.
     */
    public static double upperLine(Regression data, int depth) {
        return 8.0 * depth * data.lambdaMax() * Math.pow(data.wStarNorm(), 2.0 - 2.0 / depth);
    }

    private static double[] startVector(int dim, long seed) {
        double[] v = new double[dim];
        CounterRng.gaussians(seed, 0, 0, 0, STREAM_START, v, 0, dim);
        double n = Dense.norm(v);
        for (int p = 0; p < dim; p++) v[p] /= n;
        return v;
    }

    private static double residual(Operator h, double[] y, double value) {
        double[] hy = new double[y.length];
        h.apply(y, hy);
        double s = 0;
        for (int p = 0; p < y.length; p++) { double e = hy[p] - value * y[p]; s += e * e; }
        return Math.sqrt(s);
    }
}
