package lmo.model.neural;

/**
 * Initial neurons for the scaling path (papers/kernel-flows-and-langevin.md §3): {@code theta_i(0) = alpha theta_i^0},
 * optionally symmetric so that {@code f = 0} at initialisation.
 *
 * <p>For the {@code coordinate} readout theta = (a, b) is the position; {@code symmetric} needs an even count N and
 * makes neuron {@code N/2 + j} a copy of neuron j with its output weight a (coordinate 0) negated, so the two cancel in
 * f (count is the total, half of it copies; the second half of {@code base} is ignored). For {@code cone},
 * theta = sqrt(m) u, so the scale multiplies the masses by alpha^2 ({@link #coneMasses}), and {@link #symmetric}
 * applies to the directions (u_a negated) with the masses copied ({@link #symmetricMasses}).
 *
 * <p>Step sizes: f is 2-homogeneous in theta, so the curvature of the loss in theta grows like alpha^2; a run at
 * scale alpha needs {@code stepSize ~ 1/alpha^2} (the scenario scales it) for the same stability and the same time
 * scale of the output.
 */
public final class ScalingPath {
    private ScalingPath() {}

    /** {@code alpha theta} for every coordinate (a copy). */
    public static double[] scaled(double[] positions, double alpha) {
        if (!Double.isFinite(alpha)) throw new IllegalArgumentException("scale: alpha must be finite, got " + alpha);
        double[] out = positions.clone();
        for (int i = 0; i < out.length; i++) out[i] *= alpha;
        return out;
    }

    /**
     * A copy in which neuron {@code N/2 + j} is neuron j with coordinate 0 (the output weight) negated, for
     * {@code j < N/2}; N = count must be even.
     */
    public static double[] symmetric(double[] positions, int count, int dim) {
        if (count % 2 != 0) throw new IllegalArgumentException("init.symmetric needs an even count, got " + count);
        if (positions.length != count * dim) throw new IllegalArgumentException("symmetric: " + positions.length + " coordinates for " + count + " x " + dim);
        double[] out = positions.clone();
        int half = count / 2;
        for (int j = 0; j < half; j++) {
            System.arraycopy(out, j * dim, out, (half + j) * dim, dim);
            out[(half + j) * dim] = -out[j * dim];
        }
        return out;
    }

    /** Masses of a symmetric initialisation: neuron {@code N/2 + j} gets neuron j's mass. */
    public static double[] symmetricMasses(double[] masses) {
        int count = masses.length;
        if (count % 2 != 0) throw new IllegalArgumentException("init.symmetric needs an even count, got " + count);
        double[] out = masses.clone();
        System.arraycopy(out, 0, out, count / 2, count / 2);
        return out;
    }

    /** Cone masses at scale alpha: {@code alpha^2 m} (theta = sqrt(m) u). */
    public static double[] coneMasses(double[] masses, double alpha) {
        return scaled(masses, alpha * alpha);
    }

    /** The {@code coordinate} initial positions: {@code alpha base}, made symmetric if asked (see the class comment). */
    public static double[] coordinateInit(double[] base, int count, int dim, double alpha, boolean symmetric) {
        double[] x = scaled(base, alpha);
        return symmetric ? symmetric(x, count, dim) : x;
    }
}
