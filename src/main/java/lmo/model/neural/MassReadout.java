package lmo.model.neural;

/**
 * {@link Readout#MASS}: w on S^(d'-1) with mass m >= 0 and a fixed sign s ({@link Signs}), ReLU only:
 * <pre>
 *   f(x) = sum_i m_i s_i sigma(w_i.x~),   R = lambda sum_i m_i
 *   V(w) = s (1/n) sum_k l'_k sigma(w.x~_k) + lambda,   grad V = (s/n) sum_k l'_k sigma'(w.x~_k) x~_k
 * </pre>
 * Neuron mass m_i.
 */
record MassReadout(int posDim, int dp, double lambda, Signs signs) implements NeuronReadout {
    @Override public Readout kind() { return Readout.MASS; }

    @Override public void check(Activation activation, Loss loss) { requireRelu(kind(), activation); }

    /** The 2-homogeneous readouts (cone, mass) need the ReLU. */
    static void requireRelu(Readout readout, Activation activation) {
        if (activation != Activation.RELU) {
            throw new IllegalArgumentException("two-layer: readout " + readout.key()
                + " needs activation relu (2-homogeneity), got " + activation.key());
        }
    }

    @Override public double firstVariation(double[] x, int at, double m, long id, double a, double[] g, int go,
                                           double[] h, double[] v, int i, double[] gradV) {
        double s = signs.sign(id);
        v[i] = s * a + lambda;
        for (int c = 0; c < dp; c++) gradV[at + c] = s * g[go + c];
        return lambda * m;
    }

    @Override public double coefficient(double[] x, int at, double m, long id, double[] h) { return m * signs.sign(id); }

    @Override public double neuronMass(double[] x, int at, double m, double h) { return Math.abs(m); }
}
