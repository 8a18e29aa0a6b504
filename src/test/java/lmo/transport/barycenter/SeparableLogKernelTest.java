package lmo.transport.barycenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The separable log-domain kernel {@code (K f)(x) = LSE_y( f(y) - |x - y|^2 / (2 lambda) )} against the direct
 * two-pass log-sum-exp over all grid points (a definition, not the code's earlier output), where the fast Toeplitz
 * product cannot resolve the rows: values spanning thousands (potentials over a small lambda), zero weights
 * (-infinity), two dimensions. And the grid barycenter at lambda = 1e-3 on 1000 nodes, kernel against the exact
 * reference over 30 iterations: the potentials agree to rounding.
 */
class SeparableLogKernelTest {

    /** {@code LSE_l( in[l] - |x_i - x_l|^2 / (2 lambda) )} over all points, two passes. */
    private static double[] direct(TensorGrid grid, double lambda, double[] in) {
        int n = grid.size(), d = grid.dim();
        double[] out = new double[n], xi = new double[d], xl = new double[d];
        for (int i = 0; i < n; i++) {
            grid.point(i, xi);
            double max = Double.NEGATIVE_INFINITY;
            double[] v = new double[n];
            for (int l = 0; l < n; l++) {
                grid.point(l, xl);
                double r2 = 0;
                for (int a = 0; a < d; a++) r2 += (xi[a] - xl[a]) * (xi[a] - xl[a]);
                v[l] = in[l] - r2 / (2 * lambda);
                max = Math.max(max, v[l]);
            }
            double s = 0;
            for (int l = 0; l < n; l++) s += Math.exp(v[l] - max);
            out[i] = max + Math.log(s);
        }
        return out;
    }

    /** The largest |a - b| relative to the largest |b| (the values are log-sums; their scale is the right unit). */
    private static double relative(double[] a, double[] b) {
        double worst = 0, scale = 0;
        for (int i = 0; i < a.length; i++) {
            assertEquals(Double.isInfinite(b[i]), Double.isInfinite(a[i]), "row " + i + ": " + a[i] + " vs " + b[i]);
            if (Double.isInfinite(b[i])) continue;
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
            scale = Math.max(scale, Math.abs(b[i]));
        }
        return worst / scale;
    }

    @Test
    void wideRangesAndZeroWeightsAreResolvedToRounding() {
        TensorGrid line = TensorGrid.line(-6, 9, 1000);
        for (double lambda : new double[] {2, 0.05, 1e-3, 1e-5}) {
            double[] in = new double[line.size()];
            for (int l = 0; l < in.length; l++) {
                double x = line.coordinate(0, l);
                // a potential over lambda (a parabola spanning ~40 / lambda) plus an input's log-weights with gaps
                in[l] = -(x - 1) * (x - 1) / (2 * lambda) * 0.7 + Math.sin(7 * x) / lambda;
                if ((l / 37) % 5 == 3) in[l] = Double.NEGATIVE_INFINITY;
            }
            double[] out = new double[in.length];
            new SeparableLogKernel(line, lambda).apply(in, out);
            double rel = relative(out, direct(line, lambda, in));
            assertTrue(rel < 1e-14, "lambda " + lambda + ": relative error " + rel);
        }
    }

    @Test
    void twoDimensionsAxisByAxis() {
        TensorGrid grid = new TensorGrid(new double[] {-3, -2}, new double[] {4, 2}, new int[] {70, 41});
        double lambda = 2e-3;
        double[] in = new double[grid.size()], x = new double[2];
        for (int l = 0; l < in.length; l++) {
            grid.point(l, x);
            in[l] = (x[0] * x[0] - 3 * x[1]) / lambda;
        }
        double[] out = new double[in.length];
        new SeparableLogKernel(grid, lambda).apply(in, out);
        double rel = relative(out, direct(grid, lambda, in));
        assertTrue(rel < 1e-14, "relative error " + rel);
    }

    @Test
    void gridPotentialsAtSmallLambdaMatchTheExactKernel() {
        TensorGrid line = TensorGrid.line(-6, 9, 1000);
        double[][] logB = {line.logGaussian(new double[] {0}, 1), line.logGaussian(new double[] {3}, 4)};
        double[] w = {0.5, 0.5};
        double lambda = 1e-3, tau = 5e-4;
        GridBarycenter fast = new GridBarycenter(line, logB, w, lambda, tau);
        GridBarycenter exact = new GridBarycenter(line, logB, w, lambda, tau).exactKernel();
        double[][] psiFast = new double[2][line.size()], psiExact = new double[2][line.size()];
        double[] muFast = new double[line.size()], muExact = new double[line.size()];
        for (int t = 0; t < 30; t++) {
            fast.iterate(psiFast, muFast, t);
            exact.iterate(psiExact, muExact, t);
        }
        for (int k = 0; k < 2; k++) {
            double rel = relative(psiFast[k], psiExact[k]);
            assertTrue(rel < 1e-12, "psi^" + k + ": relative error " + rel);
        }
        assertTrue(relative(muFast, muExact) < 1e-12, "log mu");
    }
}
