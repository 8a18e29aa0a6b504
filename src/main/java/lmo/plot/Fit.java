package lmo.plot;

import lmo.scenario.FitSpec;

/**
 * A least-squares line through {@code log(value)} against {@code log(time)} (law {@code power}: value ~
 * prefactor * t^slope) or against {@code time} (law {@code exponential}: value ~ prefactor * exp(slope * t), the
 * slope being the rate), over the rows with time in [from, to], a finite positive value and, for a power law, a
 * positive time.
 *
 * @param spec what was asked for
 * @param points the rows used; fewer than 2 (or all at one time) leave slope, prefactor and r2 NaN
 * @param slope the power-law exponent, or the exponential rate
 * @param prefactor the value of the fitted law at t = 1 (power) or t = 0 (exponential)
 * @param r2 the coefficient of determination of the line (1 when the points are exactly on it)
 */
public record Fit(FitSpec spec, int points, double slope, double prefactor, double r2) {

    public boolean ok() { return Double.isFinite(slope); }

    public boolean power() { return spec.law().equals("power"); }

    /** Fits {@code values} against {@code times} as {@code spec} asks. */
    public static Fit of(FitSpec spec, double[] times, double[] values) {
        boolean power = spec.law().equals("power");
        int n = 0;
        double[] u = new double[times.length];
        double[] v = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            double t = times[i], y = values[i];
            if (!(inWindow(spec, t) && y > 0 && Double.isFinite(y)) || power && !(t > 0)) continue;
            u[n] = power ? Math.log(t) : t;
            v[n++] = Math.log(y);
        }
        double ubar = 0, vbar = 0;
        for (int i = 0; i < n; i++) {
            ubar += u[i];
            vbar += v[i];
        }
        ubar /= n;
        vbar /= n;
        double suu = 0, suv = 0, svv = 0;
        for (int i = 0; i < n; i++) {
            suu += (u[i] - ubar) * (u[i] - ubar);
            suv += (u[i] - ubar) * (v[i] - vbar);
            svv += (v[i] - vbar) * (v[i] - vbar);
        }
        if (n < 2 || !(suu > 0)) return new Fit(spec, n, Double.NaN, Double.NaN, Double.NaN);
        double slope = suv / suu;
        double intercept = vbar - slope * ubar;
        double residual = 0;
        for (int i = 0; i < n; i++) residual += Math.pow(v[i] - intercept - slope * u[i], 2);
        double r2 = svv > 0 ? 1 - residual / svv : 1;
        return new Fit(spec, n, slope, Math.exp(intercept), r2);
    }

    /**
     * True if {@code from <= t <= to}, within 1e-9 of the larger bound: {@code time = step * stepSize} in metrics.csv
     * may miss a round bound in its last bits ({@code 30 * 0.1 = 3.0000000000000004}).
     */
    static boolean inWindow(FitSpec spec, double t) {
        double eps = 1e-9 * Math.max(Math.abs(spec.from()), Math.abs(spec.to()));
        return t >= spec.from() - eps && t <= spec.to() + eps;
    }

    /** The fitted law at time t. */
    public double at(double t) {
        return power() ? prefactor * Math.pow(t, slope) : prefactor * Math.exp(slope * t);
    }

    /** E.g. {@code power fit: slope -2.491 on t in [400, 4000]}. */
    public String label() {
        String what = power() ? "slope" : "rate";
        String value = ok() ? Charts.num(slope) : "n/a (" + points + " points)";
        return spec.law() + " fit: " + what + " " + value + " on t in [" + Charts.num(spec.from()) + ", "
                + Charts.num(spec.to()) + "]";
    }
}
