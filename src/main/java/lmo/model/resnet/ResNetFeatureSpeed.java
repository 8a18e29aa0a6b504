package lmo.model.resnet;

/**
 * The feature speed diagnostics of one gradient step of the MLU ResNet (Chizat & Netrapalli; digest §3.1), from the
 * units and the step's residual and backward streams: for every block output l = 1 .. L,
 * <pre>
 *   b_l = B_l / D                                    (the gradient of the 1/2-loss at h_l)
 *   delta h_l: first-order change of h_l under U <- U - eta gU, V <- V - eta gV (forward mode, exact):
 *     delta p = (delta u . h_{l-1} + u . delta h_{l-1}) / D,
 *     delta h_l = delta h_{l-1} + (1/(L M)) sum_m [delta v_m sigma(p_m)' + v_m (sigma'(p_m) delta p_m)'],  delta h_0 = 0
 *   cos theta_l = <-delta h_l, b_l> / (|delta h_l| |b_l|)
 *   lossDecay_l = sum_{blocks k <= l} eta (|gU_k|^2 + |gV_k|^2) / (L M D)     (= -<b_l, delta h_l>, the identity)
 * </pre>
 * (gU, gV are L M D times the true gradients, so the per-entry rate is eta L M D and
 * {@code eta_eff |grad|^2 = eta |g|^2 / (L M D)}.) Output per l: cosTheta, |delta h|, |b|, |h|, lossDecay.
 */
final class ResNetFeatureSpeed {
    private ResNetFeatureSpeed() {}

    /**
     * @param x the units (L M particles of dimension 2D, id order)
     * @param h the residual streams h_0 .. h_L (each D x N)
     * @param b the backward streams B_1 .. B_L at each block's output (index l - 1; each D x N)
     * @return 5 L values: for l = 1 .. L, cosTheta, deltaH, b, h, lossDecay
     */
    static double[] measure(ResNetShape shape, Activation sigma, double eta, double[] x, double[][] h, double[][] b) {
        int depth = shape.depth(), width = shape.width(), d = shape.embedding(), n = shape.samples();
        double invLM = 1.0 / ((double) depth * width), scale = eta / shape.parameters();
        double[] out = new double[5 * depth];
        double[] dh = new double[d * n], p = new double[n], s = new double[n], t = new double[n];
        double[] g = new double[2 * d], dp = new double[n];
        double decay = 0;
        for (int l = 0; l < depth; l++) {
            double[] hIn = h[l], bOut = b[l], next = dh.clone();
            for (int m = 0; m < width; m++) {
                int at = (l * width + m) * 2 * d;
                HiddenUnit.activations(x, at, hIn, d, n, sigma, p, s);
                HiddenUnit.backwardRow(x, at, bOut, d, n, sigma, p, s, t);
                HiddenUnit.contract(hIn, t, d, n, g, 0);
                HiddenUnit.contract(bOut, s, d, n, g, d);
                for (int k = 0; k < 2 * d; k++) decay += scale * g[k] * g[k];
                java.util.Arrays.fill(dp, 0);
                for (int r = 0; r < d; r++) {
                    double du = -eta * g[r], u = x[at + r];
                    for (int k = 0; k < n; k++) dp[k] += du * hIn[r * n + k] + u * dh[r * n + k];
                }
                for (int k = 0; k < n; k++) dp[k] = sigma.slope(p[k], s[k]) * dp[k] / d;
                for (int r = 0; r < d; r++) {
                    double dv = -eta * g[d + r], v = x[at + d + r];
                    for (int k = 0; k < n; k++) next[r * n + k] += invLM * (dv * s[k] + v * dp[k]);
                }
            }
            dh = next;
            double dot = 0, dn = 0, bn = 0, hn = 0;
            for (int k = 0; k < d * n; k++) {
                double bk = bOut[k] / d;
                dot += dh[k] * bk;
                dn += dh[k] * dh[k];
                bn += bk * bk;
                hn += h[l + 1][k] * h[l + 1][k];
            }
            out[5 * l] = -dot / Math.sqrt(dn * bn);
            out[5 * l + 1] = Math.sqrt(dn);
            out[5 * l + 2] = Math.sqrt(bn);
            out[5 * l + 3] = Math.sqrt(hn);
            out[5 * l + 4] = decay;
        }
        return out;
    }
}
