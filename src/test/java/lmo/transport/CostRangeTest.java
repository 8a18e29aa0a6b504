package lmo.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The pruned range is the pass over all pairs, bit for bit: overlapping, disjoint, duplicated, degenerate clouds. */
class CostRangeTest {

    @Test
    void prunedRangeEqualsThePassOverAllPairs() {
        SplittableRandom r = new SplittableRandom(9);
        for (int d = 1; d <= 4; d++) {
            for (int shape = 0; shape < 5; shape++) {
                int n = 1 + r.nextInt(400), m = 1 + r.nextInt(400);
                double[] x = OnlineSinkhornTest.points(r, n * d), y = OnlineSinkhornTest.points(r, m * d);
                if (shape == 1) for (int k = 0; k < y.length; k++) y[k] = 0.5 * y[k] + 3;          // disjoint
                if (shape == 2) System.arraycopy(x, 0, y, 0, Math.min(x.length, y.length));       // shared points
                if (shape == 3) for (int k = 0; k < y.length; k++) y[k] = Math.rint(4 * y[k]) / 4; // ties
                if (shape == 4) java.util.Arrays.fill(x, 0.25);                                    // one point
                for (Cost.Kind kind : Cost.Kind.values()) {
                    assertArrayEquals(Cost.rawRangeAllPairs(x, n, y, m, d, kind), CostRange.of(x, n, y, m, d, kind),
                            0.0, "d " + d + " shape " + shape + " " + kind);
                }
            }
        }
        double[] x = {0, 0, 1, 1, Double.NaN, 0.5}, y = {0, 1, 1, 0};
        assertArrayEquals(Cost.rawRangeAllPairs(x, 3, y, 2, 2, Cost.Kind.SQEUCLIDEAN),
                CostRange.of(x, 3, y, 2, 2, Cost.Kind.SQEUCLIDEAN), 0.0, "NaN: the pass over all pairs");
    }
}
