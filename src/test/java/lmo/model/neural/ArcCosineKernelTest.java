package lmo.model.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The exact ReLU kernel for inputs uniform on S^(d-1): K0 = 1/(2d); K and grad_w K against a seeded Monte Carlo
 * estimate with 1e5 samples (within 1e-2 of K0, and within 5 standard errors); the gradient against central finite
 * differences, also at the angles 0 and pi.
 */
class ArcCosineKernelTest {

    static double[] unit(Random rnd, int d) {
        double[] v = new double[d];
        for (int c = 0; c < d; c++) v[c] = rnd.nextGaussian();
        Teacher.normalize(v, 0, d);
        return v;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int c = 0; c < a.length; c++) s += a[c] * b[c];
        return s;
    }

    @Test
    void acosIsAccurate() {
        double worst = 0;
        for (int i = -200000; i <= 200000; i++) {
            double c = i / 200000.0;
            worst = Math.max(worst, Math.abs(ArcCosineKernel.acos(c) - StrictMath.acos(c)));
        }
        for (double c : new double[] {1, -1, 0.5, -0.5, Math.nextUp(0.5), Math.nextDown(-0.5), 1 - 1e-16, -1 + 1e-16, 1e-300}) {
            worst = Math.max(worst, Math.abs(ArcCosineKernel.acos(c) - StrictMath.acos(c)));
        }
        assertTrue(worst < 1e-15, "acos absolute error " + worst);
        assertEquals(0.0, ArcCosineKernel.acos(1.0), 0.0);
        assertEquals(Math.PI, ArcCosineKernel.acos(-1.0), 0.0);
    }

    @Test
    void diagonalIsOneOverTwoD() {
        Random rnd = new Random(2);
        for (int d = 1; d <= 12; d++) {
            ArcCosineKernel k = new ArcCosineKernel(d);
            double[] w = d == 1 ? new double[] {1} : unit(rnd, d);
            assertEquals(0.5 / d, k.value(w, 0, w, 0), 1e-16, "d = " + d);
            assertEquals(0.5 / d, k.k0(), 0.0);
            double[] w3 = w.clone();
            for (int c = 0; c < d; c++) w3[c] *= 3;
            assertEquals(3 * 0.5 / d, k.value(w3, 0, w, 0), 1e-15, "1-homogeneous, d = " + d);
        }
    }

    @Test
    void matchesMonteCarlo() {
        Random rnd = new Random(7);
        int samples = 100_000;
        for (int d : new int[] {2, 3, 5, 10}) {
            ArcCosineKernel k = new ArcCosineKernel(d);
            double[][] xs = new double[samples][];
            for (int s = 0; s < samples; s++) xs[s] = unit(rnd, d);
            for (int pair = 0; pair < 4; pair++) {
                double[] w = unit(rnd, d);
                double[] v = unit(rnd, d);
                for (int c = 0; c < d; c++) w[c] *= 1.5;     // not unit: the |w| factor
                if (pair == 3) v = w.clone();                 // t = 0
                double mean = 0, sq = 0;
                double[] grad = new double[d];
                for (double[] x : xs) {
                    double zw = 0, zv = 0;
                    for (int c = 0; c < d; c++) { zw += w[c] * x[c]; zv += v[c] * x[c]; }
                    double p = Math.max(zw, 0) * Math.max(zv, 0);
                    mean += p;
                    sq += p * p;
                    if (zw > 0) for (int c = 0; c < d; c++) grad[c] += x[c] * Math.max(zv, 0);
                }
                mean /= samples;
                double se = Math.sqrt((sq / samples - mean * mean) / samples);
                double exact = k.value(w, 0, v, 0);
                double nw = Math.sqrt(dot(w, w)), nv = Math.sqrt(dot(v, v));
                double scale = nw * nv * k.k0();                       // K(w, w') <= |w| |w'| K0
                assertEquals(exact, mean, 5 * se, "K within 5 standard errors, d = " + d + ", pair " + pair);
                assertEquals(exact, mean, 1e-2 * scale, "K within 1e-2 |w||w'| K0, d = " + d + ", pair " + pair);
                double[] g = new double[d];
                k.valueAndGradient(w, 0, v, 0, 1.0, g, 0);
                for (int c = 0; c < d; c++) {
                    assertEquals(g[c], grad[c] / samples, 1e-2 * nv * 2 * k.k0(), "grad K, d = " + d + ", pair " + pair + ", c " + c);
                }
            }
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        Random rnd = new Random(11);
        double h = 1e-6;
        for (int d : new int[] {2, 3, 7}) {
            ArcCosineKernel k = new ArcCosineKernel(d);
            for (int pair = 0; pair < 6; pair++) {
                double[] w = unit(rnd, d);
                double[] v = unit(rnd, d);
                if (pair == 4) v = w.clone();                                   // t = 0
                if (pair == 5) for (int c = 0; c < d; c++) v[c] = -0.7 * w[c];  // t = pi
                for (int c = 0; c < d; c++) v[c] *= 0.8;
                double[] g = new double[d];
                k.valueAndGradient(w, 0, v, 0, 1.0, g, 0);
                for (int c = 0; c < d; c++) {
                    double keep = w[c];
                    w[c] = keep + h;
                    double fp = k.value(w, 0, v, 0);
                    w[c] = keep - h;
                    double fm = k.value(w, 0, v, 0);
                    w[c] = keep;
                    // one-sided kinks at t = 0 and t = pi are of second order: central differences still converge
                    assertEquals(g[c], (fp - fm) / (2 * h), 2e-6 * k.k0(), "d = " + d + ", pair " + pair + ", c = " + c);
                }
            }
        }
    }
}
