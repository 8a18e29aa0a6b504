package lmo.transport;

/**
 * A plain dense log-domain Sinkhorn, written from the paper's pseudo-code (Chizat 2024, Algorithms 1 and 3, the
 * notebook's log form) with an explicit n x m cost matrix, as the tests' independent reference. It shares no code with
 * {@link OnlineSinkhorn}: the cost, its scale, the schedule and the log-sum-exps are all recomputed here.
 */
final class DenseReference {
    final int n, m;
    final double[][] c;
    final double[] p, q;
    double[] u, v;
    double beta;

    DenseReference(double[] x, double[] y, int n, int m, int d, boolean half, String normalize, double[] p, double[] q) {
        this.n = n;
        this.m = m;
        this.p = p;
        this.q = q;
        c = new double[n][m];
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) s += Math.pow(x[i * d + k] - y[j * d + k], 2);
                c[i][j] = half ? s / 2 : s;
                lo = Math.min(lo, c[i][j]);
                hi = Math.max(hi, c[i][j]);
            }
        }
        double scale = normalize.equals("max") ? hi : normalize.equals("oscillation") ? hi - lo : 1.0;
        for (double[] row : c) for (int j = 0; j < m; j++) row[j] /= scale;
    }

    static double lse(double[] a) {
        double mx = Double.NEGATIVE_INFINITY;
        for (double t : a) mx = Math.max(mx, t);
        double s = 0;
        for (double t : a) s += Math.exp(t - mx);
        return mx + Math.log(s);
    }

    /** betas[t] for t = 0..T; debiased: theta_t = 1 - beta_{max(t-2,0)}/beta_{t-1}, theta_1 = 0. */
    void run(double[] betas, boolean debiased, int iterations) {
        u = new double[n];
        v = new double[m];
        beta = betas[0];
        for (int t = 1; t <= iterations; t++) {
            double theta = debiased && t >= 2 ? 1 - betas[Math.max(t - 2, 0)] / betas[t - 1] : 0;
            for (int i = 0; i < n; i++) {
                double[] a = new double[m];
                for (int j = 0; j < m; j++) a[j] = v[j] + Math.log(q[j]) - beta * c[i][j];
                u[i] = theta * u[i] - lse(a);
            }
            beta = betas[t];
            for (int j = 0; j < m; j++) {
                double[] a = new double[n];
                for (int i = 0; i < n; i++) a[i] = u[i] + Math.log(p[i]) - beta * c[i][j];
                v[j] = -lse(a);
            }
        }
    }

    double[][] plan() {
        double[][] pi = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                pi[i][j] = Math.exp(u[i] + Math.log(p[i]) + v[j] + Math.log(q[j]) - beta * c[i][j]);
            }
        }
        return pi;
    }

    double cost() {
        double[][] pi = plan();
        double s = 0;
        for (int i = 0; i < n; i++) for (int j = 0; j < m; j++) s += c[i][j] * pi[i][j];
        return s;
    }

    double marginalError() {
        double[][] pi = plan();
        double e = 0;
        for (int i = 0; i < n; i++) {
            double r = 0;
            for (int j = 0; j < m; j++) r += pi[i][j];
            e += Math.abs(r - p[i]);
        }
        return e;
    }

    /** Entropic dual with reference p (x) q (|p| = |q| = 1): (<u,p> + <v,q> - sum pi + 1) / beta. */
    double dual() {
        double[][] pi = plan();
        double s = 0, mass = 0;
        for (int i = 0; i < n; i++) s += u[i] * p[i];
        for (int j = 0; j < m; j++) s += v[j] * q[j];
        for (double[] row : pi) for (double e : row) mass += e;
        return (s - mass + 1) / beta;
    }
}
