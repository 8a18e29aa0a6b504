package lmo.model.kernel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * Bernoulli numbers as exact rationals, and the periodic Sobolev kernel of the unit circle in closed form:
 * {@code K_s(y) = (-1)^(s+1) B_2s({y}) / (2s)! = sum_{k != 0} (2 pi k)^(-2s) e^(2 pi i k y)}.
 *
 * <p>The polynomials are expanded around the midpoint, in {@code u = {y} - 1/2}, where {@code B_n(1/2 + u) =
 * sum_k C(n,k) B_k(1/2) u^(n-k)} with {@code B_k(1/2) = (2^(1-k) - 1) B_k}; odd k vanish, so K_s is even in u and
 * K_s' odd, and the coefficients are smaller than those of the expansion at 0. All coefficients are computed as exact
 * fractions and rounded once to double.
 */
final class Bernoulli {
    private Bernoulli() {}

    /** Largest s supported. */
    static final int MAX_S = 10;

    /** B_0 .. B_n as reduced fractions {numerator, denominator}, with B_1 = -1/2. */
    static BigInteger[][] numbers(int n) {
        BigInteger[][] b = new BigInteger[n + 1][];
        b[0] = new BigInteger[] {BigInteger.ONE, BigInteger.ONE};
        for (int m = 1; m <= n; m++) {
            // sum_{k=0}^{m} C(m+1, k) B_k = 0
            BigInteger[] acc = {BigInteger.ZERO, BigInteger.ONE};
            for (int k = 0; k < m; k++) {
                acc = add(acc, mul(new BigInteger[] {binomial(m + 1, k), BigInteger.ONE}, b[k]));
            }
            b[m] = mul(acc, new BigInteger[] {BigInteger.valueOf(-1), BigInteger.valueOf(m + 1)});
        }
        return b;
    }

    /** Coefficients a_j, j = 0..s, with {@code K_s(y) = sum_j a_j u^(2j)}, {@code u = {y} - 1/2}. */
    static double[] kernelCoefficients(int s) {
        return toDoubles(exactKernelCoefficients(s));
    }

    /** Coefficients b_j, j = 0..s-1, with {@code K_s'(y) = u * sum_j b_j u^(2j)}, {@code u = {y} - 1/2}. */
    static double[] derivativeCoefficients(int s) {
        BigInteger[][] a = exactKernelCoefficients(s);
        BigInteger[][] b = new BigInteger[s][];
        for (int j = 1; j <= s; j++) {
            b[j - 1] = mul(a[j], new BigInteger[] {BigInteger.valueOf(2L * j), BigInteger.ONE});
        }
        return toDoubles(b);
    }

    /**
     * The mean over a period of K_s evaluated with the rounded coefficients, {@code sum_j a_j / ((2j+1) 4^j)} in exact
     * arithmetic (the exact kernel has mean 0). A kernel sum subtracts {@code mean * sum of weights}: without it the
     * rounding of the constant coefficient (-1/24 at s = 1) biases every energy by half of it, about 1e-18, which is
     * 3e-11 of the floor 1/(24 N^2) at N = 1000.
     */
    static double roundedMean(int s) {
        double[] a = kernelCoefficients(s);
        BigDecimal sum = BigDecimal.ZERO;
        MathContext mc = new MathContext(80);
        for (int j = 0; j < a.length; j++) {
            BigDecimal den = new BigDecimal(BigInteger.valueOf(2L * j + 1).shiftLeft(2 * j));
            sum = sum.add(new BigDecimal(a[j]).divide(den, mc), mc);
        }
        return sum.doubleValue();
    }

    private static BigInteger[][] exactKernelCoefficients(int s) {
        if (s < 1 || s > MAX_S) throw new IllegalArgumentException("s must be in 1.." + MAX_S + ", got " + s);
        int n = 2 * s;
        BigInteger[][] bern = numbers(n);
        BigInteger sign = (s % 2 == 1) ? BigInteger.ONE : BigInteger.valueOf(-1);  // (-1)^(s+1)
        BigInteger[] pre = {sign, factorial(n)};
        BigInteger[][] a = new BigInteger[s + 1][];
        for (int j = 0; j <= s; j++) {
            int k = n - 2 * j;                                   // coefficient of u^(2j) is C(n,k) B_k(1/2)
            BigInteger[] half = {BigInteger.ONE.shiftLeft(1).subtract(BigInteger.ONE.shiftLeft(k)),
                BigInteger.ONE.shiftLeft(k)};                  // 2^(1-k) - 1 = (2 - 2^k) / 2^k
            a[j] = mul(mul(pre, new BigInteger[] {binomial(n, k), BigInteger.ONE}), mul(half, bern[k]));
        }
        return a;
    }

    private static double[] toDoubles(BigInteger[][] q) {
        double[] out = new double[q.length];
        for (int i = 0; i < q.length; i++) {
            out[i] = new BigDecimal(q[i][0]).divide(new BigDecimal(q[i][1]), new MathContext(60)).doubleValue();
        }
        return out;
    }

    static BigInteger binomial(int n, int k) {
        BigInteger r = BigInteger.ONE;
        for (int i = 1; i <= k; i++) r = r.multiply(BigInteger.valueOf(n - k + i)).divide(BigInteger.valueOf(i));
        return r;
    }

    static BigInteger factorial(int n) {
        BigInteger r = BigInteger.ONE;
        for (int i = 2; i <= n; i++) r = r.multiply(BigInteger.valueOf(i));
        return r;
    }

    private static BigInteger[] mul(BigInteger[] a, BigInteger[] b) {
        return reduce(a[0].multiply(b[0]), a[1].multiply(b[1]));
    }

    private static BigInteger[] add(BigInteger[] a, BigInteger[] b) {
        return reduce(a[0].multiply(b[1]).add(b[0].multiply(a[1])), a[1].multiply(b[1]));
    }

    private static BigInteger[] reduce(BigInteger num, BigInteger den) {
        if (den.signum() < 0) { num = num.negate(); den = den.negate(); }
        BigInteger g = num.gcd(den);
        if (g.signum() == 0) return new BigInteger[] {BigInteger.ZERO, BigInteger.ONE};
        return new BigInteger[] {num.divide(g), den.divide(g)};
    }
}
