package lmo.scenario;

/**
 * The space of a population ({@code populations.<name>.space}).
 *
 * @param type {@code euclidean} (R^d), {@code torus} (the unit torus [0,1)^d, positions wrapped) or {@code sphere}
 *     (the unit sphere S^{dim-1} in R^dim)
 * @param dim coordinates stored per particle: d for R^d and T^d, the ambient dimension (>= 2) for the sphere
 */
public record SpaceSpec(String type, int dim) {
    public boolean isEuclidean() { return type.equals("euclidean"); }

    public boolean isTorus() { return type.equals("torus"); }

    public boolean isSphere() { return type.equals("sphere"); }
}
