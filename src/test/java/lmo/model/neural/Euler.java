package lmo.model.neural;

/**
 * The engine's deterministic dynamics without actors, on one population: {@code wasserstein} on R^d or on the sphere
 * (tangent projection, retraction by normalisation) and {@code wfr} (the masses first, m <- m exp(-etaM V), from the
 * same V).
 */
final class Euler {
    private Euler() {}

    /** One step in place; returns the evaluation of the state before the step. */
    static Harness.Result step(TwoLayerModel model, double[] x, double[] m, int dim, boolean sphere, double eta, double etaM, int blockSize) {
        Harness.Result r = Harness.evaluate(model, x, m, dim, blockSize);
        double[] g = r.grad();
        for (int i = 0; i < m.length; i++) {
            int at = i * dim;
            if (sphere) {
                double dot = 0;
                for (int c = 0; c < dim; c++) dot += g[at + c] * x[at + c];
                for (int c = 0; c < dim; c++) g[at + c] -= dot * x[at + c];
            }
            for (int c = 0; c < dim; c++) x[at + c] -= eta * g[at + c];
            if (sphere) Teacher.normalize(x, at, dim);
            if (etaM > 0) m[i] *= Math.exp(-etaM * r.v()[i]);
        }
        return r;
    }
}
