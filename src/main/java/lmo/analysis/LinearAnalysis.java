package lmo.analysis;

import java.util.Arrays;
import java.util.Comparator;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The linearisation {@code dz/dt = -J z} about an equilibrium: {@code J = S + A} with {@code S = (J + J')/2}
 * (symmetric, the "potential" part) and {@code A = (J - J')/2} (antisymmetric), and the eigenvalues of J sorted by
 * real part (then imaginary part). Sign convention: Re lambda > 0 for every eigenvalue is local convergence, and
 * {@code min Re lambda} is the predicted continuous decay rate per unit time. Identity: {@code sum Re lambda = tr S}
 * (the trace of A is 0), so the mean real part is {@code tr(S)/dim}.
 *
 * <p>Explicit Euler with step eta ({@code z <- (I - eta J) z}) contracts mode lambda by {@code |1 - eta lambda|} per
 * step, a rate per unit time of {@code -ln|1 - eta lambda| / eta = Re lambda - eta |lambda|^2 / 2 + eta (Re lambda)^2
 * + O(eta^2)} ({@link #discreteRate}); for the slow rotation-dominated modes of a game ({@code Re lambda << |lambda|})
 * this is {@code Re lambda - eta |lambda|^2 / 2} ({@link #discreteRateFirstOrder}).
 *
 * <p><b>Neutral modes</b>: eigenvalues with {@code |lambda| <= NEUTRAL * max |lambda|} (finite-difference noise
 * around 0), e.g. a common translation of every particle on the torus under a translation-invariant functional: a
 * symmetry direction that no metric sees. They count in {@link #slowestRealPart}; the {@code nonNeutral} variants
 * leave them out.
 *
 * @param j the Jacobian, dim x dim
 * @param re real parts of the eigenvalues, ascending
 * @param im the matching imaginary parts
 */
public record LinearAnalysis(double[][] j, double[][] s, double[][] a, double[] re, double[] im) {

    /** Splits J and computes its eigenvalues (EJML, Hessenberg QR). */
    public static LinearAnalysis of(double[][] j) {
        int d = j.length;
        double[][] s = new double[d][d], a = new double[d][d];
        DMatrixRMaj m = new DMatrixRMaj(d, d);
        for (int r = 0; r < d; r++) {
            if (j[r].length != d) {
                throw new IllegalArgumentException("J must be square: row " + r + " has " + j[r].length);
            }
            for (int c = 0; c < d; c++) {
                s[r][c] = (j[r][c] + j[c][r]) / 2;
                a[r][c] = (j[r][c] - j[c][r]) / 2;
                m.set(r, c, j[r][c]);
            }
        }
        double[][] pairs = new double[d][];
        if (d > 0) {
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, false);
            if (!eig.decompose(m)) throw new IllegalStateException("eigenvalue decomposition did not converge");
            for (int i = 0; i < d; i++) {
                Complex_F64 l = eig.getEigenvalue(i);
                pairs[i] = new double[] {l.real, l.imaginary};
            }
        }
        Arrays.sort(pairs, Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
        double[] re = new double[d], im = new double[d];
        for (int i = 0; i < d; i++) {
            re[i] = pairs[i][0];
            im[i] = pairs[i][1];
        }
        double[][] copy = new double[d][];
        for (int r = 0; r < d; r++) copy[r] = j[r].clone();
        return new LinearAnalysis(copy, s, a, re, im);
    }

    /** Relative size below which an eigenvalue is neutral. */
    public static final double NEUTRAL = 1e-6;

    public int dim() { return re.length; }

    /** Whether eigenvalue i is neutral: {@code |lambda_i| <= NEUTRAL * max |lambda|}. */
    public boolean neutral(int i) { return neutral(i, largest()); }

    private boolean neutral(int i, double largest) { return Math.hypot(re[i], im[i]) <= NEUTRAL * largest; }

    private double largest() {
        double max = 0;
        for (int k = 0; k < re.length; k++) max = Math.max(max, Math.hypot(re[k], im[k]));
        return max;
    }

    /** The number of neutral eigenvalues. */
    public int neutralModes() {
        double largest = largest();
        int n = 0;
        for (int i = 0; i < re.length; i++) if (neutral(i, largest)) n++;
        return n;
    }

    /** {@code min Re lambda}: the predicted continuous decay rate per unit time (> 0: local convergence). */
    public double slowestRealPart() { return dim() == 0 ? Double.NaN : re[0]; }

    /** {@code min Re lambda} over the eigenvalues that are not neutral (NaN if all are). */
    public double slowestNonNeutralRealPart() { return discreteRate(0, true); }

    /** {@code sum_k Re lambda_k} (equal to tr S up to rounding). */
    public double sumRealParts() {
        double t = 0;
        for (double r : re) t += r;
        return t;
    }

    /** {@code tr(S) / dim}: the mean real part. */
    public double traceSPerDim() {
        double t = 0;
        for (int i = 0; i < s.length; i++) t += s[i][i];
        return t / dim();
    }

    /**
     * {@code min_lambda -ln|1 - eta lambda| / eta}: the explicit-Euler decay rate per unit time at step eta > 0
     * (negative: the iteration diverges); {@code min Re lambda} at eta = 0.
     */
    public double discreteRate(double eta) { return discreteRate(eta, false); }

    /** {@link #discreteRate(double)}, over the non-neutral eigenvalues only if {@code nonNeutral} (NaN if none). */
    public double discreteRate(double eta, boolean nonNeutral) {
        return discreteRate(eta, nonNeutral, Scheme.EULER);
    }

    /**
     * The linearised one-step map of a discretisation, as a polynomial in {@code z = eta lambda}: its decay rate per
     * unit time is {@code -ln|factor(z)| / eta}.
     */
    public enum Scheme {
        /** {@code z <- (I - eta J) z}: gradient descent–ascent, conic descent (cp-mda, wfr). */
        EULER,
        /** {@code z <- (I - eta J + eta^2 J^2) z}: extragradient / mirror-prox (cp-mp) on the linearisation. */
        EXTRAGRADIENT;

        /** {@code |factor(z)|} at {@code z = x + i y}. */
        double modulus(double x, double y) {
            if (this == EULER) return Math.hypot(1 - x, y);
            return Math.hypot(1 - x + x * x - y * y, -y + 2 * x * y);
        }
    }

    /** {@code min_lambda -ln|factor(eta lambda)| / eta} for the given scheme (min Re lambda at eta = 0). */
    public double discreteRate(double eta, boolean nonNeutral, Scheme scheme) {
        return min(nonNeutral, i -> eta == 0 ? re[i] : -Math.log(scheme.modulus(eta * re[i], eta * im[i])) / eta);
    }

    /** {@code min_lambda (Re lambda - eta |lambda|^2 / 2)}: {@link #discreteRate} when Re lambda << |lambda|. */
    public double discreteRateFirstOrder(double eta) { return discreteRateFirstOrder(eta, false); }

    /** {@link #discreteRateFirstOrder(double)}, over the non-neutral eigenvalues only if {@code nonNeutral}. */
    public double discreteRateFirstOrder(double eta, boolean nonNeutral) {
        return min(nonNeutral, i -> re[i] - eta * (re[i] * re[i] + im[i] * im[i]) / 2);
    }

    private double min(boolean nonNeutral, java.util.function.IntToDoubleFunction rate) {
        double min = Double.NaN, largest = largest();
        for (int i = 0; i < re.length; i++) {
            if (nonNeutral && neutral(i, largest)) continue;
            double r = rate.applyAsDouble(i);
            min = Double.isNaN(min) ? r : Math.min(min, r);
        }
        return min;
    }
}
