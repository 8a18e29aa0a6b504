package lmo.scenario;

/**
 * One population of weighted particles ({@code populations.<name>}).
 *
 * @param name the population's key under {@code populations}
 * @param count number of particles, >= 1
 * @param space where the particles live
 * @param init how initial positions (and possibly masses) are drawn or read
 * @param mass the population's total initial mass; each particle gets {@code mass / count} unless the init file has a
 *     mass column
 */
public record PopulationSpec(String name, int count, SpaceSpec space, InitSpec init, double mass) {}
