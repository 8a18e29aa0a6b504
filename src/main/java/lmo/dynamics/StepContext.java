package lmo.dynamics;

import lmo.rng.CounterRng;

/**
 * What a dynamics may know of the step besides V and grad V: the step number and the run's seed, which key the
 * counter-based noise. A particle's noise is a function of (seed, population, id, step, stream) only, so it is the
 * same whichever shard or JVM draws it.
 *
 * @param seed the scenario's seed
 * @param step the index of the update being made (0 for the first update)
 * @param stage the stage of a multi-stage dynamics (0 for the first, see {@link Dynamics#stages()})
 * @param stageScale for stage > 0, per population: the current total mass over the ghost's total, so that
 *     {@code ghostM[i] * stageScale[p]} is the ghost mass normalised to the current total; null at stage 0
 */
public record StepContext(long seed, long step, int stage, double[] stageScale) {

    /** The context of a one-stage dynamics. */
    public StepContext(long seed, long step) { this(seed, step, 0, null); }

    /** Stream of the Langevin noise. */
    public static final int STREAM_LANGEVIN = CounterRng.STREAM_LANGEVIN;

    /** Fills {@code out[off .. off+n)} with standard Gaussians keyed by (seed, population, id, step, stream). */
    public void gaussians(int population, long id, int stream, double[] out, int off, int n) {
        CounterRng.gaussians(seed, population, id, step, stream, out, off, n);
    }
}
