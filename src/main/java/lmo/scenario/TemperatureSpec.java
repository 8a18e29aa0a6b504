package lmo.scenario;

import java.util.Arrays;

/**
 * The Langevin temperature schedule ({@code dynamics.temperature}): a number (constant), or a mapping with a
 * {@code type}: {@code constant {value}}, {@code geometric {initial, factor, stageSteps}} (divided by
 * {@code factor} every {@code stageSteps} steps), {@code logarithmic {c}} ({@code c / log(t + e)}, t the mean-field
 * time), {@code piecewise {steps, values}} (value j from step {@code steps[j]}, {@code steps[0] = 0}).
 *
 * @param type {@code constant}, {@code geometric}, {@code logarithmic} or {@code piecewise}
 * @param a value, initial or c
 * @param factor geometric factor (else 0)
 * @param stageSteps geometric stage length (else 0)
 * @param steps piecewise steps (else empty)
 * @param values piecewise values (else empty)
 */
public record TemperatureSpec(String type, double a, double factor, long stageSteps, long[] steps, double[] values) {
    public TemperatureSpec {
        steps = steps.clone();
        values = values.clone();
    }

    public static TemperatureSpec constant(double value) {
        return new TemperatureSpec("constant", value, 0, 0, new long[0], new double[0]);
    }

    @Override public long[] steps() { return steps.clone(); }
    @Override public double[] values() { return values.clone(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof TemperatureSpec t && type.equals(t.type) && Double.compare(a, t.a) == 0
                && Double.compare(factor, t.factor) == 0 && stageSteps == t.stageSteps
                && Arrays.equals(steps, t.steps) && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() { return type.hashCode() * 31 + Double.hashCode(a) + Arrays.hashCode(steps); }

    @Override
    public String toString() {
        return "TemperatureSpec[" + type + ", " + a + ", " + factor + ", " + stageSteps + ", " + Arrays.toString(steps)
                + ", " + Arrays.toString(values) + "]";
    }
}
