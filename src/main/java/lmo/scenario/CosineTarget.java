package lmo.scenario;

/** A cosine density on the torus. */
public record CosineTarget(CosineDensitySpec density) implements TargetSpec {
    @Override public String type() { return "cosine"; }
}
