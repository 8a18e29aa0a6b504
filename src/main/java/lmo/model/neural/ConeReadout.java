package lmo.model.neural;

/**
 * {@link Readout#CONE}: u = (u_a, u_b) on S^(d') with mass m >= 0, ReLU only; theta = sqrt(m) u is the 2-homogeneous
 * neuron ({@code a sigma(b.x) = m u_a sigma(u_b.x)} for a = sqrt(m) u_a, b = sqrt(m) u_b):
 * <pre>
 *   f(x) = sum_i m_i u_a,i sigma(u_b,i.x~),   R = lambda sum_i m_i   (total mass)
 *   V(u) = (1/n) sum_k l'_k u_a sigma(u_b.x~_k) + lambda
 *   grad_(u_a) V = (1/n) sum_k l'_k sigma(u_b.x~_k),   grad_(u_b) V = (u_a/n) sum_k l'_k sigma'(u_b.x~_k) x~_k
 * </pre>
 * With {@code wfr} ({@code m <- m exp(-massStepSize V)}, {@code u <- Retr(-stepSize P_u grad V)}) this is conic
 * particle gradient descent; {@code massStepSize = 4 stepSize} is the ratio the 2-homogeneous GD induces. The linear
 * mass update {@code m <- m (1 - massStepSize V)} is {@code dynamics.massUpdate: linear}
 * ({@link lmo.dynamics.MassUpdate#LINEAR}); the model needs nothing more, since V is the same. Neuron mass m_i.
 */
record ConeReadout(int posDim, int dp, double lambda) implements NeuronReadout {
    @Override public Readout kind() { return Readout.CONE; }

    @Override public void check(Activation activation, Loss loss) { MassReadout.requireRelu(kind(), activation); }

    @Override public double firstVariation(double[] x, int at, double m, long id, double a, double[] g, int go,
                                           double[] h, double[] v, int i, double[] gradV) {
        double ua = x[at];
        v[i] = ua * a + lambda;
        gradV[at] = a;
        for (int c = 0; c < dp; c++) gradV[at + 1 + c] = ua * g[go + c];
        return lambda * m;
    }

    @Override public double coefficient(double[] x, int at, double m, long id, double[] h) { return m * x[at]; }

    @Override public double neuronMass(double[] x, int at, double m, double h) { return Math.abs(m); }
}
