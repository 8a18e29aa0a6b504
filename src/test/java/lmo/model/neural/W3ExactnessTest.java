package lmo.model.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The {@code coordinate} readout with {@code wasserstein} and {@code stepSize = lr}, masses 1/N, is benchmark W3's
 * full-batch mean-field GD ({@code ../shared/bench/w3_meanfield.py}, {@code run_numpy}): checked step by step
 * against an inline transcription of run_numpy, to 1e-12 relative.
 */
class W3ExactnessTest {

    /** w3_meanfield.run_numpy, transcribed: Z = X W^T, H = relu(Z), r = H a / N - y, then the two updates. */
    static void runNumpy(double[] w, double[] a, double[] x, double[] y, int nN, int n, int d, double lr, int steps) {
        for (int s = 0; s < steps; s++) {
            double[][] z = new double[n][nN];
            double[] r = new double[n];
            for (int k = 0; k < n; k++) {
                double f = 0;
                for (int i = 0; i < nN; i++) {
                    double v = 0;
                    for (int c = 0; c < d; c++) v += x[k * d + c] * w[i * d + c];
                    z[k][i] = v;
                    f += Math.max(v, 0) * a[i];
                }
                r[k] = f / nN - y[k];
            }
            double[] ga = new double[nN];
            double[] gw = new double[nN * d];
            for (int i = 0; i < nN; i++) {
                for (int k = 0; k < n; k++) {
                    ga[i] += Math.max(z[k][i], 0) * r[k];
                    if (z[k][i] > 0) for (int c = 0; c < d; c++) gw[i * d + c] += r[k] * x[k * d + c];
                }
                ga[i] /= n;
                for (int c = 0; c < d; c++) gw[i * d + c] *= a[i] / n;
            }
            for (int i = 0; i < nN; i++) {
                a[i] -= lr * ga[i];
                for (int c = 0; c < d; c++) w[i * d + c] -= lr * gw[i * d + c];
            }
        }
    }

    static double lossNp(double[] w, double[] a, double[] x, double[] y, int nN, int n, int d) {
        double s = 0;
        for (int k = 0; k < n; k++) {
            double f = 0;
            for (int i = 0; i < nN; i++) {
                double v = 0;
                for (int c = 0; c < d; c++) v += x[k * d + c] * w[i * d + c];
                f += Math.max(v, 0) * a[i];
            }
            f /= nN;
            s += (f - y[k]) * (f - y[k]);
        }
        return 0.5 * s / n;
    }

    @Test
    void coordinateWassersteinIsW3GradientDescent() {
        int nN = 40, n = 61, d = 5, steps = 6;
        double lr = 2.0;
        Random rnd = new Random(1);
        // W3's data recipe at a small size: x uniform on the sphere, y = (1/5) sum_{j<5} relu(x_j), w ~ N(0, I/d), a ~ N(0,1)
        double[] x = new double[n * d];
        double[] y = new double[n];
        for (int k = 0; k < n; k++) {
            for (int c = 0; c < d; c++) x[k * d + c] = rnd.nextGaussian();
            Teacher.normalize(x, k * d, d);
            for (int c = 0; c < 5; c++) y[k] += Math.max(x[k * d + c], 0) / 5;
        }
        double[] w = new double[nN * d];
        double[] a = new double[nN];
        for (int i = 0; i < nN * d; i++) w[i] = rnd.nextGaussian() / Math.sqrt(d);
        for (int i = 0; i < nN; i++) a[i] = rnd.nextGaussian();

        // the particles theta_i = (a_i, w_i), masses 1/N
        int dim = 1 + d;
        double[] theta = new double[nN * dim];
        double[] m = new double[nN];
        for (int i = 0; i < nN; i++) {
            theta[i * dim] = a[i];
            System.arraycopy(w, i * d, theta, i * dim + 1, d);
            m[i] = 1.0 / nN;
        }
        TwoLayerModel model = TwoLayerModel.builder(Readout.COORDINATE)
            .data(Datasets.fromArrays(d, x, y, null, null)).initialState(theta, m).build();

        double loss0 = lossNp(w, a, x, y, nN, n, d);
        for (int s = 0; s < steps; s++) {
            Harness.Result res = Harness.evaluate(model, theta, m, dim, 16);
            double lossNow = lossNp(w, a, x, y, nN, n, d);
            assertEquals(lossNow, res.metric("loss"), 1e-12 * lossNow, "loss at step " + s);
            for (int i = 0; i < theta.length; i++) theta[i] -= lr * res.grad()[i];   // Wasserstein step on R^(1+d)
            runNumpy(w, a, x, y, nN, n, d, lr, 1);
            double scale = 0, err = 0;
            for (int i = 0; i < nN; i++) {
                scale = Math.max(scale, Math.abs(a[i]));
                err = Math.max(err, Math.abs(theta[i * dim] - a[i]));
                for (int c = 0; c < d; c++) {
                    scale = Math.max(scale, Math.abs(w[i * d + c]));
                    err = Math.max(err, Math.abs(theta[i * dim + 1 + c] - w[i * d + c]));
                }
            }
            assertTrue(err <= 1e-12 * scale, "step " + (s + 1) + ": max |theta - theta_numpy| = " + err + " (scale " + scale + ")");
        }
        assertTrue(lossNp(w, a, x, y, nN, n, d) < loss0, "the loss decreases");
        assertEquals(0.0, Arrays.stream(m).map(v -> v - 1.0 / nN).max().orElseThrow(), "masses untouched");
    }
}
