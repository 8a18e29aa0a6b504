package lmo.dynamics;

import lmo.rng.CounterRng;

/**
 * What a dynamics may know of the step besides V and grad V: the step number and the run's seed, which key the
 * counter-based noise. A particle's noise is a function of (seed, population, id, step, stream) only, so it is the
 * same whichever shard or JVM draws it.
 *
 * @param seed the scenario's seed
 * @param step the index of the update being made (0 for the first update)
 */
public record StepContext(long seed, long step) {

    /** Stream of the Langevin noise. */
    public static final int STREAM_LANGEVIN = CounterRng.STREAM_LANGEVIN;

    /** Fills {@code out[off .. off+n)} with standard Gaussians keyed by (seed, population, id, step, stream). */
    public void gaussians(int population, long id, int stream, double[] out, int off, int n) {
        CounterRng.gaussians(seed, population, id, step, stream, out, off, n);
    }
}
