package lmo.model.game;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import lmo.space.Euclidean;
import lmo.space.Space;
import org.junit.jupiter.api.Test;

/**
 * The quadratic game {@code f = x'Px/2 + x'By - y'Qy/2} on R^2 x R^2: for P, Q positive definite the best responses
 * are explicit, {@code x* = -P^-1 B ybar} and {@code y* = Q^-1 B'xbar}, so
 * {@code NI = Sx/2 + (B'xbar)'Q^-1(B'xbar)/2 + (B ybar)'P^-1(B ybar)/2 + Sy/2} with {@code Sx = E_mu x'Px},
 * {@code Sy = E_nu y'Qy}. The closed form and the local search agree with it; unbounded best responses give +Infinity.
 */
class QuadraticGameTest {
    private static final double[][] P = {{2, 0}, {0, 1}}, Q = {{1, 0}, {0, 3}}, B = {{1, 0.5}, {0, 1}};
    private static final double[] X = {0.3, -0.2, 1.1, 0.4, -0.5, 0.9}, A = {0.2, 0.5, 0.3};
    private static final double[] Y = {-0.7, 0.1, 0.25, 0.6}, W = {0.6, 0.4};

    /** The payoff as an opaque user payoff: the model cannot see P, B, Q. */
    private record Opaque(QuadraticPayoff f) implements Payoff {
        public int dimX() { return f.dimX(); }
        public int dimY() { return f.dimY(); }
        public double value(double[] x, int xo, double[] y, int yo) { return f.value(x, xo, y, yo); }
        public void gradX(double[] x, int xo, double[] y, int yo, double[] out, int o) { f.gradX(x, xo, y, yo, out, o); }
        public void gradY(double[] x, int xo, double[] y, int yo, double[] out, int o) { f.gradY(x, xo, y, yo, out, o); }
    }

    private static GameHarness harness(Payoff f, double[] x, double[] a, double[] y, double[] b) {
        Space e = new Euclidean(2);
        GameModel m = new GameModel(f, 0, e, 1, e, GameModel.Path.GATHERED, new GameModel.NiSettings(64, 16, 500, 7));
        return new GameHarness(m, x, a, 2, y, b, 2, 2);
    }

    private static double explicitNi() {
        double[] xbar = new double[2], ybar = new double[2];
        double sx = 0, sy = 0;
        for (int i = 0; i < 3; i++) {
            xbar[0] += A[i] * X[2 * i];
            xbar[1] += A[i] * X[2 * i + 1];
            sx += A[i] * (2 * X[2 * i] * X[2 * i] + X[2 * i + 1] * X[2 * i + 1]);
        }
        for (int j = 0; j < 2; j++) {
            ybar[0] += W[j] * Y[2 * j];
            ybar[1] += W[j] * Y[2 * j + 1];
            sy += W[j] * (Y[2 * j] * Y[2 * j] + 3 * Y[2 * j + 1] * Y[2 * j + 1]);
        }
        double[] by = {ybar[0] + 0.5 * ybar[1], ybar[1]};      // B ybar
        double[] btx = {xbar[0], 0.5 * xbar[0] + xbar[1]};     // B' xbar
        double minV = -(by[0] * by[0] / 2 + by[1] * by[1] / 1) / 2 - sy / 2;   // at x* = -P^-1 B ybar
        double maxU = sx / 2 + (btx[0] * btx[0] / 1 + btx[1] * btx[1] / 3) / 2; // at y* = Q^-1 B' xbar
        return maxU - minV;
    }

    @Test
    void closedFormNiIsTheExplicitBestResponseGap() {
        GameHarness h = harness(new QuadraticPayoff(P, B, Q), X, A, Y, W);
        assertEquals(explicitNi(), h.metric("niError"), 1e-12);
    }

    @Test
    void localSearchFindsTheSameBestResponses() {
        GameHarness h = harness(new Opaque(new QuadraticPayoff(P, B, Q)), X, A, Y, W);
        assertEquals(explicitNi(), h.metric("niError"), 1e-9);
    }

    @Test
    void unboundedBestResponsesGiveInfinity() {
        // bilinear: V(x) = x'B ybar is unbounded below unless B ybar = 0
        assertEquals(Double.POSITIVE_INFINITY, harness(QuadraticPayoff.bilinear(B), X, A, Y, W).metric("niError"));
        assertEquals(Double.POSITIVE_INFINITY, harness(new Opaque(QuadraticPayoff.bilinear(B)), X, A, Y, W).metric("niError"));
        // symmetric particles: both means 0, so V = U = 0 and the bilinear game is at equilibrium
        double[] xs = {1, 2, -1, -2}, ys = {0.5, -3, -0.5, 3}, half = {0.5, 0.5};
        assertEquals(0, harness(QuadraticPayoff.bilinear(B), xs, half, ys, half).metric("niError"), 1e-15);
        // P indefinite: not convex in x
        double[][] indefinite = {{1, 0}, {0, -1}};
        assertEquals(Double.POSITIVE_INFINITY, harness(new QuadraticPayoff(indefinite, B, Q), X, A, Y, W).metric("niError"));
    }

    @Test
    void valueIsTheExpectedPayoffAndTheJacobianIsTheGdaField() {
        QuadraticPayoff f = new QuadraticPayoff(P, B, Q);
        GameHarness h = harness(f, X, A, Y, W);
        double want = 0;
        for (int i = 0; i < 3; i++) for (int j = 0; j < 2; j++) want += A[i] * W[j] * f.value(X, 2 * i, Y, 2 * j);
        assertEquals(want, h.metric("value"), 1e-14);
        double[][] j = f.jacobian();
        assertArrayEquals(new double[] {2, 0, 1, 0.5}, j[0]);
        assertArrayEquals(new double[] {0, 1, 0, 1}, j[1]);
        assertArrayEquals(new double[] {-1, 0, 1, 0}, j[2]);
        assertArrayEquals(new double[] {-0.5, -1, 0, 3}, j[3]);
        // F(z) = (grad_x f, -grad_y f) = J z
        double[] z = {0.3, -0.2, -0.7, 0.1}, gx = new double[2], gy = new double[2];
        f.gradX(z, 0, z, 2, gx, 0);
        f.gradY(z, 0, z, 2, gy, 0);
        double[] field = {gx[0], gx[1], -gy[0], -gy[1]};
        for (int r = 0; r < 4; r++) {
            double s = 0;
            for (int c = 0; c < 4; c++) s += j[r][c] * z[c];
            assertEquals(s, field[r], 1e-15);
        }
    }

    @Test
    void asymmetricPIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new QuadraticPayoff(new double[][] {{1, 2}, {0, 1}}, B, Q));
    }

    @Test
    void flowNormOfPureStrategiesIsTheLengthOfTheGdaField() {
        double[] x = {0.3, -0.2}, y = {-0.7, 0.1};
        GameHarness h = harness(new QuadraticPayoff(P, B, Q), x, new double[] {1}, y, new double[] {1});
        double s = 0;
        for (int r = 0; r < 2; r++) {
            double fx = P[r][0] * x[0] + P[r][1] * x[1] + B[r][0] * y[0] + B[r][1] * y[1];   // grad_x f
            double fy = B[0][r] * x[0] + B[1][r] * x[1] - Q[r][0] * y[0] - Q[r][1] * y[1];   // grad_y f
            s += fx * fx + fy * fy;
        }
        assertEquals(Math.sqrt(s), h.metric("flowNorm"), 1e-14);
    }
}
