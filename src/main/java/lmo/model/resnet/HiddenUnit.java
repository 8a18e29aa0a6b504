package lmo.model.resnet;

/**
 * One hidden unit of a residual block, {@code (u, v)} in R^D x R^D (a particle of dimension 2D: u first), acting on
 * the residual stream h (D x N, row-major) of the samples, in the MLU scaling of the authors' code:
 * <pre>
 *   p_n = u . h[:, n] / D,   s_n = sigma(p_n)                        (pre-activation, activation)
 *   forward:   h_out += (1 / (L M)) v s'                             (this unit's share, summed by the engine)
 *   q_n = v . B[:, n] / D,   t_n = sigma'(p_n) q_n                   (B = D x the gradient at the block's output)
 *   backward:  B_in  += (1 / (L M)) u t'
 *   gU = sum_n h[:, n] t_n,   gV = sum_n B[:, n] s_n                  (= L M D x the true gradient of the 1/2-loss)
 * </pre>
 * The 1/(L M) factor is applied once to the summed shares ({@link ResNetModel#globalStep}). Methods write into
 * caller arrays; {@code x} is the flat particle array, the unit at offset {@code at}.
 */
final class HiddenUnit {
    private HiddenUnit() {}

    /** p_n into {@code p}, sigma(p_n) into {@code s}; the vector is {@code x[at .. at + D)}. */
    static void activations(double[] x, int at, double[] h, int d, int n, Activation sigma, double[] p, double[] s) {
        java.util.Arrays.fill(p, 0, n, 0.0);
        for (int r = 0; r < d; r++) {
            double ur = x[at + r];
            int row = r * n;
            for (int k = 0; k < n; k++) p[k] += ur * h[row + k];
        }
        for (int k = 0; k < n; k++) {
            p[k] /= d;
            s[k] = sigma.value(p[k]);
        }
    }

    /** {@code out[r, n] += w[r] c[n]}: the outer product of a unit's vector w = x[at ..) with a row c. */
    static void addOuter(double[] x, int at, double[] c, int d, int n, double[] out) {
        for (int r = 0; r < d; r++) {
            double wr = x[at + r];
            int row = r * n;
            for (int k = 0; k < n; k++) out[row + k] += wr * c[k];
        }
    }

    /** t_n = sigma'(p_n) (v . B[:, n] / D) into {@code t}; v is {@code x[at + D ..)}. */
    static void backwardRow(double[] x, int at, double[] b, int d, int n, Activation sigma, double[] p, double[] s,
                            double[] t) {
        java.util.Arrays.fill(t, 0, n, 0.0);
        for (int r = 0; r < d; r++) {
            double vr = x[at + d + r];
            int row = r * n;
            for (int k = 0; k < n; k++) t[k] += vr * b[row + k];
        }
        for (int k = 0; k < n; k++) t[k] = sigma.slope(p[k], s[k]) * (t[k] / d);
    }

    /** {@code g[off + r] = sum_n m[r, n] c[n]} for r < D. */
    static void contract(double[] m, double[] c, int d, int n, double[] g, int off) {
        for (int r = 0; r < d; r++) {
            double acc = 0;
            int row = r * n;
            for (int k = 0; k < n; k++) acc += m[row + k] * c[k];
            g[off + r] = acc;
        }
    }
}
