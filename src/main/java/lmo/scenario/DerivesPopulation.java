package lmo.scenario;

/**
 * A model whose particles are its parameters (a ResNet's hidden units, a deep linear network's layers): it makes its
 * own population from its sizes, so a scenario leaves {@code populations} out (and a listed one must match).
 */
public interface DerivesPopulation {
    /** The population the model's sizes and seeds imply. */
    PopulationSpec derivedPopulation();
}
