package lmo.deep.linear;

import lmo.rng.CounterRng;

/**
 * Over-determined linear regression data for the deep linear network, with its least-squares solution and the
 * spectral quantities the sharpness bound is written in:
 *
 * <pre>
 *   X in R^(n x d) (row-major flat, row i = x_i),  y in R^n,
 *   Sigma = X'X / n,   w* = argmin_w (1/n) |y - X w|^2 = Sigma^-1 X'y / n   (the normal equations),
 *   a = w*' Sigma w* / |w*|^2,   Lambda = lambda_max(Sigma),   kappa = lambda_max(Sigma) / lambda_min(Sigma).
 * </pre>
 *
 * <p><b>Generator</b> (the authors' {@code generate_data}): {@code X_ij ~ N(0,1)} iid, {@code w_true ~ N(0, I_d)},
 * {@code y = X w_true + noise * xi} with {@code xi ~ N(0, I_n)}, then w* by OLS; {@link #normalized()} then rescales
 * {@code y <- y / |w*|}, {@code w* <- w* / |w*|} so that {@code |w*| = 1} (the authors' convention, in which the
 * lower bound on the sharpness is {@code 2 L a} and the critical step {@code 1 / (L a)}).
 *
 * <p><b>Random keys</b> ({@link CounterRng}, population word 0 throughout):
 * <ul>
 *   <li>row i of X: key {@code (seed, 0, i, 0, 30)}, d Gaussians;</li>
 *   <li>w_true: key {@code (seed, 0, 0, 0, 31)}, d Gaussians;</li>
 *   <li>xi_i: key {@code (seed, 0, i, 0, 32)}, one Gaussian.</li>
 * </ul>
 * The data are prefix-stable in n: the first n rows of an (n + m)-sample set are the n-sample set (w* differs).
 * JAX's {@code PRNGKey(0)} numbers are not reproduced.
 *
 * <p><b>Fails</b> (IllegalArgumentException) when {@code n <= d} or Sigma is singular: the minimiser is then not
 * unique and the bound's premise (full-rank Sigma) is false; also when w* = 0 (nothing to normalise, a = 0/0).
 */
public final class Regression {
    /** Stream of the inputs X. */
    private static final int STREAM_INPUTS = CounterRng.STREAM_DEEP_LINEAR_INPUTS;
    /** Stream of the teacher w_true. */
    private static final int STREAM_TEACHER = CounterRng.STREAM_DEEP_LINEAR_TEACHER;
    /** Stream of the label noise xi. */
    private static final int STREAM_NOISE = CounterRng.STREAM_DEEP_LINEAR_NOISE;

    private final int n;
    private final int d;
    private final double[] x;
    private final double[] y;
    private final double[] sigma;
    private final double[] wStar;
    private final Dense.SymmetricEigen sigmaEigen;

    private Regression(int n, int d, double[] x, double[] y) {
        if (d < 1 || n <= d) throw new IllegalArgumentException("regression: need n > d >= 1, got n = " + n + ", d = " + d);
        if (x.length != n * d || y.length != n) {
            throw new IllegalArgumentException("regression: X must have n*d = " + n * d + " entries and y n = " + n
                + ", got " + x.length + " and " + y.length);
        }
        this.n = n;
        this.d = d;
        this.x = x;
        this.y = y;
        this.sigma = new double[d * d];
        double[] xty = new double[d];
        for (int i = 0; i < n; i++) {
            int r = i * d;
            for (int p = 0; p < d; p++) {
                xty[p] += x[r + p] * y[i] / n;
                for (int q = 0; q < d; q++) sigma[p * d + q] += x[r + p] * x[r + q] / n;
            }
        }
        this.sigmaEigen = Dense.symmetricEigen(sigma, d);
        if (!(sigmaEigen.min() > 1e-13 * sigmaEigen.max())) {
            throw new IllegalArgumentException("regression: Sigma = X'X/n is singular (eigenvalues "
                + sigmaEigen.min() + " .. " + sigmaEigen.max() + ")");
        }
        this.wStar = Dense.solve(sigma, d, xty);
        if (!(Dense.norm(wStar) > 0)) throw new IllegalArgumentException("regression: w* = 0");
    }

    /** Data given by the caller: X (n x d, row-major) and y (n); arrays are copied. */
    public static Regression of(int n, int d, double[] x, double[] y) {
        return new Regression(n, d, x.clone(), y.clone());
    }

