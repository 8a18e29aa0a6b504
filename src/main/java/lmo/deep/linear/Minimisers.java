package lmo.deep.linear;

import lmo.rng.CounterRng;

/**
 * Global minimisers of the deep linear regression loss: every theta whose end-to-end vector is the OLS solution w*.
 *
 * <p><b>Balanced rank-one minimiser</b> ({@link #balancedRankOne}), the digest's construction: with
 * {@code u = w* / |w*|} and {@code s = |w*|^(1/L)} (so {@code s^L = |w*|}),
 * <pre>
 *   W_k = s u u'  (k < L),    W_L = s u'  (plain)   or   W_L = s r u' / |r|^2  (residual, read-out r),
 * </pre>
 * so that {@code W_L ... W_1 = s^L u' = w*'} (plain) and {@code r' W_L ... W_1 = w*'} (residual). Its sharpness is
 * {@code 2 s^(2L-2) lambda_max(Sigma + (L-1) Sigma^(1/2) u u' Sigma^(1/2))} (plain); when u is an eigenvector of
 * Sigma with eigenvalue a and {@code L a >= lambda_max(Sigma)} this is exactly the bound {@code 2 L a |w*|^(2-2/L)}.
 *
 * <p><b>Reparametrised minimisers</b> ({@link #reparametrise}): for invertible d x d matrices A_1 .. A_(L-1),
 * {@code W_k <- A_k W_k A_(k-1)^-1} with {@code A_0 = I} and {@code A_L = 1} (plain) or {@code I} (residual: the
 * read-out is fixed) leaves the end-to-end product, hence the loss, unchanged. {@link #randomReparametrisation} uses
 * {@code A_k = I + strength G_k / sqrt(d)}, G_k Gaussian from key {@code (seed, 0, k, 0, 36)}; larger strength gives
 * sharper minimisers ("arbitrarily sharp minimisers exist"). Fails if an A_k is singular (probability 0).
 */
public final class Minimisers {
    /** Stream of the random reparametrisation matrices. */
    private static final int STREAM_REPARAMETRISATION = CounterRng.STREAM_DEEP_LINEAR_REPARAMETRISATION;

    private Minimisers() {}

    /** The balanced rank-one minimiser for the data's w* (see the class comment). */
    public static double[] balancedRankOne(DeepLinearNetwork net, Regression data) {
        return balancedRankOne(net, data.wStar());
    }

    /** The balanced rank-one theta with end-to-end vector {@code target} (non-zero). */
    public static double[] balancedRankOne(DeepLinearNetwork net, double[] target) {
        int d = net.d(), depth = net.depth();
        double norm = Dense.norm(target);
        if (target.length != d || !(norm > 0)) throw new IllegalArgumentException("balanced: need a non-zero target of length d");
        double s = Math.pow(norm, 1.0 / depth);
        double[] u = new double[d];
        for (int i = 0; i < d; i++) u[i] = target[i] / norm;
        double[] theta = new double[net.parameterCount()];
        for (int k = 1; k < depth; k++) {
            int off = net.offset(k);
            for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) theta[off + i * d + j] = s * u[i] * u[j];
        }
        int off = net.offset(depth);
        if (net.kind() == DeepLinearNetwork.Kind.PLAIN) {
            for (int j = 0; j < d; j++) theta[off + j] = s * u[j];
        } else {
            double[] r = net.readout();
            double rr = Dense.dot(r, r);
            for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) theta[off + i * d + j] = s * r[i] * u[j] / rr;
        }
        return theta;
    }

    /**
     * {@code W_k <- A_k W_k A_(k-1)^-1}; {@code a[k-1]} is A_k (k = 1 .. L-1), d x d row-major. The end-to-end
     * vector is unchanged.
     */
    public static double[] reparametrise(DeepLinearNetwork net, double[] theta, double[][] a) {
        int d = net.d(), depth = net.depth();
        if (a.length != depth - 1) throw new IllegalArgumentException("reparametrise: need L-1 = " + (depth - 1) + " matrices");
        double[] out = theta.clone();
        double[] prevInverse = null;   // A_(k-1)^-1, null for A_0 = I
        for (int k = 1; k <= depth; k++) {
            int r = net.rows(k);
            double[] w = net.layer(theta, k);
            if (k < depth) w = Dense.multiply(a[k - 1], w, d, d, d);
            if (prevInverse != null) w = Dense.multiply(w, prevInverse, r, d, d);
            System.arraycopy(w, 0, out, net.offset(k), r * d);
            if (k < depth) prevInverse = Dense.inverse(a[k - 1], d);
        }
        return out;
    }

    /** {@link #reparametrise} with {@code A_k = I + strength G_k / sqrt(d)}, G_k from key (seed, 0, k, 0, 36). */
    public static double[] randomReparametrisation(DeepLinearNetwork net, double[] theta, double strength, long seed) {
        int d = net.d();
        double[][] a = new double[net.depth() - 1][];
        for (int k = 1; k < net.depth(); k++) {
            double[] g = new double[d * d];
            CounterRng.gaussians(seed, 0, k, 0, STREAM_REPARAMETRISATION, g, 0, d * d);
            for (int p = 0; p < d * d; p++) g[p] *= strength / Math.sqrt(d);
            for (int i = 0; i < d; i++) g[i * d + i] += 1.0;
            a[k - 1] = g;
        }
        return reparametrise(net, theta, a);
    }
}
