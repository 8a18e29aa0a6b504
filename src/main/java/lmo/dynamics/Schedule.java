package lmo.dynamics;

import java.util.Arrays;

/**
 * A parameter that changes with the step, such as the Langevin temperature: {@code value(k)} is used for the
 * update from state k to state k+1. Immutable and thread-safe.
 *
 * <ul>
 *   <li>{@link #constant}: {@code T_k = T}.</li>
 *   <li>{@link #geometric}: stages of {@code stageSteps} steps, {@code T_k = T_0 / factor^floor(k / stageSteps)} (the
 *       annealing of mean-field Langevin for signed measures: the temperature is divided by {@code factor} at every
 *       stage, each stage warm-started from the last).</li>
 *   <li>{@link #logarithmic}: {@code T_k = c / log(t_k + e)} with {@code t_k = k * stepSize} the mean-field time
 *       (the classical simulated-annealing rate; slow, and only asymptotic).</li>
 *   <li>{@link #piecewise}: {@code T_k = values[j]} for {@code steps[j] <= k < steps[j+1]}; {@code steps[0] = 0}.</li>
 * </ul>
 */
public interface Schedule {

    /** The value for the update from state {@code step}. */
    double value(long step);

    static Schedule constant(double value) {
        requireNonNegative(value, "value");
        return step -> value;
    }

    static Schedule geometric(double initial, double factor, long stageSteps) {
        requireNonNegative(initial, "initial");
        if (!(factor >= 1) || Double.isInfinite(factor)) throw new IllegalArgumentException("factor: must be >= 1, got " + factor);
        if (stageSteps < 1) throw new IllegalArgumentException("stageSteps: must be >= 1, got " + stageSteps);
        return step -> initial / Math.pow(factor, (double) (step / stageSteps));
    }

    static Schedule logarithmic(double c, double stepSize) {
        requireNonNegative(c, "c");
        return step -> c / Math.log(step * stepSize + Math.E);
    }

    static Schedule piecewise(long[] steps, double[] values) {
        if (steps.length == 0 || steps.length != values.length || steps[0] != 0) {
            throw new IllegalArgumentException("piecewise: steps and values of equal length, starting at step 0");
        }
        for (int j = 0; j < steps.length; j++) {
            requireNonNegative(values[j], "values[" + j + "]");
            if (j > 0 && steps[j] <= steps[j - 1]) throw new IllegalArgumentException("piecewise: steps must increase");
        }
        long[] s = steps.clone();
        double[] v = values.clone();
        return step -> {
            int j = Arrays.binarySearch(s, step);
            return v[j >= 0 ? j : -j - 2];
        };
    }

    private static void requireNonNegative(double v, String name) {
        if (!(v >= 0) || Double.isInfinite(v)) throw new IllegalArgumentException(name + ": must be >= 0 and finite, got " + v);
    }
}
