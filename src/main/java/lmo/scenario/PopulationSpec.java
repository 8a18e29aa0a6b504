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
 * @param scale alpha of {@code init.scale}: the initial positions are multiplied by it (euclidean spaces; 1 otherwise)
 * @param symmetric {@code init.symmetric}: particle {@code count/2 + j} is particle j with its first coordinate negated
 *     (euclidean spaces, even count; false otherwise)
 */
public record PopulationSpec(String name, int count, SpaceSpec space, InitSpec init, double mass, double scale,
        boolean symmetric) {
    /** No scaling, no symmetric copies. */
    public PopulationSpec(String name, int count, SpaceSpec space, InitSpec init, double mass) {
        this(name, count, space, init, mass, 1.0, false);
    }
}
