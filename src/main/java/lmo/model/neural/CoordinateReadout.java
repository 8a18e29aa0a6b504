package lmo.model.neural;

/**
 * {@link Readout#COORDINATE}: theta = (a, b) in R^(1+d') (position coordinate 0 is a), any activation:
 * <pre>
 *   f(x) = sum_i m_i a_i sigma(b_i.x~)                       (m_i = 1/N: the mean-field network)
 *   R    = (lambda/2) sum_i m_i |theta_i|^2
 *   V(theta) = (1/n) sum_k l'_k a sigma(b.x~_k) + (lambda/2) |theta|^2
 *   grad_a V = (1/n) sum_k l'_k sigma(b.x~_k) + lambda a,   grad_b V = (a/n) sum_k l'_k sigma'(b.x~_k) x~_k + lambda b
 * </pre>
 * With {@code wasserstein} and {@code stepSize = lr}, and masses 1/N, this is the full-batch mean-field GD of
 * benchmark W3 ({@code theta_i -= lr N dL/dtheta_i}); with {@code langevin} it is the "lifting" of a signed measure
 * (the lambda term confines a). Neuron mass {@code mu_i = m_i |theta_i|^2} (the mass of the projected measure on the
 * sphere); distanceFromInit on the position itself.
 */
record CoordinateReadout(int posDim, int dp, double lambda) implements NeuronReadout {
    @Override public Readout kind() { return Readout.COORDINATE; }

    @Override public double firstVariation(double[] x, int at, double m, long id, double a, double[] g, int go,
                                           double[] h, double[] v, int i, double[] gradV) {
        double th = x[at];
        double sq = 0;
        for (int c = 0; c < posDim; c++) sq += x[at + c] * x[at + c];
        v[i] = th * a + 0.5 * lambda * sq;
        gradV[at] = a + lambda * th;
        for (int c = 0; c < dp; c++) gradV[at + 1 + c] = th * g[go + c] + lambda * x[at + 1 + c];
        return m * 0.5 * lambda * sq;
    }

    @Override public double coefficient(double[] x, int at, double m, long id, double[] h) { return m * x[at]; }

    @Override public double neuronMass(double[] x, int at, double m, double h) {
        double s = 0;
        for (int c = 0; c < posDim; c++) s += x[at + c] * x[at + c];
        return Math.abs(m) * s;
    }

    /** {@code |theta|^2} of the position itself. */
    @Override public double thetaNorm2(double[] x, int at, double m) {
        double s = 0;
        for (int c = 0; c < posDim; c++) s += x[at + c] * x[at + c];
        return s;
    }

    /** {@code |theta - theta(0)|^2} of the positions. */
    @Override public double distance2(double[] x, int at, double m, double[] x0, int o, double m0) {
        double s = 0;
        for (int c = 0; c < posDim; c++) {
            double e = x[at + c] - x0[o + c];
            s += e * e;
        }
        return s;
    }
}
