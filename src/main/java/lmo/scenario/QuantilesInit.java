package lmo.scenario;

/**
 * Deterministic positions on the circle (torus, dim 1) at evenly spaced quantiles of a cosine density, so that
 * the empirical measure approximates the density closely.
 */
public record QuantilesInit(CosineDensitySpec density) implements InitSpec {
    @Override public String type() { return "quantiles"; }
}
