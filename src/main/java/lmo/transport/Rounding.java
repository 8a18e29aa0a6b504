package lmo.transport;

/**
 * Rounding onto the transport polytope Gamma(p, q) (Altschuler, Weed, Rigollet 2017, Alg. 2; Chizat 2024, Alg. 2),
 * on a materialised plan, for problems small enough to hold one (n m up to {@link #MAX_CELLS}):
 * <pre>
 *   a = min(1, p / pi 1);   pi'  = diag(a) pi
 *   b = min(1, q / pi'^T 1); pi'' = pi' diag(b)
 *   dp = p - pi'' 1;  dq = q - pi''^T 1
 *   round(pi) = pi'' + dp dq^T / ||dp||_1
 * </pre>
 * The result is in Gamma(p, q) (up to rounding) and {@code ||round(pi) - pi||_1 <= 2 (||pi 1 - p||_1 +
 * ||pi^T 1 - q||_1)}. The annealing paper's error measure is {@code <c, round(pi_t)> - OT(p, q)}
 * ({@link #roundedCost}, with {@link ExactOt}). Plans are row-major n x m arrays.
 */
public final class Rounding {
    /** The largest plan this class materialises. */
    public static final long MAX_CELLS = 20_000_000L;

    private Rounding() {}

    /**
     * The plan {@code pi[i m + j] = exp(u_i + log p_i + v_j + log q_j - beta c_ij)}.
     *
     * @throws IllegalArgumentException if n m exceeds {@link #MAX_CELLS}
     */
    public static double[] plan(TransportProblem problem, double[] u, double[] v, double beta) {
        int n = problem.n(), m = problem.m();
        if ((long) n * m > MAX_CELLS) {
            throw new IllegalArgumentException("plan of " + n + " x " + m + " exceeds " + MAX_CELLS + " cells");
        }
        double[] pi = new double[n * m];
        double[] c = new double[m];
        double[] logP = problem.logP(), logQ = problem.logQ();
        for (int i = 0; i < n; i++) {
            problem.cost().row(i, c);
            double a = u[i] + logP[i];
            int o = i * m;
            for (int j = 0; j < m; j++) pi[o + j] = Math.exp(a + v[j] + logQ[j] - beta * c[j]);
        }
        return pi;
    }

    /** Rounds {@code pi} (n x m) onto Gamma(p, q) in place (Algorithm 2). Modified: pi. */
    public static void round(double[] pi, int n, int m, double[] p, double[] q) {
        for (int i = 0; i < n; i++) {
            int o = i * m;
            double r = 0;
            for (int j = 0; j < m; j++) r += pi[o + j];
            if (r > p[i]) {
                double a = p[i] / r;
                for (int j = 0; j < m; j++) pi[o + j] *= a;
            }
        }
        double[] col = new double[m];
        for (int i = 0; i < n; i++) for (int j = 0, o = i * m; j < m; j++) col[j] += pi[o + j];
        double[] b = new double[m];
        for (int j = 0; j < m; j++) b[j] = col[j] > q[j] ? q[j] / col[j] : 1.0;
        for (int i = 0; i < n; i++) for (int j = 0, o = i * m; j < m; j++) pi[o + j] *= b[j];
        double[] dp = new double[n];
        double[] dq = new double[m];
        double l1 = 0;
        for (int i = 0; i < n; i++) {
            double r = 0;
            for (int j = 0, o = i * m; j < m; j++) r += pi[o + j];
            dp[i] = Math.max(0.0, p[i] - r);   // >= 0 in exact arithmetic; clamp the last-bit noise
            l1 += dp[i];
        }
        java.util.Arrays.fill(col, 0.0);
        for (int i = 0; i < n; i++) for (int j = 0, o = i * m; j < m; j++) col[j] += pi[o + j];
        for (int j = 0; j < m; j++) dq[j] = Math.max(0.0, q[j] - col[j]);
        if (l1 == 0) return;
        for (int i = 0; i < n; i++) {
            double f = dp[i] / l1;
            for (int j = 0, o = i * m; j < m; j++) pi[o + j] += f * dq[j];
        }
    }

    /** {@code <c, pi>} for a row-major plan. */
    public static double cost(Cost cost, double[] pi) {
        int n = cost.n(), m = cost.m();
        double[] c = new double[m];
        double s = 0;
        for (int i = 0; i < n; i++) {
            cost.row(i, c);
            for (int j = 0, o = i * m; j < m; j++) s += c[j] * pi[o + j];
        }
        return s;
    }

    /** {@code <c, round(pi)>} for the plan of the potentials (u, v) at beta: the annealing paper's primal value. */
    public static double roundedCost(TransportProblem problem, double[] u, double[] v, double beta) {
        double[] pi = plan(problem, u, v, beta);
        round(pi, problem.n(), problem.m(), problem.p(), problem.q());
        return cost(problem.cost(), pi);
    }
}
