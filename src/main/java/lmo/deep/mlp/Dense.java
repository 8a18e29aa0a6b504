package lmo.deep.mlp;

/**
 * Row-major dense products on flat arrays, the three a network layer needs. A batch matrix {@code A} (n x m) has
 * entry {@code (i, j)} at {@code A[i m + j]}; a weight block {@code W} (p x m) at offset {@code off} of theta has
 * entry {@code (r, j)} at {@code theta[off + r m + j]}. Every loop runs in a fixed order, so results are bitwise
 * reproducible on one JDK build.
 */
final class Dense {
    private Dense() {}

    /** {@code out = A W^T} (n x p): {@code out[i][r] = sum_j A[i][j] W[r][j]}, each entry a contiguous dot product. */
    static void timesTransposed(double[] a, int n, int m, double[] w, int off, int p, double[] out) {
        for (int i = 0; i < n; i++) {
            int ai = i * m;
            for (int r = 0; r < p; r++) {
                int wr = off + r * m;
                double s = 0;
                for (int j = 0; j < m; j++) s += a[ai + j] * w[wr + j];
                out[i * p + r] = s;
            }
        }
    }

    /** {@code out += s * A W^T} (n x p). */
    static void addTimesTransposed(double s, double[] a, int n, int m, double[] w, int off, int p, double[] out) {
        for (int i = 0; i < n; i++) {
            int ai = i * m;
            for (int r = 0; r < p; r++) {
                int wr = off + r * m;
                double t = 0;
                for (int j = 0; j < m; j++) t += a[ai + j] * w[wr + j];
                out[i * p + r] += s * t;
            }
        }
    }

    /** {@code out = D W} (n x m) for D (n x p): {@code out[i][j] = sum_r D[i][r] W[r][j]}, as row axpys. */
    static void times(double[] d, int n, int p, double[] w, int off, int m, double[] out) {
        for (int i = 0; i < n; i++) {
            int oi = i * m;
            for (int j = 0; j < m; j++) out[oi + j] = 0;
            for (int r = 0; r < p; r++) {
                double c = d[i * p + r];
                if (c == 0) continue;
                int wr = off + r * m;
                for (int j = 0; j < m; j++) out[oi + j] += c * w[wr + j];
            }
        }
    }

    /** {@code G += s * D^T A} into the block at {@code off} (p x m): {@code G[r][j] += s sum_i D[i][r] A[i][j]}. */
    static void addTransposeTimes(double s, double[] d, int n, int p, double[] a, int m, double[] g, int off) {
        for (int i = 0; i < n; i++) {
            int ai = i * m;
            for (int r = 0; r < p; r++) {
                double c = s * d[i * p + r];
                if (c == 0) continue;
                int gr = off + r * m;
                for (int j = 0; j < m; j++) g[gr + j] += c * a[ai + j];
            }
        }
    }

    /** {@code <u, v>} over all entries. */
    static double dot(double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) s += u[i] * v[i];
        return s;
    }

    /** {@code ||u||^2} over the entries {@code [off, off + len)}. */
    static double squaredNorm(double[] u, int off, int len) {
        double s = 0;
        for (int i = off; i < off + len; i++) s += u[i] * u[i];
        return s;
    }
}
