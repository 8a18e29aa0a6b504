package lmo.model.kernel;

import java.util.Arrays;
import lmo.numeric.ExpPoly;

/**
 * {@link PairSums} in plain Java, emulating the four lanes of {@link VectorPairSums} operation by operation (same
 * fmas in the same order, same {@link ExpPoly}, same lane reduction), so both give the same bits. The fallback when
 * the Vector API module is not loaded, and the reference the vector code is tested against.
 */
final class LanePairSums implements PairSums {

    @Override public void evaluate(RadialKernelSums.Kind kind, double param, double[] x, int count, int dim, double[][] z,
                                   double[] w, int split, int total, double[] s0, double[] s1, double[] grad) {
        boolean gauss = kind == RadialKernelSums.Kind.GAUSSIAN;
        double[] sp = new double[LANES];
        double[] st = new double[LANES];
        double[] t = new double[dim * LANES];
        double[] dx = new double[dim];
        for (int i = 0; i < count; i++) {
            Arrays.fill(t, 0);
            Arrays.fill(sp, 0);
            Arrays.fill(st, 0);
            for (int j = 0; j < total; j++) {
                int l = j & (LANES - 1);
                double w0 = j < split ? w[j] : 0.0;
                double w1 = j < split ? 0.0 : w[j];
                dx[0] = x[i * dim] - z[0][j];
                double d2 = dx[0] * dx[0];
                for (int c = 1; c < dim; c++) {
                    dx[c] = x[i * dim + c] - z[c][j];
                    d2 = Math.fma(dx[c], dx[c], d2);
                }
                double f;
                if (gauss) {
                    double k = ExpPoly.exp(d2 * param);
                    sp[l] = Math.fma(k, w0, sp[l]);
                    st[l] = Math.fma(k, w1, st[l]);
                    f = k * w[j];
                } else {
                    double r = Math.sqrt(d2);
                    sp[l] = Math.fma(r, w0, sp[l]);
                    st[l] = Math.fma(r, w1, st[l]);
                    f = r == 0 ? 0.0 : w[j] / r;
                }
                for (int c = 0; c < dim; c++) t[c * LANES + l] = Math.fma(f, dx[c], t[c * LANES + l]);
            }
            double p = lanes(sp, 0);
            double q = lanes(st, 0);
            s0[i] = gauss ? p : -p;
            s1[i] = gauss ? q : -q;
            for (int c = 0; c < dim; c++) {
                double sum = lanes(t, c * LANES);
                grad[i * dim + c] = gauss ? sum * (2 * param) : -sum;
            }
        }
    }

    private static double lanes(double[] a, int at) {
        return (a[at] + a[at + 1]) + (a[at + 2] + a[at + 3]);
    }
}
