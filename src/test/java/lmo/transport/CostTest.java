package lmo.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The cost is |x - y|^2 or 1/2 |x - y|^2, divided by 1, its max or its oscillation, and says so. */
class CostTest {
    // x = (0,0), (3,0); y = (0,1), (0,4): |x - y|^2 = [[1, 16], [10, 25]]
    static final double[] X = {0, 0, 3, 0}, Y = {0, 1, 0, 4};

    @Test
    void squaredDistancesAndTheirNormalisations() {
        Cost none = Cost.of(X, 2, Y, 2, 2, Cost.Kind.SQEUCLIDEAN, Cost.Normalize.NONE);
        assertEquals(1, none.at(0, 0), 0.0);
        assertEquals(25, none.at(1, 1), 0.0);
        Cost half = Cost.of(X, 2, Y, 2, 2, Cost.Kind.HALF_SQEUCLIDEAN, Cost.Normalize.NONE);
        assertEquals(8, half.at(0, 1), 0.0);
        Cost max = Cost.of(X, 2, Y, 2, 2, Cost.Kind.SQEUCLIDEAN, Cost.Normalize.MAX);
        assertEquals(25, max.scale(), 0.0);
        assertEquals(10.0 / 25, max.at(1, 0), 0.0);
        Cost osc = Cost.of(X, 2, Y, 2, 2, Cost.Kind.HALF_SQEUCLIDEAN, Cost.Normalize.OSCILLATION);
        assertEquals(12, osc.scale(), 0.0);
        assertEquals(1.0, osc.oscillation(), 1e-15);
        assertEquals(0.5 / 12, osc.at(0, 0), 0.0, "oscillation only divides; it does not subtract min c");
        double[] row = new double[2];
        osc.row(1, row);
        assertEquals(osc.at(1, 0), row[0], 0.0);
        assertEquals(osc.at(1, 1), row[1], 0.0);
        assertTrue(osc.describe().contains("half-sqeuclidean 1/2 |x - y|^2, normalize oscillation: divided by 12"),
                osc.describe());
    }

    @Test
    void rowsAgreeWithPointwiseValuesInEveryDimension() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int d = 1; d <= 4; d++) {
            int n = 300, m = 270;   // more than one 256-block in both directions
            double[] x = OnlineSinkhornTest.points(r, n * d), y = OnlineSinkhornTest.points(r, m * d);
            Cost c = Cost.of(x, n, y, m, d, Cost.Kind.SQEUCLIDEAN, Cost.Normalize.OSCILLATION);
            double lo = Double.MAX_VALUE, hi = 0;
            double[] row = new double[m];
            for (int i = 0; i < n; i++) {
                c.row(i, row);
                for (int j = 0; j < m; j++) {
                    double s = 0;
                    for (int k = 0; k < d; k++) s += (x[i * d + k] - y[j * d + k]) * (x[i * d + k] - y[j * d + k]);
                    assertEquals(s / c.scale(), row[j], 1e-15);
                    lo = Math.min(lo, s);
                    hi = Math.max(hi, s);
                }
            }
            assertEquals(hi - lo, c.scale(), 0.0);
        }
    }

    @Test
    void aDegenerateScaleIsRefused() {
        double[] same = {1, 1};
        assertThrows(IllegalArgumentException.class,
                () -> Cost.of(same, 1, same, 1, 2, Cost.Kind.SQEUCLIDEAN, Cost.Normalize.OSCILLATION));
        assertThrows(IllegalArgumentException.class, () -> Cost.Kind.of("euclidean"));
    }
}
