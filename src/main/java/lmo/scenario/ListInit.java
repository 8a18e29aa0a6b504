package lmo.scenario;

import java.util.Arrays;

/**
 * Particles listed in the scenario ({@code init: {type: list, positions: [[..], ..], masses: [..]}}): one row of dim
 * coordinates per particle, and optionally their masses (used as given; otherwise the population's {@code mass}
 * split equally). For small systems such as the players of a game.
 *
 * @param positions count rows of dim coordinates
 * @param masses count masses (>= 0, not all 0), or null
 */
public record ListInit(double[][] positions, double[] masses) implements InitSpec {
    public ListInit {
        positions = Arrays.stream(positions).map(double[]::clone).toArray(double[][]::new);
        masses = masses == null ? null : masses.clone();
    }

    @Override public String type() { return "list"; }
    @Override public double[][] positions() { return Arrays.stream(positions).map(double[]::clone).toArray(double[][]::new); }
    @Override public double[] masses() { return masses == null ? null : masses.clone(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof ListInit l && Arrays.deepEquals(positions, l.positions) && Arrays.equals(masses, l.masses);
    }

    @Override public int hashCode() { return Arrays.deepHashCode(positions) * 31 + Arrays.hashCode(masses); }

    @Override
    public String toString() { return "ListInit[" + Arrays.deepToString(positions) + ", " + Arrays.toString(masses) + "]"; }
}
