package lmo.deep.linear;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Small dense linear algebra on flat row-major arrays (d x d, d of a few tens), the EJML calls in one place.
 * Everything is single-threaded and deterministic.
 */
final class Dense {
    private Dense() {}

    /** Eigen-decomposition of a symmetric matrix: eigenvalues ascending, eigenvector j in column j of {@code vectors}. */
    record SymmetricEigen(int n, double[] values, double[] vectors) {
        double max() { return values[n - 1]; }
        double min() { return values[0]; }
        /** Component i of the eigenvector of the j-th smallest eigenvalue. */
        double vector(int i, int j) { return vectors[i * n + j]; }
    }

    /**
     * The eigen-decomposition of the symmetric n x n matrix {@code s} (row-major; only its symmetric part is used).
     * Fails with an {@link IllegalStateException} if EJML's symmetric QR algorithm does not converge.
     */
    static SymmetricEigen symmetricEigen(double[] s, int n) {
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) m.data[i * n + j] = 0.5 * (s[i * n + j] + s[j * n + i]);
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(m)) throw new IllegalStateException("symmetric eigen-decomposition failed (n = " + n + ")");
        Integer[] order = new Integer[n];
        double[] raw = new double[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
            raw[j] = eig.getEigenvalue(j).real;
        }
        java.util.Arrays.sort(order, (p, q) -> Double.compare(raw[p], raw[q]));
        double[] values = new double[n];
        double[] vectors = new double[n * n];
        for (int j = 0; j < n; j++) {
            values[j] = raw[order[j]];
            DMatrixRMaj v = eig.getEigenVector(order[j]);
            double norm = 0;
            for (int i = 0; i < n; i++) norm += v.data[i] * v.data[i];
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) vectors[i * n + j] = v.data[i] / norm;
        }
        return new SymmetricEigen(n, values, vectors);
    }

    /** The solution of {@code A x = b} for a square non-singular A (LU with partial pivoting); fails if singular. */
    static double[] solve(double[] a, int n, double[] b) {
        DMatrixRMaj am = DMatrixRMaj.wrap(n, n, a.clone());
        DMatrixRMaj bm = DMatrixRMaj.wrap(n, 1, b.clone());
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        if (!CommonOps_DDRM.solve(am, bm, x)) throw new IllegalStateException("singular system (n = " + n + ")");
        return x.data;
    }

    /** The inverse of a square non-singular matrix; fails if singular. */
    static double[] inverse(double[] a, int n) {
        DMatrixRMaj am = DMatrixRMaj.wrap(n, n, a.clone());
        if (!CommonOps_DDRM.invert(am)) throw new IllegalStateException("singular matrix (n = " + n + ")");
        return am.data;
    }

    /** {@code C = A B} for A r x m and B m x c, row-major. */
    static double[] multiply(double[] a, double[] b, int r, int m, int c) {
        double[] out = new double[r * c];
        for (int i = 0; i < r; i++) {
            for (int k = 0; k < m; k++) {
                double aik = a[i * m + k];
                for (int j = 0; j < c; j++) out[i * c + j] += aik * b[k * c + j];
            }
        }
        return out;
    }

    static double dot(double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) s += u[i] * v[i];
        return s;
    }

    static double norm(double[] u) { return Math.sqrt(dot(u, u)); }
}
