package lmo.init;

import lmo.rng.CounterRng;
import lmo.space.Space;

/**
 * Uniform initial positions. Euclidean: {@code x = low + (high - low) u}, u uniform in [0,1)^d (default box
 * [0,1]^d); torus: the same, then wrapped (the default gives the uniform law on T^d); sphere: {@code g/|g|} with
 * g a standard Gaussian vector, the uniform law on S^{d-1} (no box allowed).
 *
 * <p>Particle i draws u (or g) from {@code CounterRng(seed, population, i, 0, STREAM_INIT)}, counters 0..d-1, so
 * its position depends only on (seed, population, i): growing the population keeps the first particles.
 */
public final class UniformInit implements InitialDistribution {
    private final Box box;

    /**
     * @param low lower corner, or null (with high null) for [0,1]^d
     * @param high upper corner, or null
     */
    public UniformInit(double[] low, double[] high) {
        this.box = new Box("uniform init", low, high);
    }

    /** The unit box, i.e. the uniform law on the torus or on the sphere. */
    public UniformInit() { this(null, null); }

    @Override
    public double[] positions(Space space, int count, long seed, int population) {
        int dim = space.dim();
        double[] x = Box.positions(count, dim);
        if (space.type().equals("sphere")) {
            if (!box.isDefault()) throw new IllegalArgumentException("uniform init on the sphere takes no low/high");
            for (int i = 0, at = 0; i < count; i++, at += dim) {
                CounterRng.gaussians(seed, population, i, 0, CounterRng.STREAM_INIT, x, at, dim);
                space.canonicalize(x, at);
            }
            return x;
        }
        double[] low = box.low("uniform init", dim), high = box.high("uniform init", dim);
        for (int i = 0, at = 0; i < count; i++, at += dim) {
            CounterRng.uniforms(seed, population, i, 0, CounterRng.STREAM_INIT, x, at, dim);
            for (int c = 0; c < dim; c++) x[at + c] = low[c] + (high[c] - low[c]) * x[at + c];
            space.canonicalize(x, at);
        }
        return x;
    }
}
