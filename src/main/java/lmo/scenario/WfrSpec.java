package lmo.scenario;

/** Wasserstein-Fisher-Rao (conic particle descent): the Wasserstein move and the Fisher-Rao mass update together. */
public record WfrSpec(double stepSize, double massStepSize, boolean conserveMass) implements DynamicsSpec {
    @Override public String type() { return "wfr"; }
}
