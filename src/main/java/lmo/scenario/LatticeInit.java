package lmo.scenario;

import java.util.Arrays;

/**
 * A Kronecker (lattice) point set: point i at {@code low + (high - low) * frac(i * generator)} per axis.
 *
 * @param generator one multiplier per axis (irrational-looking numbers give a nearly uniform fill)
 * @param low lower corner (euclidean; null on the torus, where the whole torus is used)
 * @param high upper corner (euclidean; null on the torus)
 */
public record LatticeInit(double[] generator, double[] low, double[] high) implements InitSpec {
    public LatticeInit {
        generator = generator.clone();
        low = low == null ? null : low.clone();
        high = high == null ? null : high.clone();
    }

    @Override public String type() { return "lattice"; }
    @Override public double[] generator() { return generator.clone(); }
    @Override public double[] low() { return low == null ? null : low.clone(); }
    @Override public double[] high() { return high == null ? null : high.clone(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof LatticeInit l && Arrays.equals(generator, l.generator) && Arrays.equals(low, l.low)
                && Arrays.equals(high, l.high);
    }

    @Override
    public int hashCode() { return 31 * (31 * Arrays.hashCode(generator) + Arrays.hashCode(low)) + Arrays.hashCode(high); }

    @Override
    public String toString() {
        return "LatticeInit[generator=" + Arrays.toString(generator) + ", low=" + Arrays.toString(low) + ", high="
                + Arrays.toString(high) + "]";
    }
}
