package lmo.scenario;

import java.util.Arrays;

/**
 * Independent uniform positions: on the box [low, high] in euclidean space, on the whole torus, uniform on the sphere.
 *
 * @param low lower corner (euclidean only; [0,...,0] when not given); null on the torus and the sphere
 * @param high upper corner (euclidean only; [1,...,1] when not given), componentwise > low; null elsewhere
 */
public record UniformInit(double[] low, double[] high) implements InitSpec {
    public UniformInit {
        low = low == null ? null : low.clone();
        high = high == null ? null : high.clone();
    }

    @Override public String type() { return "uniform"; }

    @Override public double[] low() { return low == null ? null : low.clone(); }

    @Override public double[] high() { return high == null ? null : high.clone(); }

    @Override public boolean equals(Object o) {
        return o instanceof UniformInit u && Arrays.equals(low, u.low) && Arrays.equals(high, u.high);
    }

    @Override public int hashCode() { return 31 * Arrays.hashCode(low) + Arrays.hashCode(high); }

    @Override public String toString() { return "UniformInit[low=" + Arrays.toString(low) + ", high=" + Arrays.toString(high) + "]"; }
}
