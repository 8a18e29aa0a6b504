package lmo.model.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lmo.space.Torus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Example 4.1 of Wang–Chizat (2211.01280) and its generic variant (papers/games.md §3):
 * {@code f = sin 4 pi x + sin 4 pi y + 2 cos 2 pi (x+y) + epsilon sin 2 pi (x+y)} has, for every epsilon, the mixed
 * Nash equilibrium {@code mu* = (delta_{3/8} + delta_{7/8})/2}, {@code nu* = (delta_{1/8} + delta_{5/8})/2} with value
 * 0; {@code int f dnu* = 1 + sin 4 pi x} and {@code int f dmu* = -1 + sin 4 pi y}.
 */
class Example41Test {
    private static final double[] X_STAR = {3.0 / 8, 7.0 / 8}, Y_STAR = {1.0 / 8, 5.0 / 8}, HALF = {0.5, 0.5};

    private static GameModel model(double epsilon, String path) {
        return new GameModel(FourierPayoff.example41(epsilon), 0, new Torus(1), 1, new Torus(1),
                GameModel.Path.valueOf(path), new GameModel.NiSettings(512, 32, 200, 1));
    }

    @ParameterizedTest
    @CsvSource({"0, FEATURES", "0, GATHERED", "0.5, FEATURES", "0.5, GATHERED"})
    void theEquilibriumHasZeroErrorAndValueAndIsStationary(double epsilon, String path) {
        GameHarness h = new GameHarness(model(epsilon, path), X_STAR, HALF, 1, Y_STAR, HALF, 1, 1);
        assertTrue(h.metric("niError") < 1e-9, "grid NI " + h.metric("niError"));
        assertTrue(h.metric("niError") > -1e-12, "NI >= 0");
        assertEquals(0, h.metric("value"), 1e-12);
        assertEquals(0, h.metric("localNiError"), 1e-12);
        for (int i = 0; i < 2; i++) {
            assertEquals(0, h.v(0, i), 1e-12, "V = value on the support of mu*");
            assertEquals(0, h.v(1, i), 1e-12, "U = value on the support of nu*");
            assertEquals(0, h.grad(0, i, 0), 1e-12, "grad V = 0 on the support of mu*");
            assertEquals(0, h.grad(1, i, 0), 1e-12, "grad U = 0 on the support of nu*");
        }
        assertEquals(Math.log(2), h.metric("entropyX"), 1e-15);
        assertEquals(Math.log(2), h.metric("entropyY"), 1e-15);
        assertEquals(0, h.metric("flowNorm"), 1e-11, "a stationary point of the conic flow");
    }

    @ParameterizedTest
    @CsvSource({"0, FEATURES", "0, GATHERED", "0.5, FEATURES", "0.5, GATHERED"})
    void bestResponsePayoffsAgainstTheEquilibriumAreInClosedForm(double epsilon, String path) {
        int n = 41;
        double[] probe = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            probe[i] = (i + 0.37) / n;
            w[i] = 1.0 / n;
        }
        // V_{nu*}(x) = 1 + sin 4 pi x at the probe points of player x
        GameHarness hx = new GameHarness(model(epsilon, path), probe, w, 1, Y_STAR, HALF, 1, 8);
        // U_{mu*}(y) = -1 + sin 4 pi y at the probe points of player y (v = -U)
        GameHarness hy = new GameHarness(model(epsilon, path), X_STAR, HALF, 1, probe, w, 1, 8);
        for (int i = 0; i < n; i++) {
            double t = 4 * Math.PI * probe[i];
            assertEquals(1 + Math.sin(t), hx.v(0, i), 1e-12);
            assertEquals(4 * Math.PI * Math.cos(t), hx.grad(0, i, 0), 1e-11);
            assertEquals(-(-1 + Math.sin(t)), hy.v(1, i), 1e-12);
            assertEquals(-4 * Math.PI * Math.cos(t), hy.grad(1, i, 0), 1e-11);
        }
    }

    @ParameterizedTest
    @CsvSource({"0", "0.5", "-1.25"})
    void theFourierFormIsTheClosedForm(double epsilon) {
        FourierPayoff f = FourierPayoff.example41(epsilon);
        for (int i = 0; i < 50; i++) {
            double[] x = {(i * 0.618034) % 1}, y = {(i * 0.414214 + 0.1) % 1};
            double s = 2 * Math.PI * (x[0] + y[0]);
            double want = Math.sin(4 * Math.PI * x[0]) + Math.sin(4 * Math.PI * y[0]) + 2 * Math.cos(s) + epsilon * Math.sin(s);
            assertEquals(want, f.value(x, 0, y, 0), 1e-13);
        }
    }

    @ParameterizedTest
    @CsvSource({"FEATURES", "GATHERED"})
    void awayFromTheEquilibriumTheErrorIsPositive(String path) {
        double[] a = {0.4, 0.6}, b = {0.6, 0.4};
        GameHarness h = new GameHarness(model(0.5, path), new double[] {0.385, 0.865}, a, 1, new double[] {0.135, 0.615}, b, 1, 1);
        assertTrue(h.metric("niError") > 0.01, "NI " + h.metric("niError"));
        assertTrue(h.metric("niError") >= h.metric("localNiError") - 1e-3, "the grid contains the particles best responses up to O(step^2)");
    }
}
