package lmo.model.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Linearisation at nu uniform (paper P1, section 1.3): a density {@code 1 + f}, {@code f} small, evolves by
 * {@code d/dt f = -(-Laplacian)^(1-s) f}, so explicit Euler with step eta multiplies Fourier mode k by
 * {@code 1 - eta (2 pi |k|)^(2-2s)} per step. Particles at the quantiles of {@code 1 + 1e-3 cos(2 pi x)}, eta = 1: the
 * amplitude |m_1| decays by {@code 1 - 1/(2 pi)} per step at s = 1.5 and {@code 1 - 1/(4 pi^2)} at s = 2.
 */
class SingleModeDecayTest {
    static final double A = 1e-3;
    static final int N = 500;

    /** x_i = F^-1((i + 1/2)/N), F(x) = x + A sin(2 pi x)/(2 pi), by Newton. */
    static double[] quantiles() {
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            double u = (i + 0.5) / N;
            double y = u;
            for (int it = 0; it < 50; it++) {
                y -= (y + A * Math.sin(2 * Math.PI * y) / (2 * Math.PI) - u) / (1 + A * Math.cos(2 * Math.PI * y));
            }
            x[i] = y;
        }
        return x;
    }

    static double modeOne(double[] x, double[] m) {
        double re = 0;
        double im = 0;
        for (int i = 0; i < x.length; i++) {
            re += m[i] * Math.cos(2 * Math.PI * x[i]);
            im -= m[i] * Math.sin(2 * Math.PI * x[i]);
        }
        return Math.hypot(re, im);
    }

    static void checkDecay(MmdModel model, double s) {
        double eta = 1;
        double factor = 1 - eta * Math.pow(2 * Math.PI, 2 - 2 * s);
        double[] x = quantiles();
        double[] m = new double[N];
        Arrays.fill(m, 1.0 / N);
        double amp = modeOne(x, m);
        assertEquals(A / 2, amp, 1e-3 * A, "initial |m_1|");
        for (int k = 1; k <= 10; k++) {
            double[] g = PlainLoop.evaluate(model, x, m, 1, 128).grad()[0];
            for (int i = 0; i < N; i++) {
                double y = x[i] - eta * g[i];
                x[i] = y - Math.floor(y);
            }
            double next = modeOne(x, m);
            assertEquals(factor, next / amp, 0.01 * factor, "step " + k);
            amp = next;
        }
    }

    @Test
    void fourierModelAtSThreeHalves() {
        checkDecay(MmdModel.sobolevFourier(0, 1, 1.5, 64, Target.uniform()), 1.5);
    }

    @Test
    void exactModelAtSTwo() {
        checkDecay(MmdModel.sobolevExact(0, 2, Target.uniform()), 2);
    }
}
