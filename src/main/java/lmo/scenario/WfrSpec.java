package lmo.scenario;

/**
 * Wasserstein-Fisher-Rao (conic particle descent): the Wasserstein move and the Fisher-Rao mass update together.
 *
 * @param massUpdate {@code exponential} ({@code m <- m exp(-massStepSize V)}) or {@code linear}
 *     ({@code m <- m (1 - massStepSize V)})
 * @param scaleStepByInit divide both step sizes by {@code max(1, alpha^2)}, alpha the {@code init.scale} of the
 *     model's population
 */
public record WfrSpec(double stepSize, double massStepSize, boolean conserveMass, String massUpdate, boolean scaleStepByInit)
        implements DynamicsSpec {
    public WfrSpec(double stepSize, double massStepSize, boolean conserveMass) {
        this(stepSize, massStepSize, conserveMass, "exponential", false);
    }

    @Override public String type() { return "wfr"; }
}
