package lmo.scenario;

/**
 * Wasserstein gradient flow: a particle moves by {@code -stepSize * grad V(x)} (then retracted to its space).
 *
 * @param scaleStepByInit divide the step size by {@code max(1, alpha^2)}, alpha the {@code init.scale} of the model's
 *     population (the scaling path)
 */
public record WassersteinSpec(double stepSize, boolean scaleStepByInit) implements DynamicsSpec {
    public WassersteinSpec(double stepSize) { this(stepSize, false); }

    @Override public String type() { return "wasserstein"; }
}
