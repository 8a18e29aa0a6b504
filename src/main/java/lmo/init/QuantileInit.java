package lmo.init;

import lmo.space.Space;

/**
 * Deterministic quantile positions in one dimension: particle i (0-based) of N at
 * {@code x_i = F^{-1}((i + 1/2)/N)}, F the cdf of a {@link CosineDensity} on [0,1). No randomness: seed and
 * population are ignored, and the uniform density gives exactly {@code (i + 1/2)/N}.
 *
 * <p>Because {@code u -> exp(-2 pi i k F^{-1}(u))} is smooth and 1-periodic, the midpoint rule makes the empirical
 * Fourier coefficients {@code (1/N) sum_i exp(-2 pi i k x_i)} equal to the density's (a_j/2 at k_j, 0 elsewhere)
 * up to an error that decays exponentially in N, as long as |k| stays well below N. The positions are not prefix
 * stable (they depend on N). Only d = 1 (the torus T^1 or the line, where the points lie in (0,1)).
 */
public final class QuantileInit implements InitialDistribution {
    private final CosineDensity density;

    /** @param density a density with d = 1 (or no modes) */
    public QuantileInit(CosineDensity density) {
        if (density.dim() > 1) {
            throw new IllegalArgumentException("quantile init needs a 1-dimensional density, got d = " + density.dim());
        }
        this.density = density;
    }

    @Override
    public double[] positions(Space space, int count, long seed, int population) {
        if (space.dim() != 1) {
            throw new IllegalArgumentException("quantile init needs a space of dim 1, got " + space.type() + " of dim " + space.dim());
        }
        double[] x = Box.positions(count, 1);
        for (int i = 0; i < count; i++) {
            x[i] = density.inverseCdf((i + 0.5) / count);
            space.canonicalize(x, i);
        }
        return x;
    }
}
