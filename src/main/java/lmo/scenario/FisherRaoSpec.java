package lmo.scenario;

/**
 * Fisher-Rao flow: positions fixed, {@code m <- m exp(-massStepSize V(x))} (or, with {@code massUpdate: linear},
 * {@code m <- m (1 - massStepSize V(x))}), then renormalised to the initial total mass when {@code conserveMass}.
 */
public record FisherRaoSpec(double massStepSize, boolean conserveMass, String massUpdate) implements DynamicsSpec {
    public FisherRaoSpec(double massStepSize, boolean conserveMass) { this(massStepSize, conserveMass, "exponential"); }

    @Override public String type() { return "fisher-rao"; }
}
