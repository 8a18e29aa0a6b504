package lmo.model.neural;

/**
 * {@link Loops} in plain Java, emulating the lanes of {@link VectorLoops} operation by operation (same fmas in the
 * same order, same lane reductions), so both give the same bits: the fallback without the Vector API module, and the
 * reference the vector code is tested against.
 */
final class LaneLoops implements Loops {

    @Override public void preactivations(double[] w4, SampleSet s, double[] z) {
        int dp = s.dp, nPad = s.nPad;
        for (int j = 0; j < TILE; j++) {
            for (int k = 0; k < nPad; k++) {
                double acc = 0.0;
                for (int c = 0; c < dp; c++) acc = Math.fma(w4[j * dp + c], s.xt[c * nPad + k], acc);
                z[j * nPad + k] = acc;
            }
        }
    }

    @Override public void relu(double[] z, double[] r, int nPad, double[] h, double[] q) {
        for (int j = 0; j < TILE; j++) {
            for (int k = 0; k < nPad; k++) {
                double v = z[j * nPad + k];
                h[j * nPad + k] = Math.max(v, 0.0);
                if (q != null) q[j * nPad + k] = v > 0 ? r[k] : 0.0;
            }
        }
    }

    @Override public void reluTile(double[] w4, SampleSet s, double[] r, double[] h, double[] q) {
        double[] z = new double[TILE * s.nPad];
        preactivations(w4, s, z);
        relu(z, r, s.nPad, h, q);
    }

    @Override public void reluGradient(double[] w4, SampleSet s, double[] r, double[] h, double[] q, double[] s0, double[] g) {
        reluTile(w4, s, r, h, q);
        dots(r, h, q, s, s0, g);
    }

    @Override public void reluPredict(double[] w4, double[] c4, SampleSet s, double[] f) {
        double[] z = new double[TILE * s.nPad];
        preactivations(w4, s, z);
        relu(z, null, s.nPad, z, null);
        accumulate(c4, z, s.nPad, f);
    }

    @Override public void accumulate(double[] c4, double[] h, int nPad, double[] f) {
        for (int k = 0; k < nPad; k++) {
            double v = f[k];
            for (int j = 0; j < TILE; j++) v = Math.fma(c4[j], h[j * nPad + k], v);
            f[k] = v;
        }
    }

    /** The canonical dot product of {@link Loops}. */
    static double dot(double[] a, int aAt, double[] b, int bAt, int nPad) {
        double a0 = 0.0, a1 = 0.0, a2 = 0.0, a3 = 0.0;
        for (int k = 0; k < nPad; k += 4) {
            a0 = Math.fma(a[aAt + k], b[bAt + k], a0);
            a1 = Math.fma(a[aAt + k + 1], b[bAt + k + 1], a1);
            a2 = Math.fma(a[aAt + k + 2], b[bAt + k + 2], a2);
            a3 = Math.fma(a[aAt + k + 3], b[bAt + k + 3], a3);
        }
        return (a0 + a1) + (a2 + a3);
    }

    @Override public void dots(double[] r, double[] h, double[] q, SampleSet s, double[] s0, double[] g) {
        int dp = s.dp, nPad = s.nPad;
        for (int j = 0; j < TILE; j++) {
            s0[j] = dot(r, 0, h, j * nPad, nPad);
            for (int c = 0; c < dp; c++) g[j * dp + c] = dot(q, j * nPad, s.xt, c * nPad, nPad);
        }
    }

    @Override public void gram(double[] a, int aAt, double[] b, int bAt, int nPad, double[] out) {
        for (int i = 0; i < TILE; i++) {
            for (int j = 0; j < TILE; j++) out[i * TILE + j] = dot(a, aAt + i * nPad, b, bAt + j * nPad, nPad);
        }
    }
}
