package lmo.deep.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Sharpness and its lower bound S(theta*) >= 2 L |w*|^(2-2/L) a at global minimisers (MSE without 1/2):
 * <ul>
 *   <li>Lanczos finds the largest eigenvalue, not the largest in magnitude, and agrees with the dense Hessian
 *   (N Hessian-vector products, EJML) at a generic, indefinite point; power iteration agrees at a minimiser;</li>
 *   <li>the bound holds at every minimiser built here: balanced rank-one, randomly reparametrised, plain and
 *   residual networks, several data sets and |w*| != 1;</li>
 *   <li>the balanced rank-one minimiser attains the bound when w* is an eigenvector of Sigma (with L a >= Lambda),
 *   and is strictly but only slightly above it on random data (the digest's 37.30 against 37.37);</li>
 *   <li>the balanced minimiser's sharpness is the closed form {@code 2 s^(2L-2) lambda_max(Sigma + (L-1) Sigma^(1/2)
 *   u u' Sigma^(1/2))}.</li>
 * </ul>
 */
class SharpnessTest {
    static final double BOUND_SLACK = 1 - 1e-8;

    /** The Hessian as a dense matrix, column j = H e_j. */
    static double[] denseHessian(Sharpness.Operator h, int n) {
        double[] m = new double[n * n];
        double[] e = new double[n], col = new double[n];
        for (int j = 0; j < n; j++) {
            e[j] = 1;
            h.apply(e, col);
            e[j] = 0;
            for (int i = 0; i < n; i++) m[i * n + j] = col[i];
        }
        return m;
    }

    @Test
    void lanczosFindsTheLargestNotTheLargestInMagnitude() {
        int n = 60;
        double[] diag = new double[n];
        for (int i = 0; i < n; i++) diag[i] = -10 + 13.0 * i / (n - 1);   // -10 .. 3
        Sharpness.Operator h = (v, out) -> { for (int i = 0; i < n; i++) out[i] = diag[i] * v[i]; };
        Sharpness.Estimate lz = Sharpness.lanczos(h, n, 1e-10, 500, 0);
        assertTrue(lz.converged());
        assertEquals(3.0, lz.value(), 1e-9);
        assertTrue(lz.residual() < 1e-4, "residual " + lz.residual());
        Sharpness.Estimate pw = Sharpness.power(h, n, 0, 1e-10, 5000, 0);
        assertEquals(-10.0, pw.value(), 1e-6, "unshifted power iteration finds the largest |lambda|");
        Sharpness.Estimate shifted = Sharpness.power(h, n, 10, 1e-12, 20000, 0);
        assertEquals(3.0, shifted.value(), 1e-3, "shifted by -lambda_min it finds lambda_max");
        Sharpness.Estimate capped = Sharpness.lanczos(h, n, 1e-10, 3, 0);
        assertFalse(capped.converged(), "3 steps cannot resolve 60 distinct eigenvalues");
        assertEquals(3, capped.iterations());
        assertTrue(capped.value() < 3.0);
    }

    @Test
    void lanczosMatchesTheDenseHessianAwayFromMinima() {
        Regression data = Regression.paper(50, 5, 1.0, 4);
        for (DeepLinearNetwork net : new DeepLinearNetwork[] {DeepLinearNetwork.plain(4, 5),
                DeepLinearNetwork.residual(4, 5, DeepLinearNetwork.randomReadout(5, 1))}) {
            double[] theta = DeepLinearNetworkTest.randomTheta(net, 3);
            int np = net.parameterCount();
            Dense.SymmetricEigen eig = Dense.symmetricEigen(denseHessian(net.hessian(theta, data), np), np);
            Sharpness.Estimate lz = Sharpness.of(net, theta, data);
            System.out.printf("%s L=4 generic theta: dense lambda in [%.4f, %.4f], Lanczos %.10f in %d steps, residual %.1e%n",
                net.kind(), eig.min(), eig.max(), lz.value(), lz.iterations(), lz.residual());
            assertTrue(eig.min() < 0, "indefinite away from minima");
            assertTrue(lz.converged());
            assertEquals(eig.max(), lz.value(), 1e-9 * eig.max());
        }
    }

    @Test
    void balancedMinimiserIsNearTightOnRandomDataAsInTheDigest() {
        // the digest's instance shape: n = 50, d = 5, L = 10, |w*| != 1 (its 37.30 vs 37.37 used JAX's PRNGKey(0))
        int depth = 10;
        DeepLinearNetwork net = DeepLinearNetwork.plain(depth, 5);
        for (long seed = 0; seed < 5; seed++) {
            Regression data = Regression.generate(50, 5, 1.0, seed);
            double[] theta = Minimisers.balancedRankOne(net, data);
            assertArrayEquals(data.wStar(), net.endToEnd(theta), 1e-13);
            assertEquals(data.minLoss(), net.loss(theta, data), 1e-14);
            Sharpness.Estimate s = Sharpness.of(net, theta, data);
            double bound = Sharpness.lowerBound(data, depth);
            System.out.printf("random data seed %d: |w*| = %.4f, bound %.4f, balanced %.4f (ratio %.5f, %d Lanczos steps)%n",
                seed, data.wStarNorm(), bound, s.value(), s.value() / bound, s.iterations());
            assertTrue(s.converged());
            assertTrue(Math.abs(data.wStarNorm() - 1) > 0.1);
            assertTrue(s.value() > bound * (1 + 1e-6), "strictly above: w* is not an eigenvector of Sigma");
            assertTrue(s.value() < bound * 1.02, "near-tight");
            // power iteration (the authors' method) agrees at a minimiser, where H is PSD
            Sharpness.Estimate p = Sharpness.power(net.hessian(theta, data), net.parameterCount(), 0, 1e-13, 5000, 1);
            assertEquals(s.value(), p.value(), 1e-8 * s.value());
        }
    }

    static void assertArrayEquals(double[] expected, double[] actual, double tol) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual, tol);
    }

    /** Data whose OLS solution is c times the j-th eigenvector of X'X/n: y = X (c v_j), noiseless. */
    static Regression eigenvectorData(int n, int d, long seed, int j, double c) {
        Regression base = Regression.generate(n, d, 0.0, seed);
        double[] v = base.sigmaEigenvector(j);
        double[] x = base.x(), y = new double[n];
        for (int i = 0; i < n; i++) for (int p = 0; p < d; p++) y[i] += x[i * d + p] * c * v[p];
        return Regression.of(n, d, x, y);
    }

    @Test
    void balancedMinimiserAttainsTheBoundWhenWStarIsAnEigenvectorOfSigma() {
        int d = 5;
        for (int depth : new int[] {3, 10}) {
            for (int j : new int[] {d - 1, 0}) {            // top and bottom eigenvector
                for (double c : new double[] {1.0, 2.5}) {    // |w*| = 1 and |w*| != 1
                    Regression data = eigenvectorData(50, d, 6, j, c);
                    assertEquals(data.sigmaEigenvalues()[j], data.a(), 1e-12);
                    assertEquals(c, data.wStarNorm(), 1e-12);
                    boolean attainable = depth * data.a() >= data.lambdaMax();
                    DeepLinearNetwork[] nets = {DeepLinearNetwork.plain(depth, d),
                        DeepLinearNetwork.residual(depth, d, DeepLinearNetwork.randomReadout(d, 2))};
                    for (DeepLinearNetwork net : nets) {
                        double[] theta = Minimisers.balancedRankOne(net, data);
                        assertEquals(data.minLoss(), net.loss(theta, data), 1e-20);
                        double s = Sharpness.of(net, theta, data).value();
                        double bound = Sharpness.lowerBound(net, data);
                        System.out.printf("eigenvector %d, L = %d, |w*| = %.1f, %s: bound %.6f, balanced %.6f, L a >= Lambda: %b%n",
                            j, depth, c, net.kind(), bound, s, attainable);
                        assertTrue(s >= bound * BOUND_SLACK);
                        if (attainable) assertEquals(bound, s, 1e-9 * bound, "attained (the 1% claim, to 1e-9)");
                        else assertEquals(2 * Math.pow(c, 2 - 2.0 / depth) * data.lambdaMax(), s, 1e-9 * s,
                            "L a < Lambda: the balanced minimiser's sharpness is 2 |w*|^(2-2/L) Lambda > bound");
                    }
                }
            }
        }
    }

    @Test
    void balancedSharpnessHasTheClosedForm() {
        int d = 5;
        for (int depth : new int[] {2, 6}) {
            Regression data = Regression.generate(40, d, 1.0, 8);
            DeepLinearNetwork net = DeepLinearNetwork.plain(depth, d);
            double s = Sharpness.of(net, Minimisers.balancedRankOne(net, data), data).value();
            // M = Sigma^(1/2) (I + (L-1) u u') Sigma^(1/2) = C C' with C = Sigma^(1/2) R, R = I + (sqrt(L) - 1) u u'
            // (R^2 = I + (L-1) u u'), and C C' has the eigenvalues of C'C = R Sigma R.
            double[] u = data.wStar();
            double nu = Dense.norm(u);
            for (int p = 0; p < d; p++) u[p] /= nu;
            double[] r = new double[d * d];
            for (int p = 0; p < d; p++) for (int q = 0; q < d; q++) r[p * d + q] = (p == q ? 1 : 0) + (Math.sqrt(depth) - 1) * u[p] * u[q];
            double[] m = Dense.multiply(Dense.multiply(r, data.sigma(), d, d, d), r, d, d, d);
            double sp = Math.pow(nu, 1.0 / depth);
            double closed = 2 * Math.pow(sp, 2 * depth - 2) * Dense.symmetricEigen(m, d).max();
            System.out.printf("balanced closed form L = %d: %.10f, Lanczos %.10f%n", depth, closed, s);
            assertEquals(closed, s, 1e-10 * closed);
        }
    }

    @Test
    void everyReparametrisedMinimiserIsAtLeastAsSharpAsTheBound() {
        int d = 5;
        double worstRatio = Double.POSITIVE_INFINITY, sharpest = 0;
        int count = 0;
        for (long dataSeed = 0; dataSeed < 3; dataSeed++) {
            Regression data = dataSeed == 0 ? Regression.paper(50, d, 1.0, 0) : Regression.generate(50, d, 1.0, dataSeed);
            for (int depth : new int[] {4, 10}) {
                DeepLinearNetwork[] nets = {DeepLinearNetwork.plain(depth, d),
                    DeepLinearNetwork.residual(depth, d, DeepLinearNetwork.randomReadout(d, dataSeed))};
                for (DeepLinearNetwork net : nets) {
                    double bound = Sharpness.lowerBound(net, data);
                    double[] balanced = Minimisers.balancedRankOne(net, data);
                    for (double strength : new double[] {0.1, 0.5, 2.0}) {
                        for (long seed = 0; seed < 5; seed++) {
                            double[] theta = Minimisers.randomReparametrisation(net, balanced, strength, 100 * dataSeed + seed);
                            assertEquals(data.minLoss(), net.loss(theta, data), 1e-12, "still a global minimiser");
                            Sharpness.Estimate s = Sharpness.of(net, theta, data);
                            assertTrue(s.converged());
                            assertTrue(s.value() >= bound * BOUND_SLACK, s.value() + " < bound " + bound);
                            worstRatio = Math.min(worstRatio, s.value() / bound);
                            sharpest = Math.max(sharpest, s.value() / bound);
                            count++;
                        }
                    }
                }
            }
        }
        System.out.printf("%d reparametrised minimisers: sharpness / bound in [%.4f, %.1f]%n", count, worstRatio, sharpest);
        assertTrue(sharpest > 10, "reparametrisation makes minimisers much sharper than the bound");
    }
}
