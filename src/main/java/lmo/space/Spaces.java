package lmo.space;

/** Builds a {@link Space} from its scenario name: {@code euclidean}, {@code torus} or {@code sphere}. */
public final class Spaces {
    private Spaces() {}

    /**
     * @param type {@code euclidean}, {@code torus} or {@code sphere} (exact, lower case)
     * @param dim coordinates per particle (the ambient dimension for the sphere)
     * @throws IllegalArgumentException for an unknown or null type, or a dimension the space does not accept
     */
    public static Space of(String type, int dim) {
        if (type == null) throw new IllegalArgumentException("space type missing: expected euclidean, torus or sphere");
        switch (type) {
            case "euclidean": return new Euclidean(dim);
            case "torus": return new Torus(dim);
            case "sphere": return new Sphere(dim);
            default:
                throw new IllegalArgumentException("unknown space type '" + type + "': expected euclidean, torus or sphere");
        }
    }
}
