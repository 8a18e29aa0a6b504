package lmo.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import lmo.io.Csv;
import lmo.io.Table;
import lmo.space.Euclidean;
import org.junit.jupiter.api.Test;

class LatticeInitTest {
    static final double A1 = 0.6180339887498949, A2 = 0.4142135623730951;
    static final double B1 = 0.7548776662466927, B2 = 0.5698402909980532;

    @Test
    void reproducesTheBenchmarkSourcePointsBitForBit() {
        double[] x = new LatticeInit(new double[] {A1, A2}, null, null).positions(new Euclidean(2), 3, 0, 0);
        // the first rows of shared/bench/data/points_x.csv
        assertArrayEquals(new double[] {0, 0, 0.6180339887498949, 0.41421356237309509,
                0.23606797749978981, 0.82842712474619018}, x, 0.0);
    }

    @Test
    void reproducesTheBenchmarkTargetRecipe() {
        double[] y = new LatticeInit(new double[] {B1, B2}, new double[] {0.5, 0.25}, new double[] {1.0, 0.75})
                .positions(new Euclidean(2), 1000, 0, 0);
        for (int j = 0; j < 1000; j++) {
            double t1 = j * B1, t2 = j * B2;
            assertEquals(0.5 * (t1 - Math.floor(t1)) + 0.5, y[2 * j], 0.0);
            assertEquals(0.5 * (t2 - Math.floor(t2)) + 0.25, y[2 * j + 1], 0.0);
        }
    }

    @Test
    void isPrefixStable() {
        LatticeInit init = new LatticeInit(new double[] {A1}, null, null);
        double[] a = init.positions(new Euclidean(1), 10, 1, 0);
        double[] b = init.positions(new Euclidean(1), 20, 2, 3);
        for (int i = 0; i < 10; i++) assertEquals(a[i], b[i], 0.0);
    }
}
