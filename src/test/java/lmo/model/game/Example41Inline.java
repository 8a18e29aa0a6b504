package lmo.model.game;

/**
 * The authors' conic substep (papers/games.md §2.2, {@code step_CPMDA} with true_prox) on Example 4.1, written out
 * on plain arrays: from (x, a, y, b), with V and U evaluated at (x', a', y', b').
 */
final class Example41Inline {
    private Example41Inline() {}

    static double f(double eps, double x, double y) {
        double s = 2 * Math.PI * (x + y);
        return Math.sin(4 * Math.PI * x) + Math.sin(4 * Math.PI * y) + 2 * Math.cos(s) + eps * Math.sin(s);
    }

    /** df/dx; df/dy is {@code dfdx(eps, y, x)} since f is symmetric. */
    static double dfdx(double eps, double x, double y) {
        double s = 2 * Math.PI * (x + y);
        return 4 * Math.PI * Math.cos(4 * Math.PI * x) - 4 * Math.PI * Math.sin(s) + 2 * Math.PI * eps * Math.cos(s);
    }

    /** {x, a, y, b} after one substep; weights normalised, positions mod 1. */
    static double[][] substep(double eps, double eta, double etaM, double[] x, double[] a, double[] y, double[] b,
            double[] xe, double[] ae, double[] ye, double[] be) {
        int n = x.length, m = y.length;
        double[] na = new double[n], nx = new double[n], nb = new double[m], ny = new double[m];
        for (int i = 0; i < n; i++) {
            double v = 0, g = 0;
            for (int j = 0; j < m; j++) {
                v += be[j] * f(eps, xe[i], ye[j]);
                g += be[j] * dfdx(eps, xe[i], ye[j]);
            }
            na[i] = a[i] * Math.exp(-etaM * v);
            nx[i] = wrap(x[i] - eta * (ae[i] / a[i]) * g);
        }
        for (int j = 0; j < m; j++) {
            double u = 0, g = 0;
            for (int i = 0; i < n; i++) {
                u += ae[i] * f(eps, xe[i], ye[j]);
                g += ae[i] * dfdx(eps, ye[j], xe[i]);
            }
            nb[j] = b[j] * Math.exp(etaM * u);
            ny[j] = wrap(y[j] + eta * (be[j] / b[j]) * g);
        }
        return new double[][] {nx, normalised(na), ny, normalised(nb)};
    }

    static double[] normalised(double[] w) {
        double s = 0;
        for (double v : w) s += v;
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) out[i] = w[i] / s;
        return out;
    }

    private static double wrap(double t) { return t - Math.floor(t); }
}
