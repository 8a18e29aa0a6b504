package lmo.transport.barycenter;

/**
 * Over-relaxed Sinkhorn on the potential g of an input {@code nu = sum_j b_j delta_{y_j}} alone, safeguarded by the
 * semi-dual, for solvers that recompute the other side's potential {@code f = g^c} every round and keep no f (the
 * particles of a barycenter). Conventions of {@link RelaxedSinkhorn}: cost c, inner strength lambda, the other side
 * {@code (x_i, a_i)}. Each round measures its point g through the folded sums of that round:
 *
 * <pre>
 *   gHat_j = -lambda LSE_i((f_i - c_ij)/lambda + log a_i),  f = g^c     the plain Sinkhorn update
 *   J(g)   = sum_i a_i f_i + sum_j b_j g_j                              the semi-dual (concave, at most the optimum)
 *   e(g)   = sum_j b_j |e^{t_j} - 1|,  t_j = (g_j - gHat_j) / lambda    the plan's l1 marginal error
 *   P(g)   = lambda sum_j b_j G_1(t_j) >= 0                             the plain update's dual gain at fixed f
 * </pre>
 *
 * The next point comes from the last accepted point A (the anchor), with theta = omega (2 - omega) / 2:
 *
 * <ul>
 *   <li>a point is accepted when it is the first of the solve, came from a safe step, or
 *   {@code J(g) >= J(A) + theta P(A)}; a rejected point is dropped;
 *   <li>from an accepted g with a previous anchor p, the momentum step
 *   {@code g + omega^2 (gHat - g) + (omega - 1)^2 (g - p)}: linearised, the g-sequence of Sinkhorn over-relaxed on
 *   both potentials (Thibault, Chizat, Dossal, Papadakis 2021) with f eliminated, which contracts a mode of plain
 *   rate {@code rho^2 = 1 - delta} by about {@code omega - 1} once {@code omega ~ 2 / (1 + sqrt(delta))} (plain:
 *   1 - delta; over-relaxing g alone: about 1 - omega delta). Between Gaussians of standard deviations
 *   {@code s_mu, s_nu}, {@code delta ~ lambda / (s_mu s_nu)};
 *   <li>from the first point, or after a rejection from A, the safe step of {@link RelaxedSinkhorn} (each
 *   coordinate gains at least theta of its plain gain).
 * </ul>
 *
 * Why it converges: the safe step raises D(f, .) by at least {@code theta P} at fixed f, and the exact c-transform
 * raises it further, so {@code J(safe step from A) >= J(A) + theta P(A)}; an accepted momentum point satisfies the
 * same by the test. So the anchors' J increases by at least theta P(anchor) at least every second round; J is
 * bounded, so {@code P(anchor) -> 0}, hence the anchors' marginal errors go to 0, as for plain Sinkhorn. Omega = 1:
 * every step is the plain one, bit for bit ({@code gNext = gHat}), never tested.
 *
 * <p>The state after a round is one array ({@link #length}): the next point, the measured point g, the anchor and
 * its gHat (M each), then the measured point's error, the anchor's J and P, and whether the next point is a momentum
 * step (to be tested).
 */
public final class AcceleratedSinkhorn {
    private AcceleratedSinkhorn() {}

    private static final int NEXT = 0, MEASURED = 1, ANCHOR = 2, ANCHOR_HAT = 3;
    private static final int ERROR = 0, ANCHOR_J = 1, ANCHOR_GAIN = 2, MOMENTUM = 3, SCALARS = 4;

    /** The state's length for an input of m points. */
    public static int length(int m) { return 4 * m + SCALARS; }

    /** Where the next point (the potential the next round measures) starts. */
    public static int next(int m) { return NEXT * m; }

    /** Where the measured point g of the round starts. */
    public static int measured(int m) { return MEASURED * m; }

    /** The measured point's l1 marginal error. */
    public static double error(double[] state, int m) { return state[4 * m + ERROR]; }

    /**
     * One round.
     *
     * @param before the state after the previous round of this solve, or null at its first round
     * @param g the point this round measured (the previous state's next point, or the starting potential)
     * @param gHat the plain update of g
     * @param sumAF {@code sum_i a_i f_i}, f = g^c
     * @param b the input's weights
     * @param omega in [1, 2)
     * @return the state after this round
     */
    public static double[] round(double[] before, double[] g, double[] gHat, double sumAF, double[] b, double lambda,
                                 double omega) {
        int m = g.length;
        double[] s = new double[length(m)];
        double[] next = new double[m];
        double error = RelaxedSinkhorn.update(g, gHat, b, lambda, omega, next);
        double j = sumAF, gain = 0;
        for (int k = 0; k < m; k++) {
            j += b[k] * g[k];
            double t = (g[k] - gHat[k]) / lambda;
            gain += b[k] * RelaxedSinkhorn.gain(1, t);
        }
        gain *= lambda;
        double theta = omega * (2 - omega) / 2;
        boolean tested = before != null && before[4 * m + MOMENTUM] != 0;
        boolean accepted = !tested || j >= before[4 * m + ANCHOR_J] + theta * before[4 * m + ANCHOR_GAIN];
        if (accepted) {
            System.arraycopy(g, 0, s, ANCHOR * m, m);
            System.arraycopy(gHat, 0, s, ANCHOR_HAT * m, m);
            s[4 * m + ANCHOR_J] = j;
            s[4 * m + ANCHOR_GAIN] = gain;
            if (before != null && omega > 1) {
                double a = omega * omega, c = (omega - 1) * (omega - 1);
                for (int k = 0; k < m; k++) next[k] = g[k] + a * (gHat[k] - g[k]) + c * (g[k] - before[ANCHOR * m + k]);
                s[4 * m + MOMENTUM] = 1;
            }
        } else {
            System.arraycopy(before, ANCHOR * m, s, ANCHOR * m, 2 * m);
            s[4 * m + ANCHOR_J] = before[4 * m + ANCHOR_J];
            s[4 * m + ANCHOR_GAIN] = before[4 * m + ANCHOR_GAIN];
            double[] anchor = java.util.Arrays.copyOfRange(before, ANCHOR * m, ANCHOR * m + m);
            double[] anchorHat = java.util.Arrays.copyOfRange(before, ANCHOR_HAT * m, ANCHOR_HAT * m + m);
            RelaxedSinkhorn.update(anchor, anchorHat, b, lambda, omega, next);
        }
        System.arraycopy(next, 0, s, NEXT * m, m);
        System.arraycopy(g, 0, s, MEASURED * m, m);
        s[4 * m + ERROR] = error;
        return s;
    }
}
