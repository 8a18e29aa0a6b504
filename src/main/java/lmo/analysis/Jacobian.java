package lmo.analysis;

/**
 * {@code J = -DF(0)}, the Jacobian of a {@link VectorField} F at its expansion point with the sign flipped, so that
 * the linearised flow is {@code dz/dt = -J z} and eigenvalues with Re > 0 decay. By central differences,
 * column j is {@code -(F(h e_j) - F(-h e_j)) / (2h)}: exact for linear F up to rounding, O(h^2) otherwise. The
 * perturbation is a coordinate displacement (see {@link ConicField}), so a torus position never wraps across a
 * difference. Cost: 2 dim evaluations of F.
 */
public final class Jacobian {
    /** The default finite-difference step. */
    public static final double DEFAULT_STEP = 1e-5;

    private Jacobian() {}

    /** {@code -DF(0)} by central differences with the default step. */
    public static double[][] of(VectorField f) {
        return of(f, DEFAULT_STEP);
    }

    /** {@code -DF(0)} by central differences with step h > 0; {@code J[i][j] = -dF_i/dz_j}. */
    public static double[][] of(VectorField f, double h) {
        if (!(h > 0 && Double.isFinite(h))) {
            throw new IllegalArgumentException("finite-difference step must be > 0, got " + h);
        }
        int d = f.dim();
        double[][] j = new double[d][d];
        double[] z = new double[d];
        for (int c = 0; c < d; c++) {
            z[c] = h;
            double[] plus = f.at(z);
            z[c] = -h;
            double[] minus = f.at(z);
            z[c] = 0;
            for (int r = 0; r < d; r++) j[r][c] = -(plus[r] - minus[r]) / (2 * h);
        }
        return j;
    }

}
