package lmo.model.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The closed form K_s(x) = (-1)^(s+1) B_2s({x})/(2s)! of the periodic Sobolev kernel (paper P1, section 1.2). */
class BernoulliKernelTest {

    /** K_s(y) from the model's coefficients: sum_j a_j u^(2j), u = |e| - 1/2, e = y - rint(y). */
    static double kernel(int s, double y) {
        double[] a = Bernoulli.kernelCoefficients(s);
        double e = y - Math.rint(y);
        double u = Math.abs(e) - 0.5;
        double k = 0;
        for (int j = s; j >= 0; j--) k = k * u * u + a[j];
        return k;
    }

    static double slope(int s, double y) {
        double[] b = Bernoulli.derivativeCoefficients(s);
        double e = y - Math.rint(y);
        double u = Math.abs(e) - 0.5;
        double k = 0;
        for (int j = s - 1; j >= 0; j--) k = k * u * u + b[j];
        return Math.signum(e) * u * k;
    }

    /** sum_{k != 0} (2 pi k)^(-2s) e^(2 pi i k x) = 2 sum_{k >= 1} (2 pi k)^(-2s) cos(2 pi k x), summed from the tail. */
    static double series(int s, double x, int terms) {
        double sum = 0;
        for (int k = terms; k >= 1; k--) sum += Math.pow(2 * Math.PI * k, -2.0 * s) * Math.cos(2 * Math.PI * k * x);
        return 2 * sum;
    }

    static double seriesSlope(int s, double x, int terms) {
        double sum = 0;
        for (int k = terms; k >= 1; k--) sum += Math.pow(2 * Math.PI * k, 1 - 2.0 * s) * Math.sin(2 * Math.PI * k * x);
        return -2 * sum;
    }

    @Test
    void bernoulliNumbersAreTheKnownTable() {
        var b = Bernoulli.numbers(12);
        String[] expected = {"1/1", "-1/2", "1/6", "0/1", "-1/30", "0/1", "1/42", "0/1", "-1/30", "0/1", "5/66", "0/1", "-691/2730"};
        for (int n = 0; n <= 12; n++) assertEquals(expected[n], b[n][0] + "/" + b[n][1], "B_" + n);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void closedFormEqualsTheFourierSeries(int s) {
        for (double x : new double[] {0.1, 0.25, 0.37, 0.5, 0.8, 0.999, -0.3, 2.7}) {
            assertEquals(series(s, x, 200_000), kernel(s, x), 1e-11, "K_" + s + "(" + x + ")");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void derivativeEqualsTheFourierSeries(int s) {
        for (double x : new double[] {0.1, 0.25, 0.37, 0.5, 0.8, -0.3}) {
            assertEquals(seriesSlope(s, x, 200_000), slope(s, x), 1e-11, "K_" + s + "'(" + x + ")");
        }
    }

    @Test
    void s1IsTheQuadraticWithAJump() {
        for (double y : new double[] {0.01, 0.2, 0.5, 0.77, 0.99}) {
            assertEquals((y * y - y + 1.0 / 6) / 2, kernel(1, y), 1e-16);
            assertEquals(y - 0.5, slope(1, y), 1e-15);
        }
        assertEquals(0.0, slope(1, 0.0), 0.0, "self-force convention K_1'(0) = 0");
        assertEquals(0.0, slope(2, 0.0), 0.0);
    }

    @Test
    void valueAtZeroIsTwoZetaOverTwoPiPower() {
        // K_s(0) = 2 zeta(2s) / (2 pi)^(2s): zeta(2) = pi^2/6, zeta(4) = pi^4/90, zeta(6) = pi^6/945
        assertEquals(1.0 / 12, kernel(1, 0), 1e-15 / 12);
        assertEquals(1.0 / 720, kernel(2, 0), 1e-15 / 720);
        assertEquals(2 * Math.pow(Math.PI, 6) / 945 / Math.pow(2 * Math.PI, 6), kernel(3, 0), 1e-14 * kernel(3, 0));
        double zeta20 = 0;
        for (int k = 100; k >= 1; k--) zeta20 += Math.pow(k, -20);
        assertEquals(2 * zeta20 / Math.pow(2 * Math.PI, 20), kernel(10, 0), 1e-12 * kernel(10, 0));
    }

    @Test
    void derivativeIsOddAndMatchesDifferences() {
        for (int s = 1; s <= 10; s++) {
            for (double y : new double[] {0.13, 0.31, 0.62}) {
                double h = 1e-5;
                double fd = (kernel(s, y + h) - kernel(s, y - h)) / (2 * h);
                assertEquals(fd, slope(s, y), 1e-8 * Math.pow(2 * Math.PI, 1 - 2 * s), "s=" + s);
                assertEquals(-slope(s, y), slope(s, -y), 0.0);
            }
        }
    }
}
