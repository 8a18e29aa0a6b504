package lmo.scenario;

/** Wasserstein gradient flow: a particle moves by {@code -stepSize * grad V(x)} (then retracted to its space). */
public record WassersteinSpec(double stepSize) implements DynamicsSpec {
    @Override public String type() { return "wasserstein"; }
}
