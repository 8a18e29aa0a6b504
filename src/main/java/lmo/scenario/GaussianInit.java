package lmo.scenario;

import java.util.Arrays;

/**
 * Independent normal positions {@code mean + std * N(0, I)} (componentwise std), then brought into the space (wrapped
 * on the torus, normalised on the sphere).
 *
 * @param mean length dim
 * @param std length dim, every entry > 0 (a single number in the file is expanded)
 */
public record GaussianInit(double[] mean, double[] std) implements InitSpec {
    public GaussianInit {
        mean = mean.clone();
        std = std.clone();
    }

    @Override public String type() { return "gaussian"; }

    @Override public double[] mean() { return mean.clone(); }

    @Override public double[] std() { return std.clone(); }

    @Override public boolean equals(Object o) {
        return o instanceof GaussianInit g && Arrays.equals(mean, g.mean) && Arrays.equals(std, g.std);
    }

    @Override public int hashCode() { return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std); }

    @Override public String toString() { return "GaussianInit[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]"; }
}
