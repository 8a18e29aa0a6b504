package lmo.rng;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/** Sample statistics for the tests of random and dynamical claims. */
public final class Stats {
    private Stats() {}

    /** Mean of {@code x[off], x[off+stride], ...}, n values. */
    public static double mean(double[] x, int off, int stride, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) s += x[off + i * stride];
        return s / n;
    }

    public static double mean(double[] x) { return mean(x, 0, 1, x.length); }

    /** Unbiased sample variance of the strided values. */
    public static double variance(double[] x, int off, int stride, int n) {
        double m = mean(x, off, stride, n), s = 0;
        for (int i = 0; i < n; i++) {
            double d = x[off + i * stride] - m;
            s += d * d;
        }
        return s / (n - 1);
    }

    public static double variance(double[] x) { return variance(x, 0, 1, x.length); }

    /** Pearson correlation of two samples of equal length. */
    public static double correlation(double[] a, double[] b) {
        double ma = mean(a), mb = mean(b), sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.length; i++) {
            double da = a[i] - ma, db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return sab / Math.sqrt(saa * sbb);
    }

    /** Kolmogorov–Smirnov statistic sqrt(n) sup |F_n - F|; below 1.95 with probability 0.999 under the null. */
    public static double ksStatistic(double[] sample, DoubleUnaryOperator cdf) {
        double[] s = sample.clone();
        Arrays.sort(s);
        int n = s.length;
        double d = 0;
        for (int i = 0; i < n; i++) {
            double f = cdf.applyAsDouble(s[i]);
            d = Math.max(d, Math.max((i + 1.0) / n - f, f - (double) i / n));
        }
        return Math.sqrt(n) * d;
    }

    /** Standard normal cdf, |error| < 1.5e-7 (Abramowitz–Stegun 7.1.26 for erf). */
    public static double normalCdf(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
                * Math.exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
