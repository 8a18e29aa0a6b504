package lmo.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The claims of games.md §1 on J = S + A, and the discrete rate. */
class LinearAnalysisTest {

    /** S + A with A = (G - G')/sqrt(2d) and S = eps sum_k lambda_k u_k u_k' of rank r, lambda_k in [0.5, 1.5]. */
    static double[][][] partialCurvature(int d, int rank, double eps, long seed) {
        Random rnd = new Random(seed);
        double[][] s = new double[d][d], a = new double[d][d], j = new double[d][d];
        double[][] g = JacobianTest.random(rnd, d, d);
        for (int k = 0; k < rank; k++) {
            double lambda = 0.5 + rnd.nextDouble();
            double[] u = new double[d];
            for (int i = 0; i < d; i++) u[i] = rnd.nextGaussian() / Math.sqrt(d);
            for (int r = 0; r < d; r++) for (int c = 0; c < d; c++) s[r][c] += eps * lambda * u[r] * u[c];
        }
        for (int r = 0; r < d; r++) {
            for (int c = 0; c < d; c++) {
                a[r][c] = (g[r][c] - g[c][r]) / Math.sqrt(2.0 * d);
                j[r][c] = s[r][c] + a[r][c];
            }
        }
        return new double[][][] {j, s, a};
    }

    @Test
    void sumOfRealPartsIsTheTraceOfS() {
        for (int rank : new int[] {1, 6, 60}) {
            double[][][] m = partialCurvature(60, rank, 0.1, rank);
            LinearAnalysis an = LinearAnalysis.of(m[0]);
            double tr = 0;
            for (int i = 0; i < 60; i++) tr += m[1][i][i];
            assertEquals(tr, an.sumRealParts(), 1e-10, "rank " + rank);
            assertEquals(tr / 60, an.traceSPerDim(), 1e-15);
            JacobianTest.assertMatrix(m[1], an.s(), 1e-15);
            JacobianTest.assertMatrix(m[2], an.a(), 1e-15);
            assertEquals(60, an.dim());
        }
    }

    @Test
    void partialCurvatureInGeneralPositionSuffices() {
        for (int rank : new int[] {1, 6}) {
            for (double eps : new double[] {1e-2, 1e-1}) {
                LinearAnalysis an = LinearAnalysis.of(partialCurvature(60, rank, eps, 10 + rank)[0]);
                assertTrue(an.slowestRealPart() > 0, "rank " + rank + " eps " + eps + ": min Re " + an.slowestRealPart());
                for (int i = 1; i < an.dim(); i++) assertTrue(an.re()[i] >= an.re()[i - 1], "sorted by real part");
            }
        }
    }

    @Test
    void noCurvatureLeavesPurelyImaginaryEigenvalues() {
        LinearAnalysis an = LinearAnalysis.of(partialCurvature(60, 0, 0, 5)[0]);
        for (double r : an.re()) assertEquals(0, r, 1e-12);
    }

    @Test
    void quadraticGameRealPartsAddUpToTheTracesOfPAndQ() {
        double[][] p = {{2, 0.3, 0}, {0.3, 1, 0.1}, {0, 0.1, 0.5}}, q = {{0.7, 0.2}, {0.2, 0.4}};
        double[][] b = JacobianTest.random(new Random(4), 3, 2);
        LinearAnalysis an = LinearAnalysis.of(new lmo.model.game.QuadraticPayoff(p, b, q).jacobian());
        assertEquals(2 + 1 + 0.5 + 0.7 + 0.4, an.sumRealParts(), 1e-10);
        assertTrue(an.slowestRealPart() > 0, "S = diag(P, Q) > 0 converges");
        double[][] s = an.s();
        assertEquals(0, s[0][3], 0.0, "S has no x-y block");
        assertEquals(b[1][0], an.a()[1][3], 0.0);
        assertEquals(-b[1][0], an.a()[3][1], 0.0);
    }

    @Test
    void discreteRateOfARotatingPair() {
        double re = 0.3, w = 2;
        LinearAnalysis an = LinearAnalysis.of(new double[][] {{re, w}, {-w, re}});
        assertEquals(re, an.slowestRealPart(), 1e-14);
        assertEquals(-w, an.im()[0], 1e-14);
        assertEquals(w, an.im()[1], 1e-14);
        double eta = 0.01;
        double perStep = Math.sqrt((1 - eta * re) * (1 - eta * re) + eta * eta * w * w); // |1 - eta lambda|
        assertEquals(-Math.log(perStep) / eta, an.discreteRate(eta), 1e-12);
        assertEquals(re - eta * (re * re + w * w) / 2, an.discreteRateFirstOrder(eta), 1e-14);
        assertEquals(an.discreteRate(eta), an.discreteRateFirstOrder(eta), 2 * eta * re * re, "agree to O(eta Re^2)");
        assertEquals(re, an.discreteRate(0), 1e-14);
        assertTrue(LinearAnalysis.of(new double[][] {{0, w}, {-w, 0}}).discreteRate(eta) < 0, "GDA diverges on a rotation");
    }

    @Test
    void aSymmetryDirectionIsNeutral() {
        LinearAnalysis an = LinearAnalysis.of(new double[][] {{1e-13, 0, 0}, {0, 1, 0.5}, {0, -0.5, 3}});
        assertEquals(1, an.neutralModes());
        assertTrue(an.neutral(0));
        assertEquals(1e-13, an.slowestRealPart(), 1e-15, "min Re over every eigenvalue");
        double slow = 2 - Math.sqrt(0.75); // trace 4, determinant 3.25
        assertEquals(slow, an.slowestNonNeutralRealPart(), 1e-12);
        assertEquals(-Math.log(1 - 0.1 * slow) / 0.1, an.discreteRate(0.1, true), 1e-12);
        assertEquals(slow - 0.1 * slow * slow / 2, an.discreteRateFirstOrder(0.1, true), 1e-12);
    }

    @Test
    void extragradientRateIsThatOfTheMatrixPolynomial() {
        // J = [[r, w], [-w, r]] has eigenvalues r +- i w; M = I - eta J + eta^2 J^2 is r', w' of the same form
        double r = 0.3, w = 2, eta = 0.05;
        double[][] j = {{r, w}, {-w, r}};
        double mr = 1 - eta * r + eta * eta * (r * r - w * w), mw = -eta * w + eta * eta * 2 * r * w;
        double expected = -Math.log(Math.hypot(mr, mw)) / eta;
        LinearAnalysis an = LinearAnalysis.of(j);
        assertEquals(expected, an.discreteRate(eta, false, LinearAnalysis.Scheme.EXTRAGRADIENT), 1e-12);
        double rotation = -Math.log(Math.sqrt(1 - Math.pow(eta * w, 2) + Math.pow(eta * w, 4))) / eta;
        assertEquals(rotation, LinearAnalysis.of(new double[][] {{0, w}, {-w, 0}})
                .discreteRate(eta, false, LinearAnalysis.Scheme.EXTRAGRADIENT), 1e-12, "mirror-prox damps a rotation");
    }
}
