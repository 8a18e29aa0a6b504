package lmo.transport;

/**
 * Safe over-relaxation of a log-domain Sinkhorn half-step, coordinate by coordinate:
 * <pre>
 *   x_new = x_sink + (omega_i - 1) (x_sink - x),     omega_i = the largest omega' in [1, omega] that is safe at x
 * </pre>
 * where x is a potential (u_i or v_j) and {@code x_sink = -L} the plain Sinkhorn value ({@code omega = 1}).
 *
 * <p><b>Why it converges.</b> The entropic dual {@code D(u, v) = <u, p> + <v, q> - sum_ij p_i q_j e^{u_i + v_j -
 * beta c_ij}} is, in one coordinate with the other side fixed, {@code w x - w e^{x + L}} (w = p_i or q_j), maximised
 * at {@code x_sink = -L}; with {@code t = x - x_sink} it is {@code const - w (1 + phi(t))}, {@code phi(t) = e^t - t -
 * 1 >= 0}. The plain step (t to 0) gains {@code w phi(t)}; the relaxed step, t to {@code t' = -(omega - 1) t}, gains
 * {@code w (phi(t) - phi(t'))}. A factor is <em>safe</em> when it gains at least {@link #GAIN} of the plain step's
 * gain: {@code phi(t') <= (1 - GAIN) phi(t)}. Every half-step then raises the concave, bounded dual by at least
 * GAIN times what plain Sinkhorn would, so the plain gains are summable and the marginal errors tend to 0: global
 * convergence to the same entropic plan (every omega_i > 0 has exactly {@code x_sink} as fixed point), as in the safe
 * schemes of Thibault et al. (2017) and Lehmann et al. (2021), here with the bound per coordinate. With
 * {@code omega <= }{@link #MAX_OMEGA} the bound holds for every {@code t >= 0} (since {@code phi(-s) <= s^2 / 2 <=
 * phi(s)} for s >= 0); for t &lt; 0 it caps {@code omega_i} by Newton's method on {@code phi(b) = (1 - GAIN) phi(t)}.
 * Near the solution {@code phi} is quadratic and the cap is {@code 1 + sqrt(1 - GAIN)}, above MAX_OMEGA: only far
 * from the solution does it bite.
 *
 * <p>At {@code omega = 1} the result is {@code x_sink} bit for bit (plain Sinkhorn).
 */
public final class Overrelaxation {
    /** The fraction of the plain step's dual gain every relaxed step keeps. */
    public static final double GAIN = 0.05;

    /** The largest factor: {@code (MAX_OMEGA - 1)^2 = 1 - GAIN}. */
    public static final double MAX_OMEGA = 1 + Math.sqrt(1 - GAIN);

    private Overrelaxation() {}

    /** The relaxed value of one coordinate: {@code x_sink} when {@code omega == 1}. */
    public static double relax(double x, double xSink, double omega) {
        if (omega == 1.0) return xSink;
        double t = x - xSink;
        if (!(t < 0)) return xSink - (omega - 1) * t;   // t >= 0 (or NaN, which propagates)
        double a = -t;
        double b = (omega - 1) * a;
        double target = (1 - GAIN) * phi(-a);
        if (phi(b) > target) b = root(target, b);
        return xSink + b;
    }

    /** {@code phi(x) = e^x - x - 1}, accurate for small |x| (series below 1e-3). */
    static double phi(double x) {
        if (Math.abs(x) < 1e-3) return x * x * (0.5 + x * (1.0 / 6 + x * (1.0 / 24 + x / 120)));
        return Math.expm1(x) - x;
    }

    /**
     * The b in {@code (0, b0]} with {@code phi(b) = target}, given {@code phi(b0) > target >= 0}: Newton from b0,
     * which decreases monotonically to the root (phi is convex and increasing on b > 0).
     */
    static double root(double target, double b0) {
        double b = b0;
        for (int k = 0; k < 60; k++) {
            double step = (phi(b) - target) / Math.expm1(b);
            if (!(step > 0)) break;
            b -= step;
            if (step <= 1e-15 * b) break;
        }
        return Math.max(0.0, b);
    }

    /** Relaxes {@code x} towards {@code xSink} in place, coordinate by coordinate. Modified: x. */
    public static void relaxAll(double[] x, double[] xSink, double omega, int n) {
        for (int k = 0; k < n; k++) x[k] = relax(x[k], xSink[k], omega);
    }
}
