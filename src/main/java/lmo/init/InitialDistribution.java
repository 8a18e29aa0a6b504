package lmo.init;

import lmo.space.Space;

/**
 * The initial positions (and optionally masses) of one population. Generation is deterministic: random initial
 * positions are keyed by (seed, population, particle id) through {@link lmo.rng.CounterRng}, so they do not depend
 * on how the population is later split into blocks or shards.
 */
public interface InitialDistribution {

    /**
     * Positions of the population in id order, {@code count * space.dim()} values, already in the space
     * (wrapped on the torus, normalised on the sphere).
     *
     * @param population the population's index in name order (part of the random key)
     */
    double[] positions(Space space, int count, long seed, int population);

    /** Masses given by the source (a file with a mass column), or null for equal masses. */
    default double[] masses(int count) { return null; }
}
