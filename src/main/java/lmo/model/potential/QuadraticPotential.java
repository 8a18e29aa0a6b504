package lmo.model.potential;

/**
 * The confining potential {@code U(x) = kappa |x|^2 / 2} (ambient coordinates), {@code grad U = kappa x}. Under the
 * Langevin dynamics {@code dx = -kappa x dt + sqrt(2T) dW} its stationary law is N(0, T/kappa) per coordinate; the
 * explicit Euler chain of step eta has the stationary variance {@code T / (kappa (1 - eta kappa / 2))} instead
 * (exact for the discrete chain), stable for {@code eta kappa < 2}.
 */
public record QuadraticPotential(double kappa) {
    public QuadraticPotential {
        if (!(kappa > 0) || Double.isInfinite(kappa)) throw new IllegalArgumentException("kappa: must be > 0, got " + kappa);
    }

    /** U at {@code x[at .. at+dim)}. */
    public double value(double[] x, int at, int dim) {
        double s = 0;
        for (int c = 0; c < dim; c++) s += x[at + c] * x[at + c];
        return 0.5 * kappa * s;
    }

    /** Adds {@code grad U} at {@code x[at ..]} to {@code g[at ..]}. */
    public void addGradient(double[] x, int at, int dim, double[] g) {
        for (int c = 0; c < dim; c++) g[at + c] += kappa * x[at + c];
    }
}