    /** The authors' generator without the final rescaling ({@code |w*|} as it comes out of OLS). */
    public static Regression generate(int n, int d, double noise, long seed) {
        if (d < 1 || n <= d) throw new IllegalArgumentException("regression: need n > d >= 1, got n = " + n + ", d = " + d);
        double[] x = new double[n * d];
        for (int i = 0; i < n; i++) CounterRng.gaussians(seed, 0, i, 0, STREAM_INPUTS, x, i * d, d);
        double[] wTrue = new double[d];
        CounterRng.gaussians(seed, 0, 0, 0, STREAM_TEACHER, wTrue, 0, d);
        double[] y = new double[n];
        double[] xi = new double[1];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int p = 0; p < d; p++) s += x[i * d + p] * wTrue[p];
            CounterRng.gaussians(seed, 0, i, 0, STREAM_NOISE, xi, 0, 1);
            y[i] = s + noise * xi[0];
        }
        return new Regression(n, d, x, y);
    }

    /** {@code generate(n, d, noise, seed).normalized()}: the authors' data, {@code |w*| = 1}. */
    public static Regression paper(int n, int d, double noise, long seed) {
        return generate(n, d, noise, seed).normalized();
    }

    /** The same X with {@code y / |w*|}: then {@code w*} is divided by {@code |w*|} (OLS is linear in y). */
    public Regression normalized() {
        double s = wStarNorm();
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) ys[i] = y[i] / s;
        return new Regression(n, d, x, ys);
    }

    public int n() { return n; }
    public int d() { return d; }
    /** X, row-major n x d (a copy). */
    public double[] x() { return x.clone(); }
    /** y (a copy). */
    public double[] y() { return y.clone(); }
    /** Sigma = X'X/n, row-major d x d (a copy). */
    public double[] sigma() { return sigma.clone(); }
    /** The OLS solution (a copy). */
    public double[] wStar() { return wStar.clone(); }
    public double wStarNorm() { return Dense.norm(wStar); }

    /** {@code a = w*' Sigma w* / |w*|^2}, in [lambda_min, lambda_max] of Sigma. */
    public double a() {
        double[] sw = sigmaTimes(wStar);
        return Dense.dot(wStar, sw) / Dense.dot(wStar, wStar);
    }

    /** {@code Lambda = lambda_max(Sigma)}. */
    public double lambdaMax() { return sigmaEigen.max(); }
    /** {@code lambda_min(Sigma)} (> 0). */
    public double lambdaMin() { return sigmaEigen.min(); }
    /** {@code kappa = lambda_max / lambda_min} of Sigma. */
    public double kappa() { return sigmaEigen.max() / sigmaEigen.min(); }
    /** The eigenvalues of Sigma, ascending. */
    public double[] sigmaEigenvalues() { return sigmaEigen.values().clone(); }
    /** The unit eigenvector of Sigma for its j-th smallest eigenvalue (j = 0 .. d-1). */
    public double[] sigmaEigenvector(int j) {
        double[] v = new double[d];
        for (int i = 0; i < d; i++) v[i] = sigmaEigen.vector(i, j);
        return v;
    }

    /** The loss of a linear predictor, {@code (1/n) sum_i (y_i - x_i . w)^2} (no 1/2). */
    public double loss(double[] w) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i];
            for (int p = 0; p < d; p++) r -= x[i * d + p] * w[p];
            s += r * r;
        }
        return s / n;
    }

    /** The smallest loss over all linear predictors, {@code loss(w*)} (0 only for noiseless, realisable labels). */
    public double minLoss() { return loss(wStar); }

    /**
     * {@code g = (2/n) X'(X w - y)}, the gradient of {@link #loss} at w, into {@code g}; returns the loss.
     * Cost {@code 2 n d}.
     */
    double lossGradient(double[] w, double[] g) {
        java.util.Arrays.fill(g, 0, d, 0.0);
        double s = 0;
        for (int i = 0; i < n; i++) {
            int r = i * d;
            double e = -y[i];
            for (int p = 0; p < d; p++) e += x[r + p] * w[p];
            s += e * e;
            double c = 2.0 * e / n;
            for (int p = 0; p < d; p++) g[p] += c * x[r + p];
        }
        return s / n;
    }

    /** {@code Sigma v} (cost d^2). */
    double[] sigmaTimes(double[] v) {
        double[] out = new double[d];
        for (int p = 0; p < d; p++) {
            double s = 0;
            for (int q = 0; q < d; q++) s += sigma[p * d + q] * v[q];
            out[p] = s;
        }
        return out;
    }
}
