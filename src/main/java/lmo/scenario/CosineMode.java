package lmo.scenario;

import java.util.Arrays;

/**
 * One term {@code amplitude * cos(2 pi k . x)} of a {@link CosineDensitySpec}.
 *
 * @param k integer frequency vector of length dim, not all zero
 * @param amplitude the term's coefficient (either sign)
 */
public record CosineMode(int[] k, double amplitude) {
    public CosineMode {
        k = k.clone();
    }

    @Override public int[] k() { return k.clone(); }

    @Override public boolean equals(Object o) {
        return o instanceof CosineMode m && Arrays.equals(k, m.k) && Double.compare(amplitude, m.amplitude) == 0;
    }

    @Override public int hashCode() { return 31 * Arrays.hashCode(k) + Double.hashCode(amplitude); }

    @Override public String toString() { return "CosineMode[k=" + Arrays.toString(k) + ", amplitude=" + amplitude + "]"; }
}
