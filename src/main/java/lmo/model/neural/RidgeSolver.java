package lmo.model.neural;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.ejml.dense.row.linsol.chol.LinearSolverChol_DDRB;
import org.ejml.dense.row.linsol.chol.LinearSolverChol_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The inner ridge problem of the bilevel readout, solved exactly: with masses m_i > 0, {@code D = diag(sqrt m)},
 *
 * <pre>
 *   h = argmin_h G(sum_i m_i h_i delta_{w_i}) + (lambda/2) sum_i m_i h_i^2
 *     <=>  (D K D + lambda I) g = D b,   h = D^-1 g
 * </pre>
 *
 * (K the Gram matrix, b the correlations with the labels or the teacher; for {@code m_i = 1/N} this is
 * {@code (K/N + lambda I) h = b}). The matrix is symmetric positive definite for {@code lambda > 0}; it is
 * factorised by EJML's Cholesky, chosen by size only (the row-major inner algorithm below 128 unknowns, the 60-wide
 * block algorithm from 128), single-threaded, so the result is deterministic. A particle of mass 0 gets {@code h = 0}
 * (it does not enter the network). Cost: {@code N^3/3} multiply-adds for the factorisation, on the scheduler.
 */
final class RidgeSolver {
    private RidgeSolver() {}

    /**
     * @param rows the Gram rows: row i at {@code offset + i * stride}, K_ij at {@code + j} (j < N), b_i at {@code + N}
     * @param m the masses, in id order
     */
    static double[] solve(double[] rows, int offset, int stride, double[] m, double lambda) {
        int n = m.length;
        double[] sq = new double[n];
        for (int i = 0; i < n; i++) sq[i] = m[i] > 0 ? Math.sqrt(m[i]) : 0.0;
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        DMatrixRMaj rhs = new DMatrixRMaj(n, 1);
        double[] ad = a.data;
        for (int i = 0; i < n; i++) {
            int r = offset + i * stride;
            for (int j = 0; j < n; j++) ad[i * n + j] = (sq[i] * sq[j]) * rows[r + j];
            ad[i * n + i] += lambda;
            rhs.data[i] = sq[i] * rows[r + n];
        }
        LinearSolverDense<DMatrixRMaj> solver = n < 128
            ? new LinearSolverChol_DDRM(new CholeskyDecompositionInner_DDRM(true))
            : new LinearSolverChol_DDRB();
        if (!solver.setA(a)) {
            throw new IllegalStateException("bilevel: the ridge matrix (K/N + lambda I) is not positive definite "
                + "(lambda = " + lambda + ", N = " + n + ")");
        }
        DMatrixRMaj g = new DMatrixRMaj(n, 1);
        solver.solve(rhs, g);
        double[] h = new double[n];
        for (int i = 0; i < n; i++) h[i] = sq[i] > 0 ? g.data[i] / sq[i] : 0.0;
        return h;
    }
}
