package lmo.transport.barycenter;

/**
 * The (lambda, tau)-barycenter of isotropic Gaussians {@code nu_k = N(m_k, sigma_k^2 I_d)} with weights w_k, in
 * closed form (cost {@code 1/2 |x - y|^2}, inner {@code lambda KL(gamma | mu (x) nu_k)}, outer {@code tau H(mu)} with
 * H relative to Lebesgue). It is {@code N(mbar, s^2 I_d)} with
 *
 * <pre>
 *   mbar = sum_k w_k m_k,
 *   s^2  = the positive root of  s^2 = tau - lambda/2 + 1/2 sum_k w_k sqrt(lambda^2 + 4 sigma_k^2 s^2),
 * </pre>
 *
 * for general (unequal) sigma_k; s^2 does not depend on d. {@code g(x) = x - tau + lambda/2 - 1/2 sum_k w_k sqrt(lambda^2
 * + 4 sigma_k^2 x)} is convex with {@code g(0) = -tau}, so for tau > 0 the positive root is unique; it is found by
 * Newton's method from the right, which decreases monotonically to the root of a convex function. For tau = 0 the
 * positive root exists iff {@code lambda < sum_k w_k sigma_k^2}; otherwise the barycenter is a Dirac and s^2 = 0.
 * Equal sigma_k = sigma (the authors' Prop 3.4): {@link #varianceEqualSigma}. Digest: shared/papers/transport.md §2.5.
 */
public final class GaussianBarycenter {
    private GaussianBarycenter() {}

    /** {@code mbar = sum_k w_k m_k}, per coordinate; {@code means[k]} is m_k. */
    public static double[] mean(double[][] means, double[] w) {
        checkWeights(w, means.length);
        int d = means[0].length;
        double[] m = new double[d];
        for (int k = 0; k < w.length; k++) {
            if (means[k].length != d) throw new IllegalArgumentException("mean " + k + " has dimension " + means[k].length + ", not " + d);
            for (int c = 0; c < d; c++) m[c] += w[k] * means[k][c];
        }
        return m;
    }

    /**
     * The barycenter's variance per coordinate s^2: the positive root of
     * {@code s^2 = tau - lambda/2 + 1/2 sum_k w_k sqrt(lambda^2 + 4 sigma_k^2 s^2)} (0 when the barycenter is a Dirac).
     *
     * @param sigma2 the input variances sigma_k^2 > 0 (per coordinate)
     * @param w the weights, positive, summing to 1
     * @param lambda inner strength >= 0
     * @param tau outer strength >= 0
     */
    public static double variance(double[] sigma2, double[] w, double lambda, double tau) {
        checkWeights(w, sigma2.length);
        if (!(lambda >= 0) || !(tau >= 0)) throw new IllegalArgumentException("lambda, tau must be >= 0, got " + lambda + ", " + tau);
        double s = 0, meanSigma2 = 0;
        for (int k = 0; k < w.length; k++) {
            GaussianEot.positive("sigma2[" + k + "]", sigma2[k]);
            s += w[k] * Math.sqrt(sigma2[k]);
            meanSigma2 += w[k] * sigma2[k];
        }
        if (tau == 0 && lambda >= meanSigma2) return 0;
        // g(x) >= x - tau - S sqrt(x) > 0 beyond sqrt(x) = (S + sqrt(S^2 + 4 tau)) / 2
        double root = (s + Math.sqrt(s * s + 4 * tau)) / 2;
        double x = 2 * root * root + 1e-300;
        for (int it = 0; it < 200; it++) {
            double g = x - tau + lambda / 2, dg = 1;
            for (int k = 0; k < w.length; k++) {
                double r = Math.sqrt(lambda * lambda + 4 * sigma2[k] * x);
                g -= 0.5 * w[k] * r;
                dg -= w[k] * sigma2[k] / r;
            }
            if (g <= 0) return x;
            double next = x - g / dg;
            if (!(next < x)) return x;
            x = next;
        }
        return x;
    }

    /**
     * Equal input variances sigma^2 (the authors' Prop 3.4):
     * {@code s^2 = [ (sigma^2 + sqrt((sigma^2 - lambda)^2 + 4 sigma^2 tau))^2 - lambda^2 ] / (4 sigma^2)}, the root of
     * {@code x^2 - x (sigma^2 + 2 tau - lambda) + tau^2 - tau lambda = 0}.
     */
    public static double varianceEqualSigma(double sigma2, double lambda, double tau) {
        double q = sigma2 + Math.sqrt((sigma2 - lambda) * (sigma2 - lambda) + 4 * sigma2 * tau);
        return (q * q - lambda * lambda) / (4 * sigma2);
    }

    /** The Wasserstein barycenter's variance (lambda = tau = 0): {@code (sum_k w_k sigma_k)^2}. */
    public static double wassersteinVariance(double[] sigma2, double[] w) {
        checkWeights(w, sigma2.length);
        double s = 0;
        for (int k = 0; k < w.length; k++) s += w[k] * Math.sqrt(sigma2[k]);
        return s * s;
    }

    static void checkWeights(double[] w, int k) {
        if (w.length != k || k == 0) throw new IllegalArgumentException(w.length + " weights for " + k + " inputs");
        double sum = 0;
        for (double v : w) {
            if (!(v > 0)) throw new IllegalArgumentException("weights must be > 0, got " + v);
            sum += v;
        }
        if (Math.abs(sum - 1) > 1e-12) throw new IllegalArgumentException("weights must sum to 1, got " + sum);
    }
}
