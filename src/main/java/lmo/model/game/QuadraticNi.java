package lmo.model.game;

/**
 * The Nikaido–Isoda error of a {@link QuadraticPayoff} game in closed form. With {@code xbar, ybar} the players'
 * means and {@code Sx = E_mu[x'Px]}, {@code Sy = E_nu[y'Qy]}:
 * {@code min_x V = m(P, B ybar) - Sy/2} and {@code max_y U = Sx/2 - m(Q, -B'xbar)}, where
 * {@code m(P, g) = inf_x (x'Px/2 + g'x) = -g'P^+g/2} when P is positive semidefinite and g lies in its range, and
 * {@code -Infinity} otherwise (an unbounded best response). So
 * {@code NI = (Sx + Sy)/2 - m(P, B ybar) - m(Q, -B'xbar)}, {@code +Infinity} when a best response is unbounded — for a
 * bilinear game (P = Q = 0) unless {@code B ybar = 0} and {@code B'xbar = 0}.
 */
final class QuadraticNi {
    private QuadraticNi() {}

    static double of(QuadraticPayoff f, double[] x, double[] a, double[] y, double[] b) {
        int dx = f.dimX(), dy = f.dimY();
        double[][] p = f.p(), bm = f.b(), q = f.q();
        double[] xbar = mean(x, a, dx), ybar = mean(y, b, dy);
        double sx = quadraticMean(p, x, a), sy = quadraticMean(q, y, b);
        double[] gx = new double[dx], gy = new double[dy];
        for (int i = 0; i < dx; i++) for (int j = 0; j < dy; j++) {
            gx[i] += bm[i][j] * ybar[j];
            gy[j] -= bm[i][j] * xbar[i];
        }
        return (sx + sy) / 2 - infimum(p, gx) - infimum(q, gy);
    }

    /** {@code inf_x x'Px/2 + g'x} for symmetric P, by its eigendecomposition. */
    static double infimum(double[][] p, double[] g) {
        int d = g.length;
        double[][] vectors = new double[d][d];
        double[] values = eigen(p, vectors);
        double scale = 0, gnorm = BestResponse.norm(g, 0, d);
        for (double v : values) scale = Math.max(scale, Math.abs(v));
        double tol = 1e-12 * scale;
        double out = 0;
        for (int k = 0; k < d; k++) {
            double h = 0;
            for (int i = 0; i < d; i++) h += vectors[i][k] * g[i];
            if (values[k] < -tol) return Double.NEGATIVE_INFINITY;
            if (values[k] <= tol) {
                if (Math.abs(h) > 1e-12 * Math.max(1, gnorm)) return Double.NEGATIVE_INFINITY;
                continue;
            }
            out -= h * h / (2 * values[k]);
        }
        return out;
    }

    /** Cyclic Jacobi: returns the eigenvalues of symmetric {@code a}, eigenvectors in the columns of {@code v}. */
    static double[] eigen(double[][] a0, double[][] v) {
        int d = a0.length;
        double[][] a = new double[d][];
        for (int i = 0; i < d; i++) {
            a[i] = a0[i].clone();
            java.util.Arrays.fill(v[i], 0);
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0, diag = 0;
            for (int i = 0; i < d; i++) {
                diag += a[i][i] * a[i][i];
                for (int j = i + 1; j < d; j++) off += a[i][j] * a[i][j];
            }
            if (off <= 1e-32 * diag || off == 0) break;
            for (int pI = 0; pI < d; pI++) {
                for (int qI = pI + 1; qI < d; qI++) {
                    if (a[pI][qI] == 0) continue;
                    double theta = (a[qI][qI] - a[pI][pI]) / (2 * a[pI][qI]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    double c = 1 / Math.sqrt(t * t + 1), s = t * c;
                    for (int k = 0; k < d; k++) {
                        double akp = a[k][pI], akq = a[k][qI];
                        a[k][pI] = c * akp - s * akq;
                        a[k][qI] = s * akp + c * akq;
                    }
                    for (int k = 0; k < d; k++) {
                        double apk = a[pI][k], aqk = a[qI][k];
                        a[pI][k] = c * apk - s * aqk;
                        a[qI][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < d; k++) {
                        double vkp = v[k][pI], vkq = v[k][qI];
                        v[k][pI] = c * vkp - s * vkq;
                        v[k][qI] = s * vkp + c * vkq;
                    }
                }
            }
        }
        double[] out = new double[d];
        for (int i = 0; i < d; i++) out[i] = a[i][i];
        return out;
    }

    private static double[] mean(double[] x, double[] w, int dim) {
        double[] out = new double[dim];
        double total = GatheredPath.sum(w);
        for (int i = 0; i < w.length; i++) for (int c = 0; c < dim; c++) out[c] += w[i] * x[i * dim + c] / total;
        return out;
    }

    /** {@code sum_i w_i x_i'Px_i / sum w}. */
    private static double quadraticMean(double[][] p, double[] x, double[] w) {
        int dim = p.length;
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            double q = 0;
            for (int r = 0; r < dim; r++) for (int c = 0; c < dim; c++) q += x[i * dim + r] * p[r][c] * x[i * dim + c];
            s += w[i] * q;
        }
        return s / GatheredPath.sum(w);
    }
}
