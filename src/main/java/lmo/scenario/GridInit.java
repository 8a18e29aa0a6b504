package lmo.scenario;

import java.util.Arrays;

/**
 * A regular grid of n points per axis, n^dim = count, spanning the box [low, high] in euclidean space or the
 * torus [0,1)^dim.
 *
 * @param low lower corner (euclidean only, default [0,...,0]); null on the torus
 * @param high upper corner (euclidean only, default [1,...,1]); null on the torus
 */
public record GridInit(double[] low, double[] high) implements InitSpec {
    public GridInit {
        low = low == null ? null : low.clone();
        high = high == null ? null : high.clone();
    }

    @Override public String type() { return "grid"; }

    @Override public double[] low() { return low == null ? null : low.clone(); }

    @Override public double[] high() { return high == null ? null : high.clone(); }

    @Override public boolean equals(Object o) {
        return o instanceof GridInit g && Arrays.equals(low, g.low) && Arrays.equals(high, g.high);
    }

    @Override public int hashCode() { return 31 * Arrays.hashCode(low) + Arrays.hashCode(high); }

    @Override public String toString() { return "GridInit[low=" + Arrays.toString(low) + ", high=" + Arrays.toString(high) + "]"; }
}
