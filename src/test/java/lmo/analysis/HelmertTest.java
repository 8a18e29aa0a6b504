package lmo.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The Helmert columns are orthonormal and sum to zero; H' inverts H on the sum-zero subspace. */
class HelmertTest {
    @Test
    void orthonormalBasisOfTheSumZeroSubspace() {
        int n = 6;
        double[][] cols = new double[n - 1][];
        for (int k = 0; k < n - 1; k++) {
            double[] e = new double[n - 1];
            e[k] = 1;
            cols[k] = Helmert.apply(e);
            double sum = 0;
            for (double v : cols[k]) sum += v;
            assertEquals(0, sum, 1e-15, "column " + k + " sums to 0");
        }
        for (int k = 0; k < n - 1; k++) {
            for (int l = 0; l < n - 1; l++) {
                double dot = 0;
                for (int i = 0; i < n; i++) dot += cols[k][i] * cols[l][i];
                assertEquals(k == l ? 1 : 0, dot, 1e-15);
            }
        }
        double[] c = {0.3, -1, 2, 0.5, 7};
        double[] back = Helmert.transpose(Helmert.apply(c));
        for (int k = 0; k < c.length; k++) assertEquals(c[k], back[k], 1e-14);
        assertEquals(1 / Math.sqrt(2), Helmert.apply(new double[] {1})[0], 1e-16, "n = 2: (1, -1)/sqrt 2");
    }
}
