package lmo.scenario;

/**
 * Fisher-Rao flow: positions fixed, {@code m <- m exp(-massStepSize V(x))}, then renormalised to the initial total
 * mass when {@code conserveMass}.
 */
public record FisherRaoSpec(double massStepSize, boolean conserveMass) implements DynamicsSpec {
    @Override public String type() { return "fisher-rao"; }
}
