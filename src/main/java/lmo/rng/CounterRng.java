package lmo.rng;

/**
 * Counter-based random numbers: the value for a key (seed, population, id, step, stream, counter) is a pure hash of
 * the key, so any particle's noise can be drawn by whoever holds the particle, in any order, with the same result.
 */
public final class CounterRng {
    /** Initial positions. */
    public static final int STREAM_INIT = 0;
    /** Langevin noise. */
    public static final int STREAM_LANGEVIN = 1;
    /** Generated target samples. */
    public static final int STREAM_TARGET = 2;

    private CounterRng() {}

    /** Fills {@code out[off .. off+n)} with standard Gaussians for the key. */
    public static void gaussians(long seed, int population, long id, long step, int stream, double[] out, int off, int n) {
        throw new UnsupportedOperationException("placeholder, replaced by the implementation");
    }

    /** Fills {@code out[off .. off+n)} with uniforms in [0,1) for the key. */
    public static void uniforms(long seed, int population, long id, long step, int stream, double[] out, int off, int n) {
        throw new UnsupportedOperationException("placeholder, replaced by the implementation");
    }
}
