package lmo.scenario;

/**
 * An external potential added to the model ({@code model.potential}), or the whole model ({@code model.type:
 * potential}): {@code quadratic} {@code U(x) = kappa |x|^2 / 2}.
 *
 * @param population the population it acts on
 */
public record PotentialSpec(String population, String type, double kappa) {}
