package lmo.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import lmo.particles.Gathered;
import org.junit.jupiter.api.Test;

/** The first variation at a given state, reduced as the engine reduces it, against hand-computed values. */
class FirstVariationAtTest {
    static final double[] X = {0.1, 0.35, 0.8};
    static final double[] MX = {0.2, 0.3, 0.5};
    static final double[] Y = {0.25, 0.6};
    static final double[] MY = {0.7, 0.3};

    static Gathered state() {
        return new Gathered(new double[][] {X.clone(), Y.clone()}, new double[][] {MX.clone(), MY.clone()}, new int[] {1, 1});
    }

    /** {@code sum_j m_j cos(2 pi (x - y_j))} by hand. */
    static double cosSum(double x) {
        double s = 0;
        for (int j = 0; j < Y.length; j++) s += MY[j] * Math.cos(2 * Math.PI * (x - Y[j]));
        return s;
    }

    static double sinSum(double x) {
        double s = 0;
        for (int j = 0; j < Y.length; j++) s += MY[j] * Math.sin(2 * Math.PI * (x - Y[j]));
        return s;
    }

    @Test
    void gatherRoundSeesTheWholeState() {
        FirstVariationAt.Result r = FirstVariationAt.evaluate(new CosinePair(), state());
        for (int i = 0; i < X.length; i++) {
            assertEquals(cosSum(X[i]), r.v()[0][i], 1e-14);
            assertEquals(-2 * Math.PI * sinSum(X[i]), r.gradV()[0][i], 1e-13);
        }
        assertEquals(0, r.v()[1][0]);
        assertEquals(0, r.gradV()[1][1]);
    }

    @Test
    void sumThenGlobalStepThenConcatRounds() {
        double c = 0;
        for (int j = 0; j < Y.length; j++) c += MY[j] * Math.cos(2 * Math.PI * Y[j]);
        double meanX = (X[0] + X[1] + X[2]) / 3;
        Gathered s = state();
        FirstVariationAt.Result r = FirstVariationAt.evaluate(new CosineMoments(), s);
        for (int i = 0; i < X.length; i++) {
            assertEquals(3 * cosSum(X[i]) + 3 * c * meanX, r.v()[0][i], 1e-13);
            assertEquals(-3 * 2 * Math.PI * sinSum(X[i]), r.gradV()[0][i], 1e-12);
        }
        assertEquals(0.1, s.x()[0][0], 0.0, "the state is not modified");
    }
}
