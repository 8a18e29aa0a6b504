package lmo.analysis;

import lmo.engine.Gathered;

/**
 * Example 4.1 of Wang–Chizat (arXiv 2211.01280) and its generic variant on T^1 x T^1:
 * {@code f(x, y) = sin 4 pi x + sin 4 pi y + 2 cos 2 pi (x+y) + eps sin 2 pi (x+y)}; population 0 (x, minimiser)
 * has {@code v = V(x) = sum_j b_j f(x, y_j)}, population 1 (y, maximiser) the descent form
 * {@code v = -U(y) = -sum_i a_i f(x_i, y)}, gradients likewise. MNE: x in {3/8, 7/8}, y in {1/8, 5/8}, weights 1/2.
 */
final class Example41 extends GatherModel {
    final double eps;

    Example41(double eps) { this.eps = eps; }

    double f(double x, double y) {
        double s = 2 * Math.PI * (x + y);
        return Math.sin(4 * Math.PI * x) + Math.sin(4 * Math.PI * y) + 2 * Math.cos(s) + eps * Math.sin(s);
    }

    /** df/dx at (x, y); df/dy is {@code dfdx(y, x)} by symmetry. */
    double dfdx(double x, double y) {
        double s = 2 * Math.PI * (x + y);
        return 4 * Math.PI * Math.cos(4 * Math.PI * x) - 4 * Math.PI * Math.sin(s) + 2 * Math.PI * eps * Math.cos(s);
    }

    @Override
    double value(Gathered s, int p, double[] pt, int at, double[] grad) {
        double z = pt[at], v = 0;
        int other = 1 - p;
        for (int j = 0; j < s.count(other); j++) {
            double w = s.m()[other][j], o = s.x()[other][j];
            v += w * f(z, o); // f is symmetric in (x, y)
            grad[0] += w * dfdx(z, o);
        }
        if (p == 1) {
            grad[0] = -grad[0];
            return -v;
        }
        return v;
    }

    /** The MNE: x = (3/8, 7/8), y = (1/8, 5/8), weights 1/2. */
    static Gathered mne() {
        return new Gathered(new double[][] {{0.375, 0.875}, {0.125, 0.625}},
                new double[][] {{0.5, 0.5}, {0.5, 0.5}}, new int[] {1, 1});
    }
}
