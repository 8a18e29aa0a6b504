package lmo.model.neural;

import java.util.Locale;

/**
 * The activation {@code sigma} of the hidden layer, with its derivative, as deterministic scalar functions (the same
 * bits on every JVM: only {@link StrictMath} and basic arithmetic).
 *
 * <ul>
 *   <li>{@link #RELU}: {@code max(z, 0)}, derivative {@code 1[z > 0]} (0 at z = 0, as {@code (Z > 0)} in NumPy);
 *       positively 1-homogeneous, so the {@code cone} and {@code mass} readouts and the population loss need it.</li>
 *   <li>{@link #TANH}: {@code tanh z} ({@link StrictMath#tanh}), derivative {@code 1 - tanh^2 z}.</li>
 *   <li>{@link #GELU}: {@code z Phi(z)} with {@code Phi} the standard normal CDF (erf written here, absolute error
 *       below 8e-16, see {@link NormalCdf}), derivative {@code Phi(z) + z phi(z)}.</li>
 * </ul>
 */
public enum Activation {
    RELU, TANH, GELU;

    /** {@code sigma(z)}. */
    public double value(double z) {
        return switch (this) {
            case RELU -> z > 0 ? z : 0.0;
            case TANH -> StrictMath.tanh(z);
            case GELU -> z * NormalCdf.cdf(z);
        };
    }

    /** {@code sigma'(z)}. */
    public double derivative(double z) {
        return switch (this) {
            case RELU -> z > 0 ? 1.0 : 0.0;
            case TANH -> {
                double t = StrictMath.tanh(z);
                yield 1 - t * t;
            }
            case GELU -> NormalCdf.cdf(z) + z * NormalCdf.density(z);
        };
    }

    /** The scenario name: {@code relu}, {@code tanh}, {@code gelu}. */
    public String key() { return name().toLowerCase(Locale.ROOT); }

    /** Parses a scenario name (case-insensitive). */
    public static Activation parse(String name) {
        for (Activation a : values()) if (a.key().equalsIgnoreCase(name)) return a;
        throw new IllegalArgumentException("activation: expected relu, tanh or gelu, got " + name);
    }
}
