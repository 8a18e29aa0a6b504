package lmo.model.game;

import lmo.particles.Block;

/**
 * The features path of a {@link FourierPayoff} game. Round 0 is a SUM of {@code 4n} doubles:
 * {@code X^_k = sum_i a_i E_k(x_i)} (blocks of x, first 2n) and {@code Y^_l = sum_j b_j E_l(y_j)} (blocks of y, next
 * 2n), complex values interleaved (re, im). {@link #fold} replaces it by {@code W_k = sum_l c_kl Y^_l / Y^_0},
 * {@code Z_l = sum_k c_kl X^_k / X^_0}, then {@code X^_0 = sum a}, {@code Y^_0 = sum b} ({@code 4n + 2} doubles), so
 * {@code V(x) = Re sum_k W_k E_k(x)} and {@code U(y) = Re sum_l Z_l E_l(y)}: O(n) per particle, independent of the
 * other player's particle count.
 */
final class FeaturePath {
    private FeaturePath() {}

    /** Adds the block's {@code sum m_i E(p_i)} to {@code out[off .. off + 2n)}. */
    static void partial(FourierPayoff f, Block b, double[] out, int off) {
        FourierModes modes = new FourierModes(f.dim(), f.order());
        int n2 = 2 * f.modes(), dim = b.dim();
        double[] e = new double[n2];
        double[] x = b.x(), m = b.m();
        for (int i = 0; i < b.count(); i++) {
            modes.eval(x, i * dim, e, 0);
            double w = m[i];
            for (int q = 0; q < n2; q++) out[off + q] += w * e[q];
        }
    }

    /** {@code (X^, Y^)} to {@code (W, Z, X^_0, Y^_0)}. */
    static double[] fold(FourierPayoff f, double[] features) {
        int n = f.modes(), center = 2 * ((n - 1) / 2);
        double a = features[center], b = features[2 * n + center];
        double[] out = new double[4 * n + 2];
        f.applyRight(features, 2 * n, 1 / b, out, 0);
        f.applyLeft(features, 0, 1 / a, out, 2 * n);
        out[4 * n] = a;
        out[4 * n + 1] = b;
        return out;
    }

    /** The folded features of a gathered state (for the niError of the gathered path). */
    static double[] foldGathered(FourierPayoff f, double[] x, double[] a, double[] y, double[] b) {
        int n2 = 2 * f.modes(), d = f.dim();
        FourierModes modes = new FourierModes(d, f.order());
        double[] features = new double[2 * n2];
        double[] e = new double[n2];
        for (int i = 0; i < a.length; i++) {
            modes.eval(x, i * d, e, 0);
            for (int q = 0; q < n2; q++) features[q] += a[i] * e[q];
        }
        for (int j = 0; j < b.length; j++) {
            modes.eval(y, j * d, e, 0);
            for (int q = 0; q < n2; q++) features[n2 + q] += b[j] * e[q];
        }
        return fold(f, features);
    }

    /** Player x: {@code v = V, gradV = grad V}; player y: {@code v = -U, gradV = -grad U}. */
    static void firstVariation(FourierPayoff f, Block b, double[] folded, boolean x, double[] v, double[] gradV) {
        FourierModes modes = new FourierModes(f.dim(), f.order());
        int n2 = 2 * f.modes(), dim = b.dim();
        int off = x ? 0 : n2;
        double sign = x ? 1 : -1;
        double[] e = new double[n2];
        double[] p = b.x();
        for (int i = 0; i < b.count(); i++) {
            modes.eval(p, i * dim, e, 0);
            for (int c = 0; c < dim; c++) gradV[i * dim + c] = 0;
            v[i] = sign * modes.valueAndGradient(folded, off, e, 0, sign, gradV, i * dim);
        }
    }
}
