package lmo.transport.barycenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The safeguarded over-relaxed Sinkhorn of {@link AcceleratedSinkhorn}: the safe step's dual gain per coordinate
 * against the dual's definition, and the whole iteration between two 1-D Gaussian lattices against the closed-form
 * entropic map of {@link GaussianEot}, with the anchors' semi-dual never decreasing and far fewer rounds than plain
 * Sinkhorn.
 */
class AcceleratedSinkhornTest {

    /** {@code D_j(g_j) = b_j (g_j - lambda e^{(g_j - gHat_j)/lambda})}: the dual's g_j-part at fixed f. */
    private static double dual(double g, double gHat, double lambda) {
        return g - lambda * Math.exp((g - gHat) / lambda);
    }

    @Test
    void theSafeStepGainsAtLeastThetaOfThePlainGainAndIsOmegaNearTheFixedPoint() {
        double lambda = 0.01;
        for (double omega : new double[] {1.2, 1.5, 1.9, 1.99}) {
            double theta = omega * (2 - omega) / 2;
            for (double t = -40; t <= 40; t += 0.01) {
                double[] g = {t * lambda}, gHat = {0}, next = new double[1];
                RelaxedSinkhorn.update(g, gHat, new double[] {1}, lambda, omega, next);
                double gain = dual(next[0], 0, lambda) - dual(g[0], 0, lambda);
                double plain = dual(0, 0, lambda) - dual(g[0], 0, lambda);
                assertTrue(gain >= theta * plain - 1e-15 * Math.abs(dual(g[0], 0, lambda)),
                        "omega " + omega + ", t " + t + ": gain " + gain + " < theta x plain " + theta * plain);
                // G_omega(t) = omega (2 - omega) t^2 / 2 (1 + O(t / (2 - omega))): omega is taken near t = 0
                if (Math.abs(t) < 0.1 * (2 - omega)) assertEquals(g[0] - omega * g[0], next[0], 1e-18, "omega, t " + t);
            }
        }
    }

    /**
     * mu = N(0, 1.5^2) and nu = N(3, 2^2) as weighted lattices over +-6 sd, spacing (0.15, 0.2) below the plans'
     * conditional spread {@code sqrt(lambda s_mu / s_nu)}, {@code sqrt(lambda s_nu / s_mu)} (0.19, 0.26): the lattice
     * sums are spectrally exact.
     */
    private static final PointCloud MU = PointCloud.gaussianLattice(new double[] {0}, 2.25, 121, 6);
    private static final PointCloud NU = PointCloud.gaussianLattice(new double[] {3}, 4, 121, 6);
    private static final double LAMBDA = 0.05;

    /** {@code out_i = -lambda LSE_j((g_j - c(x_i, y_j))/lambda + log w_j)} of a 1-D cloud (x, a) against (y, w). */
    private static double[] transform(double[] x, double[] y, double[] w, double[] g) {
        double[] out = new double[x.length], v = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < y.length; j++) {
                v[j] = (g[j] - (x[i] - y[j]) * (x[i] - y[j]) / 2) / LAMBDA + Math.log(w[j]);
                max = Math.max(max, v[j]);
            }
            double s = 0;
            for (double vj : v) s += Math.exp(vj - max);
            out[i] = -LAMBDA * (max + Math.log(s));
        }
        return out;
    }

    /** Rounds until the measured plan's error is below tol; checks the anchors' semi-dual; writes the last g. */
    private static int solve(double omega, double tol, double[] gOut) {
        double[] x = MU.points(), a = MU.weights(), y = NU.points(), b = NU.weights();
        double[] g = new double[y.length], state = null;
        double anchorJ = Double.NEGATIVE_INFINITY;
        for (int r = 1; r <= 20000; r++) {
            double[] f = transform(x, y, b, g);
            double[] gHat = transform(y, x, a, f);
            double sumAF = 0;
            for (int i = 0; i < f.length; i++) sumAF += a[i] * f[i];
            state = AcceleratedSinkhorn.round(state, g, gHat, sumAF, b, LAMBDA, omega);
            double j = state[4 * y.length + 1];
            assertTrue(j >= anchorJ - 1e-13 * Math.abs(j), "round " + r + ": the anchor's semi-dual fell from " + anchorJ + " to " + j);
            anchorJ = j;
            if (AcceleratedSinkhorn.error(state, y.length) < tol) {
                System.arraycopy(g, 0, gOut, 0, g.length);
                return r;
            }
            g = java.util.Arrays.copyOfRange(state, AcceleratedSinkhorn.next(y.length), y.length);
        }
        throw new AssertionError("omega " + omega + ": no convergence");
    }

    @Test
    void convergesToTheClosedFormMapFasterThanPlainSinkhorn() {
        double[] g = new double[NU.size()];
        // delta ~ lambda / (s_mu s_nu) = 0.05 / 3: plain contracts by ~1 - delta, omega = 2 / (1 + sqrt(delta)) by ~0.77
        int accelerated = solve(1.77, 1e-9, g);
        int plain = solve(1, 1e-9, new double[NU.size()]);
        assertTrue(accelerated * 4 < plain, "accelerated " + accelerated + " rounds, plain " + plain);
        // E[Y | X = x] of the plan (g^c, g): its slope is the closed form rho b / a
        double[] x = MU.points(), a = MU.weights(), y = NU.points(), b = NU.weights();
        double sxx = 0, sxy = 0, mx = 0, my = 0;
        double[] cond = new double[x.length], v = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            double max = Double.NEGATIVE_INFINITY, s = 0, sy = 0;
            for (int j = 0; j < y.length; j++) {
                v[j] = (g[j] - (x[i] - y[j]) * (x[i] - y[j]) / 2) / LAMBDA + Math.log(b[j]);
                max = Math.max(max, v[j]);
            }
            for (int j = 0; j < y.length; j++) {
                double e = Math.exp(v[j] - max);
                s += e;
                sy += e * y[j];
            }
            cond[i] = sy / s;
            mx += a[i] * x[i];
            my += a[i] * cond[i];
        }
        for (int i = 0; i < x.length; i++) {
            sxx += a[i] * (x[i] - mx) * (x[i] - mx);
            sxy += a[i] * (x[i] - mx) * (cond[i] - my);
        }
        assertEquals(GaussianEot.mapSlope(2.25, 4, LAMBDA), sxy / sxx, 1e-6, "slope of E[Y | X]");
        assertEquals(3, my, 1e-6, "mean of E[Y | X]");
        System.out.printf("accelerated Sinkhorn (omega 1.77): %d rounds to 1e-9, plain %d%n", accelerated, plain);
    }
}
