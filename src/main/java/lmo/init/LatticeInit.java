package lmo.init;

import lmo.space.Space;

/**
 * A deterministic low-discrepancy (Kronecker) point set: particle i (0-based) at
 * {@code low_c + (high_c - low_c) * frac(i * g_c)} per axis, {@code frac(t) = t - floor(t)}, with {@code i * g_c} one
 * double multiplication, so the points are bit-reproducible in any IEEE-754 language and prefix-stable (the
 * first n points of a larger set are the n-point set). With irrational generators such as
 * {@code g = (0.6180339887498949, 0.4142135623730951)} the points fill the box nearly uniformly; these are the
 * point sets of the shared benchmark workloads. Wrapped on the torus; not for the sphere.
 */
public final class LatticeInit implements InitialDistribution {
    private final double[] generator;
    private final Box box;

    /**
     * @param generator one multiplier per axis
     * @param low lower corner, or null (with high null) for [0,1]^d
     * @param high upper corner, or null
     */
    public LatticeInit(double[] generator, double[] low, double[] high) {
        this.generator = generator.clone();
        this.box = new Box("lattice init", low, high);
    }

    @Override
    public double[] positions(Space space, int count, long seed, int population) {
        if (space.type().equals("sphere")) throw new IllegalArgumentException("lattice init is not available on the sphere");
        int dim = space.dim();
        if (generator.length != dim) {
            throw new IllegalArgumentException("lattice init: " + generator.length + " generators for dimension " + dim);
        }
        double[] low = box.low("lattice init", dim), high = box.high("lattice init", dim);
        double[] x = Box.positions(count, dim);
        for (int i = 0, at = 0; i < count; i++, at += dim) {
            for (int c = 0; c < dim; c++) {
                double t = i * generator[c];
                x[at + c] = low[c] + (high[c] - low[c]) * (t - Math.floor(t));
            }
            space.canonicalize(x, at);
        }
        return x;
    }
}
