package lmo.model.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/**
 * Activations and losses: erf against a 60-digit series, derivatives against central differences, the logistic loss
 * without overflow.
 */
class ScalarFunctionsTest {
    static final MathContext MC = new MathContext(60);
    static final BigDecimal PI = new BigDecimal("3.14159265358979323846264338327950288419716939937510582097494459");

    /** erf(t) = 2/sqrt(pi) sum_j (-1)^j t^(2j+1) / (j! (2j+1)), in 60-digit arithmetic (t <= 6). */
    static double erfReference(double t) {
        BigDecimal x = new BigDecimal(t);
        BigDecimal x2 = x.multiply(x, MC);
        BigDecimal term = x;          // (-1)^j t^(2j+1) / j!
        BigDecimal sum = BigDecimal.ZERO;
        for (int j = 0; j < 400; j++) {
            sum = sum.add(term.divide(BigDecimal.valueOf(2L * j + 1), MC), MC);
            term = term.multiply(x2, MC).divide(BigDecimal.valueOf(j + 1), MC).negate();
        }
        BigDecimal two = BigDecimal.valueOf(2);
        return sum.multiply(two, MC).divide(PI.sqrt(MC), MC).doubleValue();
    }

    @Test
    void erfIsAccurate() {
        double worstAbs = 0, worstRelC = 0;
        for (int i = 0; i <= 600; i++) {
            double t = i * 0.01;
            double ref = erfReference(t);
            worstAbs = Math.max(worstAbs, Math.abs(NormalCdf.erf(t) - ref));
            assertEquals(-NormalCdf.erf(t), NormalCdf.erf(-t), 0.0);
            if (t > 2 && t <= 5.5) {
                double refC = 1 - ref;   // 60 digits keep erfc accurate here
                BigDecimal c = BigDecimal.ONE.subtract(new BigDecimal(erfReferenceBig(t)), MC);
                worstRelC = Math.max(worstRelC, Math.abs(NormalCdf.erfc(t) / c.doubleValue() - 1));
                assertTrue(Math.abs(NormalCdf.erfc(t) - refC) < 1e-15);
            }
        }
        assertTrue(worstAbs < 1.5e-15, "erf absolute error " + worstAbs);
        assertTrue(worstRelC < 1e-14, "erfc relative error " + worstRelC);
        assertEquals(0.0, NormalCdf.erfc(30), 0.0);
        assertEquals(2.0, NormalCdf.erfc(-30), 0.0);
        assertEquals(0.5, NormalCdf.cdf(0), 0.0);
    }

    static String erfReferenceBig(double t) {
        BigDecimal x = new BigDecimal(t);
        BigDecimal x2 = x.multiply(x, MC);
        BigDecimal term = x;
        BigDecimal sum = BigDecimal.ZERO;
        for (int j = 0; j < 400; j++) {
            sum = sum.add(term.divide(BigDecimal.valueOf(2L * j + 1), MC), MC);
            term = term.multiply(x2, MC).divide(BigDecimal.valueOf(j + 1), MC).negate();
        }
        return sum.multiply(BigDecimal.valueOf(2), MC).divide(PI.sqrt(MC), MC).toString();
    }

    @Test
    void activationDerivativesMatchFiniteDifferences() {
        double h = 1e-6;
        for (Activation a : Activation.values()) {
            for (double z = -6.05; z <= 6; z += 0.1) {
                double fd = (a.value(z + h) - a.value(z - h)) / (2 * h);
                assertEquals(a.derivative(z), fd, 1e-8, a + " at " + z);
            }
            assertEquals(0.0, a.value(0.0), 0.0, "sigma(0) = 0 (the padding relies on it)");
        }
        assertEquals(0.0, Activation.RELU.derivative(0.0), 0.0);
        assertEquals(1.959963984540054 * 0.975, Activation.GELU.value(1.959963984540054), 1e-15, "the 97.5 % quantile");
    }

    @Test
    void lossDerivativesMatchFiniteDifferences() {
        double h = 1e-6;
        for (Loss l : Loss.values()) {
            for (double y : new double[] {-1, 1, 0.3}) {
                for (double f = -5; f <= 5; f += 0.25) {
                    double fd = (l.value(f + h, y) - l.value(f - h, y)) / (2 * h);
                    assertEquals(l.derivative(f, y), fd, 1e-8, l + " at f = " + f + ", y = " + y);
                }
            }
        }
        // logistic: no overflow, exact limits
        assertEquals(1000.0, Loss.LOGISTIC.value(-1000, 1), 0.0);
        assertEquals(0.0, Loss.LOGISTIC.value(1000, 1), 0.0);
        assertEquals(-1.0, Loss.LOGISTIC.derivative(-1000, 1), 0.0);
        assertEquals(Math.log(2), Loss.LOGISTIC.value(0, 1), 1e-16);
        assertEquals(-0.5, Loss.LOGISTIC.derivative(0, 1), 0.0);
    }
}
