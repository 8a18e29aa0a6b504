package lmo.model.neural;

import java.util.Locale;

/**
 * The per-sample loss {@code l(f, y)}; the training loss is its mean over the n samples, {@code L = (1/n) sum_k
 * l(f(x_k), y_k)}.
 *
 * <ul>
 *   <li>{@link #SQUARE}: {@code l = (f - y)^2 / 2}, {@code dl/df = f - y}.</li>
 *   <li>{@link #LOGISTIC}: {@code l = log(1 + exp(-y f))} for labels {@code y = +-1}, {@code dl/df = -y / (1 +
 *       exp(y f))}; evaluated without overflow ({@code log1p(exp(-z))} for {@code z = y f >= 0},
 *       {@code -z + log1p(exp(z))} otherwise). {@link StrictMath} only, so deterministic everywhere.</li>
 * </ul>
 */
public enum Loss {
    SQUARE, LOGISTIC;

    /** {@code l(f, y)}. */
    public double value(double f, double y) {
        return switch (this) {
            case SQUARE -> 0.5 * (f - y) * (f - y);
            case LOGISTIC -> {
                double z = y * f;
                yield z >= 0 ? StrictMath.log1p(StrictMath.exp(-z)) : -z + StrictMath.log1p(StrictMath.exp(z));
            }
        };
    }

    /** {@code dl/df (f, y)}. */
    public double derivative(double f, double y) {
        return switch (this) {
            case SQUARE -> f - y;
            case LOGISTIC -> {
                double z = y * f;
                if (z >= 0) {
                    double e = StrictMath.exp(-z);
                    yield -y * e / (1 + e);
                }
                yield -y / (1 + StrictMath.exp(z));
            }
        };
    }

    /** The scenario name: {@code square}, {@code logistic}. */
    public String key() { return name().toLowerCase(Locale.ROOT); }

    /** Parses a scenario name (case-insensitive). */
    public static Loss parse(String name) {
        for (Loss l : values()) if (l.key().equalsIgnoreCase(name)) return l;
        throw new IllegalArgumentException("loss: expected square or logistic, got " + name);
    }
}
