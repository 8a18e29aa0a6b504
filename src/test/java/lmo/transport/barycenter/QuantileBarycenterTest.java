package lmo.transport.barycenter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The Wasserstein barycenter on a line grid by quantile averaging, against closed forms. */
class QuantileBarycenterTest {
    @Test
    void gaussiansAverageTheirMeansAndStandardDeviations() {
        TensorGrid grid = TensorGrid.line(-12, 14, 5201);
        double[] sigma2 = {0.25, 2.25, 1}, w = {0.2, 0.5, 0.3}, means = {-1, 2, 4};
        double[][] in = new double[3][];
        for (int k = 0; k < 3; k++) in[k] = grid.logGaussian(new double[] {means[k]}, sigma2[k]);
        double[] bary = QuantileBarycenter.onGrid(grid, in, w);
        double[] lw = new double[bary.length];
        for (int l = 0; l < lw.length; l++) lw[l] = Math.log(bary[l]);
        assertEquals(2.0, grid.mean(lw)[0], 1e-9, "sum_k w_k m_k, exact: the atoms are split to keep the mean");
        double s2 = GaussianBarycenter.wassersteinVariance(sigma2, w);
        assertEquals(s2, grid.variance(lw)[0], 2e-3 * s2, "(sum_k w_k sigma_k)^2 up to the grid's resolution");
    }

    @Test
    void twoShiftedCopiesMeetHalfway() {
        TensorGrid grid = TensorGrid.line(0, 1, 101);
        double[] a = new double[101], b = new double[101];
        java.util.Arrays.fill(a, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(b, Double.NEGATIVE_INFINITY);
        double[] shape = {0.1, 0.4, 0.3, 0.2};
        for (int i = 0; i < 4; i++) {
            a[10 + i] = Math.log(shape[i]);
            b[30 + i] = Math.log(shape[i]);
        }
        double[] bary = QuantileBarycenter.onGrid(grid, new double[][] {a, b}, new double[] {0.5, 0.5});
        for (int l = 0; l < 101; l++) {
            double expected = l >= 20 && l < 24 ? shape[l - 20] : 0;
            assertEquals(expected, bary[l], 1e-15, "node " + l);
        }
    }
}
