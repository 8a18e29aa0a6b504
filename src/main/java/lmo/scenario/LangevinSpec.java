package lmo.scenario;

/**
 * The Wasserstein step plus noise {@code sqrt(2 stepSize temperature) * N(0, I)} (projected on the tangent space on
 * the sphere); temperature 0 is the plain Wasserstein flow.
 */
public record LangevinSpec(double stepSize, double temperature) implements DynamicsSpec {
    @Override public String type() { return "langevin"; }
}
