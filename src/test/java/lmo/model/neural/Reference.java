package lmo.model.neural;

/**
 * The functionals of the two-layer model written the plain way, independently of the model's loops and solver: the
 * oracle of the finite-difference tests. A state is (positions N x dim, masses N) as the model reads them.
 */
final class Reference {
    private Reference() {}

    record Setting(Readout readout, Activation activation, boolean bias, Loss loss, double lambda, Signs signs) {}

    static int dp(Setting s, int d) { return d + (s.bias() ? 1 : 0); }

    /** pre-activation of neuron i (input weight at offset woff) at input k. */
    static double z(Setting s, double[] x, int at, double[] inputs, int k, int d) {
        double z = 0;
        for (int c = 0; c < d; c++) z += x[at + c] * inputs[k * d + c];
        if (s.bias()) z += x[at + d];
        return z;
    }

    static int woff(Readout r) { return r == Readout.COORDINATE || r == Readout.CONE ? 1 : 0; }

    /** F at the state, with training samples. */
    static double samples(Setting s, Dataset data, double[] x, double[] m) {
        int d = data.dim(), n = data.count(), nN = m.length;
        int dim = s.readout().positionDim(dp(s, d));
        double[] in = data.inputs(), y = data.labels();
        double[][] phi = new double[n][nN];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < nN; i++) phi[k][i] = s.activation().value(z(s, x, i * dim + woff(s.readout()), in, k, d));
        }
        if (s.readout() == Readout.BILEVEL) {
            double[][] a = new double[nN][nN];
            double[] b = new double[nN];
            for (int i = 0; i < nN; i++) {
                for (int j = 0; j < nN; j++) {
                    double kij = 0;
                    for (int k = 0; k < n; k++) kij += phi[k][i] * phi[k][j];
                    a[i][j] = kij / n * m[j];
                }
                a[i][i] += s.lambda();
                for (int k = 0; k < n; k++) b[i] += phi[k][i] * y[k];
                b[i] /= n;
            }
            double[] h = solve(a, b);
            double loss = 0;
            for (int k = 0; k < n; k++) {
                double f = 0;
                for (int i = 0; i < nN; i++) f += m[i] * h[i] * phi[k][i];
                loss += 0.5 * (f - y[k]) * (f - y[k]);
            }
            double reg = 0;
            for (int i = 0; i < nN; i++) reg += 0.5 * s.lambda() * m[i] * h[i] * h[i];
            return loss / n + reg;
        }
        double loss = 0;
        for (int k = 0; k < n; k++) {
            double f = 0;
            for (int i = 0; i < nN; i++) f += coefficient(s, x, m, i, dim) * phi[k][i];
            loss += s.loss().value(f, y[k]);
        }
        return loss / n + regularization(s, x, m, dim);
    }

    static double coefficient(Setting s, double[] x, double[] m, int i, int dim) {
        return switch (s.readout()) {
            case COORDINATE, CONE -> m[i] * x[i * dim];
            case MASS -> m[i] * s.signs().sign(i);
            case BILEVEL -> throw new IllegalStateException();
        };
    }

    static double regularization(Setting s, double[] x, double[] m, int dim) {
        double reg = 0;
        for (int i = 0; i < m.length; i++) {
            if (s.readout() == Readout.COORDINATE) {
                double sq = 0;
                for (int c = 0; c < dim; c++) sq += x[i * dim + c] * x[i * dim + c];
                reg += 0.5 * s.lambda() * m[i] * sq;
            } else {
                reg += s.lambda() * m[i];
            }
        }
        return reg;
    }

    /** F at the state, population loss toward the teacher (ReLU, no bias). */
    static double population(Setting s, Teacher t, double[] x, double[] m) {
        int d = t.inputDim(), nN = m.length;
        int dim = s.readout().positionDim(d);
        int wo = woff(s.readout());
        ArcCosineKernel k = new ArcCosineKernel(d);
        double[] tw = t.weights(), ta = t.outputs();
        double[][] kk = new double[nN][nN];
        double[] kt = new double[nN];
        for (int i = 0; i < nN; i++) {
            for (int j = 0; j < nN; j++) kk[i][j] = k.value(x, i * dim + wo, x, j * dim + wo);
            for (int q = 0; q < ta.length; q++) kt[i] += ta[q] * k.value(x, i * dim + wo, tw, q * d);
        }
        double self = 0;
        for (int p = 0; p < ta.length; p++) for (int q = 0; q < ta.length; q++) self += ta[p] * ta[q] * k.value(tw, p * d, tw, q * d);
        double[] c = new double[nN];
        double reg;
        if (s.readout() == Readout.BILEVEL) {
            double[][] a = new double[nN][nN];
            for (int i = 0; i < nN; i++) {
                for (int j = 0; j < nN; j++) a[i][j] = kk[i][j] * m[j];
                a[i][i] += s.lambda();
            }
            double[] h = solve(a, kt.clone());
            reg = 0;
            for (int i = 0; i < nN; i++) {
                c[i] = m[i] * h[i];
                reg += 0.5 * s.lambda() * m[i] * h[i] * h[i];
            }
        } else {
            for (int i = 0; i < nN; i++) c[i] = coefficient(s, x, m, i, dim);
            reg = regularization(s, x, m, dim);
        }
        double g = 0.5 * self;
        for (int i = 0; i < nN; i++) {
            for (int j = 0; j < nN; j++) g += 0.5 * c[i] * c[j] * kk[i][j];
            g -= c[i] * kt[i];
        }
        return g + reg;
    }

    /** Gaussian elimination with partial pivoting (a and b are overwritten). */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) piv = r;
            double[] t = a[col]; a[col] = a[piv]; a[piv] = t;
            double tb = b[col]; b[col] = b[piv]; b[piv] = tb;
            for (int r = col + 1; r < n; r++) {
                double f = a[r][col] / a[col][col];
                for (int c = col; c < n; c++) a[r][c] -= f * a[col][c];
                b[r] -= f * b[col];
            }
        }
        double[] xs = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int c = r + 1; c < n; c++) s -= a[r][c] * xs[c];
            xs[r] = s / a[r][r];
        }
        return xs;
    }
}
