package lmo.analysis;

import lmo.engine.Gathered;

/**
 * {@code f(x, y) = 1/2 x'Px + x'By - 1/2 y'Qy}, one particle per player in R^n and R^m, descent form: population 0
 * (x) has {@code v = f, grad = Px + By}; population 1 (y) has {@code v = -f, grad = -(B'x - Qy)}.
 */
final class QuadraticGameModel extends GatherModel {
    final double[][] p, b, q;

    QuadraticGameModel(double[][] p, double[][] b, double[][] q) {
        this.p = p;
        this.b = b;
        this.q = q;
    }

    @Override
    double value(Gathered s, int pop, double[] pt, int at, double[] grad) {
        double[] x = s.x()[0], y = s.x()[1];
        if (pop == 0) x = java.util.Arrays.copyOfRange(pt, at, at + p.length);
        else y = java.util.Arrays.copyOfRange(pt, at, at + q.length);
        int n = p.length, m = q.length;
        double f = 0;
        double[] gx = new double[n], gy = new double[m];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                f += 0.5 * x[i] * p[i][k] * x[k];
                gx[i] += p[i][k] * x[k];
            }
            for (int j = 0; j < m; j++) {
                f += x[i] * b[i][j] * y[j];
                gx[i] += b[i][j] * y[j];
                gy[j] += b[i][j] * x[i];
            }
        }
        for (int j = 0; j < m; j++) {
            for (int l = 0; l < m; l++) {
                f -= 0.5 * y[j] * q[j][l] * y[l];
                gy[j] -= q[j][l] * y[l];
            }
        }
        if (pop == 0) {
            System.arraycopy(gx, 0, grad, 0, n);
            return f;
        }
        for (int j = 0; j < m; j++) grad[j] = -gy[j];
        return -f;
    }
}
