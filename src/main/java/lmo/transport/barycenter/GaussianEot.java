package lmo.transport.barycenter;

/**
 * Entropic optimal transport between one-dimensional Gaussians {@code mu = N(m1, a^2)}, {@code nu = N(m2, b^2)}, in
 * closed form, with the conventions of the package: cost {@code 1/2 |x - y|^2}, regularisation
 * {@code lambda KL(gamma | mu (x) nu)}. With {@code D = sqrt(lambda^2 + 4 a^2 b^2)}:
 *
 * <pre>
 *   T_lambda = 1/2 (m1 - m2)^2 + 1/2 (a^2 + b^2) - (D - lambda)/2 - (lambda/2) log( lambda (D - lambda) / (2 a^2 b^2) ),
 *   the optimal plan is Gaussian with correlation rho = (D - lambda) / (2 a b),
 *   the entropic map is E[Y | X = x] = m2 + rho (b/a) (x - m1).
 * </pre>
 *
 * For isotropic Gaussians in R^d everything factorises per coordinate (sum the costs). lambda -> 0 gives
 * {@code 1/2 W_2^2 = 1/2 (m1 - m2)^2 + 1/2 (a - b)^2}. Digest: shared/papers/transport.md §2.5.
 */
public final class GaussianEot {
    private GaussianEot() {}

    /** {@code T_lambda(N(m1, a2), N(m2, b2))} for lambda > 0, variances a2, b2 > 0. */
    public static double cost(double m1, double a2, double m2, double b2, double lambda) {
        positive("lambda", lambda);
        double d = Math.sqrt(lambda * lambda + 4 * a2 * b2);
        double dm = m1 - m2;
        // D - lambda = 4 a2 b2 / (D + lambda), without cancellation when lambda >> ab
        double dMinusLambda = 4 * a2 * b2 / (d + lambda);
        return 0.5 * dm * dm + 0.5 * (a2 + b2) - 0.5 * dMinusLambda
                - 0.5 * lambda * Math.log(lambda * dMinusLambda / (2 * a2 * b2));
    }

    /** The correlation {@code rho = (D - lambda) / (2 a b)} of the optimal plan, in [0, 1). */
    public static double correlation(double a2, double b2, double lambda) {
        double d = Math.sqrt(lambda * lambda + 4 * a2 * b2);
        return 2 * Math.sqrt(a2 * b2) / (d + lambda);
    }

    /** The slope {@code rho b / a} of the entropic map {@code x -> E[Y | X = x]}. */
    public static double mapSlope(double a2, double b2, double lambda) {
        return correlation(a2, b2, lambda) * Math.sqrt(b2 / a2);
    }

    static double positive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) throw new IllegalArgumentException(name + " must be > 0 and finite, got " + v);
        return v;
    }
}
