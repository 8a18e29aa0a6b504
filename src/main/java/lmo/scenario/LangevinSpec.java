package lmo.scenario;

/**
 * The Wasserstein step plus noise {@code sqrt(2 stepSize T_k) * N(0, I)} (projected on the tangent space on the
 * sphere), T_k from the temperature schedule; temperature 0 is the plain Wasserstein flow.
 *
 * @param scaleStepByInit divide the step size by {@code max(1, alpha^2)}, alpha the {@code init.scale} of the model's
 *     population
 */
public record LangevinSpec(double stepSize, TemperatureSpec temperature, boolean scaleStepByInit) implements DynamicsSpec {
    public LangevinSpec(double stepSize, TemperatureSpec temperature) { this(stepSize, temperature, false); }

    /** A constant temperature. */
    public LangevinSpec(double stepSize, double temperature) {
        this(stepSize, TemperatureSpec.constant(temperature));
    }

    @Override public String type() { return "langevin"; }
}
