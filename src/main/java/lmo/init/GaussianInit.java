package lmo.init;

import lmo.rng.CounterRng;
import lmo.space.Space;

/**
 * Gaussian initial positions {@code x_c = mean_c + std_c g_c}, g standard Gaussian, independent coordinates; then
 * wrapped on the torus (a wrapped normal) or normalised on the sphere (a cluster around mean/|mean| whose
 * spread is about std/|mean|). Defaults: mean 0, std 1.
 *
 * <p>g for particle i comes from {@code CounterRng(seed, population, i, 0, STREAM_INIT)}, so positions depend only
 * on (seed, population, i). On the sphere, mean 0 gives the uniform law; a point drawn exactly at the origin (only
 * possible with std 0 and mean 0) is rejected.
 */
public final class GaussianInit implements InitialDistribution {
    private final double[] mean;
    private final double[] std;

    /**
     * @param mean per-coordinate mean, or null for 0
     * @param std per-coordinate standard deviation (>= 0), or null for 1
     */
    public GaussianInit(double[] mean, double[] std) {
        if (mean != null && std != null && mean.length != std.length) {
            throw new IllegalArgumentException("gaussian init: mean has " + mean.length + " values, std " + std.length);
        }
        if (mean != null) {
            for (double v : mean) {
                if (!Double.isFinite(v)) throw new IllegalArgumentException("gaussian init: mean must be finite, got " + v);
            }
        }
        if (std != null) {
            for (double s : std) {
                if (!(s >= 0) || Double.isInfinite(s)) {
                    throw new IllegalArgumentException("gaussian init: std must be >= 0 and finite, got " + s);
                }
            }
        }
        this.mean = mean == null ? null : mean.clone();
        this.std = std == null ? null : std.clone();
    }

    @Override
    public double[] positions(Space space, int count, long seed, int population) {
        int dim = space.dim();
        double[] given = mean != null ? mean : std;
        if (given != null && given.length != dim) {
            throw new IllegalArgumentException("gaussian init has " + given.length + " coordinates, space has dim " + dim);
        }
        double[] x = Box.positions(count, dim);
        for (int i = 0, at = 0; i < count; i++, at += dim) {
            CounterRng.gaussians(seed, population, i, 0, CounterRng.STREAM_INIT, x, at, dim);
            for (int c = 0; c < dim; c++) {
                x[at + c] = (mean == null ? 0 : mean[c]) + (std == null ? 1 : std[c]) * x[at + c];
            }
            space.canonicalize(x, at);
        }
        return x;
    }
}
