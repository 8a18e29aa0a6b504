package lmo.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Tick values and tick labels. A log axis over [lo, hi] labels every power of ten in it and, when hi / lo < 100
 * (under two decades), also the values 2 and 5 times a power of ten; when that still gives fewer than two labels
 * (a range under a factor of 2.5), every value 1 to 9 times a power of ten. A number prints plain when
 * {@code 1e-3 <= |v| <= 1e4} ({@code 0.05}, {@code 0.002}, {@code 2000}, {@code 10000}) and as {@code <mantissa>e<exponent>}
 * otherwise ({@code 1e-7}, {@code 3e5}, {@code 2.5e-6}), with at most 10 significant digits and no trailing zeros.
 */
final class Ticks {
    /** Below this ratio hi / lo, a log axis also labels 2 and 5 times each power of ten. */
    static final double INTERMEDIATE_BELOW = 100;

    private Ticks() {}

    /** The labelled values of a log axis over [lo, hi] (0 < lo <= hi), ascending; empty if the range is not one. */
    static List<Double> log(double lo, double hi) {
        if (!(lo > 0) || !(hi >= lo) || !Double.isFinite(hi)) return List.of();
        List<Double> out = within(lo, hi, hi / lo < INTERMEDIATE_BELOW ? new int[] {1, 2, 5} : new int[] {1});
        return out.size() >= 2 ? out : within(lo, hi, new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
    }

    private static List<Double> within(double lo, double hi, int[] multiples) {
        List<Double> out = new ArrayList<>();
        double tol = 1e-9;
        for (int e = (int) Math.floor(Math.log10(lo)) - 1; e <= (int) Math.ceil(Math.log10(hi)); e++) {
            for (int m : multiples) {
                double v = Double.parseDouble(m + "e" + e);
                if (v >= lo * (1 - tol) && v <= hi * (1 + tol)) out.add(v);
            }
        }
        return out;
    }

    /** The label of a tick value: {@code 0.05}, {@code 1e-7}, {@code 100}, {@code 3e5} (rule in the class comment). */
    static String format(double v) {
        if (v == 0) return "0";
        if (!Double.isFinite(v)) return Double.toString(v);
        BigDecimal b = new BigDecimal(v).round(new MathContext(10)).stripTrailingZeros();
        double a = Math.abs(v);
        if (a >= 1e-3 && a <= 1e4) return b.toPlainString();
        int exponent = b.precision() - b.scale() - 1;
        BigDecimal mantissa = b.movePointLeft(exponent).stripTrailingZeros();
        return mantissa.toPlainString() + "e" + exponent;
    }
}
