package lmo.transport;

import java.util.ArrayList;
import java.util.List;

/**
 * Log-domain (annealed, debiased) Sinkhorn that never stores an n x m matrix: cost rows are recomputed on the fly
 * and memory is O(n + m) (cf. POT #102, ott #504). Exactly the form of the author's notebook (Chizat 2024,
 * arXiv 2408.11620, Algorithms 1 and 3), with {@code u = log(a / p)}, {@code v = log(b / q)}, {@code u = v = 0}
 * initially and the schedule's {@code beta_0}; iteration t = 1, 2, ...:
 * <pre>
 *   u_i  &lt;- theta_t u_i - LSE_j( v_j + log q_j - beta_{t-1} c_ij )     (theta_t = 0 unless debiased)
 *   beta &lt;- beta_t
 *   v_j  &lt;- - LSE_i( u_i + log p_i - beta_t c_ij )
 *   pi_t[i,j] = exp( u_i + log p_i + v_j + log q_j - beta_t c_ij )     (second marginal q, first not exact)
 * </pre>
 * Over-relaxed ({@link Options#omega} not 1): each new value is {@link Overrelaxation#relax}{@code (old, value above,
 * omega)}, the factor from {@link OmegaSchedule} (the u-update of iteration t and the v-update of t - 1 share one), and
 * neither marginal is exact ({@link PlanMetrics#secondMarginalError}).
 *
 * <p><b>One pass per half-iteration.</b> Each log-sum-exp is shifted by the potential it replaces (u_i, v_j of the
 * previous iteration) instead of a max pass, and redone by the two-pass max form when the shifted sum is out of range
 * ({@link SinkhornKernels#accepted}): see {@link #uRows} and {@link #vPartial(int, int, TransportProblem, double[],
 * double, double[], double[], double[], double[])}.
 * c is the normalised {@link Cost}; beta is the inverse temperature on it (epsilon = 1 / beta; POT's
 * {@code ot.sinkhorn(a, b, M, reg)} uses {@code K = exp(-M / reg)}, so reg = epsilon when M is the same c).
 *
 * <p><b>Blocks.</b> Rows are cut into blocks of B consecutive rows. The u-update is per row
 * ({@link #uRows}); the v-update computes, per block, one max-stabilised {@link LogSumExp} pair per column over
 * the block's rows (max, then the sum in row order: {@link #vPartial}); the block partials are folded in block order
 * ({@link #combine}) starting from block 0, and {@link #vFrom} turns the pairs into v. The engine may compute the
 * blocks anywhere and in any order: as long as it folds them in block order it gets the same bits as
 * {@link #solve}. State a worker needs for its rows: its {@code u} entries, the whole {@code v} (m), the problem
 * (points, weights) and beta; for the v-side, two m-arrays per block partial.
 *
 * <p><b>Metrics</b> of the plan pi_t ({@link PlanMetrics}) need exactly the row log-sum-exps
 * {@code L_i = LSE_j(v_j + log q_j - beta_t c_ij)} that the u-update of iteration t + 1 computes, so they come for
 * free in that pass, one pass late; after the last iteration one extra row pass computes them without updating u.
 * Stopping on a tolerance uses them: if the plan after iteration t has {@code marginalError < tol}, the solve
 * returns that plan's (u, v) (the u just computed for t + 1 is discarded: u is double-buffered).
 *
 * <p><b>When it fails.</b> Every new u_i, v_j is checked; a NaN or infinity stops the solve with a
 * {@link NonFiniteException} naming the iteration, the side and the index. In the max-stabilised log domain
 * the largest term of every sum is exactly 1, so nothing underflows to a zero sum: on a normalised cost
 * ({@code c in [0, 1]}) beta = 1e5 stays finite (tested), unlike the kernel form {@code exp(-beta c)} (POT #54).
 */
public final class OnlineSinkhorn {

    /** The row kernels: {@link SinkhornKernels#best()}. */
    static final SinkhornKernels KERNELS = SinkhornKernels.best();

    /** Default rows per block. */
    public static final int DEFAULT_BLOCK = 64;

    /** Called after iteration t with the state of pi_t (arrays owned by the solver: read, do not keep). */
    @FunctionalInterface
    public interface Observer {
        void after(int t, double[] u, double[] v, double beta);
    }

    /**
     * How to solve.
     *
     * @param schedule      the inverse temperatures (and debiasing)
     * @param maxIterations the number of iterations T when no tolerance stops earlier (>= 1)
     * @param tolerance     stop when the larger l1 marginal error is below it; NaN for a fixed T
     * @param blockSize     rows per block B (>= 1; need not divide n)
     * @param omega         over-relaxation: 1 plain Sinkhorn, a number in (1, {@link Overrelaxation#MAX_OMEGA}] a
     *                      fixed factor, NaN the adaptive factor of {@link OmegaSchedule}
     */
    public record Options(InverseTemperature schedule, int maxIterations, double tolerance, int blockSize,
                          double omega) {
        public Options {
            if (maxIterations < 1) throw new IllegalArgumentException("maxIterations must be >= 1");
            if (blockSize < 1) throw new IllegalArgumentException("blockSize must be >= 1");
            if (!Double.isNaN(tolerance) && !(tolerance > 0)) throw new IllegalArgumentException("tolerance must be > 0");
            if (!Double.isNaN(omega)) OmegaSchedule.fixed(omega);
        }

        /** Plain Sinkhorn (omega = 1). */
        public Options(InverseTemperature schedule, int maxIterations, double tolerance, int blockSize) {
            this(schedule, maxIterations, tolerance, blockSize, 1.0);
        }

        /** A fixed number of iterations, default blocks. */
        public static Options fixed(InverseTemperature schedule, int iterations) {
            return new Options(schedule, iterations, Double.NaN, DEFAULT_BLOCK);
        }

        public Options withBlockSize(int b) {
            return new Options(schedule, maxIterations, tolerance, b, omega);
        }

        public Options withTolerance(double tol) {
            return new Options(schedule, maxIterations, tol, blockSize, omega);
        }

        /** Over-relaxed: {@code omega} fixed, or NaN for the adaptive factor. */
        public Options withOmega(double w) {
            return new Options(schedule, maxIterations, tolerance, blockSize, w);
        }

        /** The initial state of the factor's schedule. */
        double[] omegaSchedule() {
            return Double.isNaN(omega) ? OmegaSchedule.adaptive() : OmegaSchedule.fixed(omega);
        }
    }

    private OnlineSinkhorn() {}

    // ------------------------------------------------------------------ block kernels

    /**
     * The row pass over rows {@code [rowFrom, rowTo)}: for each row, {@code L_i = LSE_j(v_j + log q_j - beta c_ij)}
     * as {@code mx + log s} with {@code mx = max_j z_j}, {@code s = sum_j e^{z_j - mx}} summed in 4 lanes (column j in
     * lane j mod 4, lanes added as {@code (l0 + l1) + (l2 + l3)}; {@link SinkhornKernels}: the Vector API when loaded,
     * else its scalar twin, same bits); the row's contributions to the {@link PlanMetrics} of the plan (u, v, beta)
     * added to {@code metrics[0 .. SLOTS)} in row order; and, if {@code uNext != null}, {@code uNext_i = theta u_i - L_i}.
     *
     * @param u       current u (not modified)
     * @param v       current v, all m entries (not modified)
     * @param beta    the inverse temperature of the plan (beta_{t-1} for the update of iteration t)
     * @param theta   the debiasing weight theta_t (0 for plain and annealed Sinkhorn)
     * @param uNext   output rows {@code [rowFrom, rowTo)}, or null for metrics only. Modified.
     * @param metrics block partial sums, slots {@link PlanMetrics#ERROR} .. {@link PlanMetrics#PU}. Modified
     *                (added to: pass a zeroed array per block and sum the blocks in block order)
     * @param cRow    scratch of length >= m. Modified.
     * @param zRow    scratch of length >= m. Modified.
     * @throws NonFiniteException (iteration -1) if a new u_i, or a row log-sum-exp, is not finite
     */
    public static void uRows(int rowFrom, int rowTo, TransportProblem problem, double[] u, double[] v, double beta,
                             double theta, double[] uNext, double[] metrics, double[] cRow, double[] zRow) {
        uRows(rowFrom, rowTo, problem, u, v, beta, theta, 1.0, uNext, metrics, cRow, zRow, KERNELS);
    }

    /**
     * {@link #uRows(int, int, TransportProblem, double[], double[], double, double, double[], double[], double[],
     * double[])} with over-relaxation: {@code uNext_i = }{@link Overrelaxation#relax}{@code (u_i, theta u_i - L_i,
     * omega)} ({@code omega = 1}: plain).
     */
    public static void uRows(int rowFrom, int rowTo, TransportProblem problem, double[] u, double[] v, double beta,
                             double theta, double omega, double[] uNext, double[] metrics, double[] cRow,
                             double[] zRow) {
        uRows(rowFrom, rowTo, problem, u, v, beta, theta, omega, uNext, metrics, cRow, zRow, KERNELS);
    }

    /**
     * The row pass, one pass over the pairs per row: the row's log-sum-exp is taken with the shift {@code -u_i}
     * (its value in the previous iteration, near the answer) in place of the max ({@link SinkhornKernels#rowShifted});
     * when the shifted sum is out of {@link SinkhornKernels#accepted} range (the first iterations, a jump in beta),
     * that row is redone by the two-pass max form. The decision depends on the row's data only, so the bits do not
     * depend on the blocks' placement.
     */
    static void uRows(int rowFrom, int rowTo, TransportProblem problem, double[] u, double[] v, double beta,
                      double theta, double omega, double[] uNext, double[] metrics, double[] cRow, double[] zRow,
                      SinkhornKernels kernels) {
        Cost cost = problem.cost();
        double[] logQ = problem.logQ();
        double[] p = problem.p();
        int m = cost.m();
        double[] vlq = new double[m];
        for (int j = 0; j < m; j++) vlq[j] = v[j] + logQ[j];
        double[] acc = new double[3 * SinkhornKernels.LANES];
        double[] row = new double[4];
        double err = 0, mass = 0, cst = 0, logRatio = 0, pu = 0;
        for (int i = rowFrom; i < rowTo; i++) {
            double ui = u[i];
            kernels.rowShifted(cost, i, vlq, v, beta, -ui, cRow, zRow, acc, row);
            if (!SinkhornKernels.accepted(row[1])) kernels.row(cost, i, v, logQ, beta, cRow, zRow, acc, row);
            double mx = row[0], s = row[1], wc = row[2], wv = row[3];
            double lse = mx + Math.log(s);
            if (!Double.isFinite(lse)) throw new NonFiniteException(-1, "u", i, -lse);
            double rowMass = p[i] * Math.exp(ui + lse);
            double meanC = wc / s;
            err += Math.abs(rowMass - p[i]);
            mass += rowMass;
            cst += rowMass * meanC;
            logRatio += rowMass * (ui + wv / s - beta * meanC);
            pu += p[i] * ui;
            if (uNext != null) {
                double nu = Overrelaxation.relax(ui, theta * ui - lse, omega);
                if (!Double.isFinite(nu)) throw new NonFiniteException(-1, "u", i, nu);
                uNext[i] = nu;
            }
        }
        metrics[PlanMetrics.ERROR] += err;
        metrics[PlanMetrics.MASS] += mass;
        metrics[PlanMetrics.COST] += cst;
        metrics[PlanMetrics.LOG_RATIO] += logRatio;
        metrics[PlanMetrics.PU] += pu;
    }

    /**
     * The v-side partial of the rows {@code [rowFrom, rowTo)}: for every column j, the {@link LogSumExp} pair of
     * {@code x_ij = u_i + log p_i - beta c_ij} over those rows, by two passes over the block: {@code max_j = max_i x_ij},
     * then {@code sum_j = sum_i e^{x_ij - max_j}} in row order (a column whose entries are all -inf stays the empty
     * pair {@code (-inf, 0)}); {@link SinkhornKernels}, the Vector API when loaded, else its scalar twin, same bits.
     *
     * @param max  output, m entries (overwritten). Modified.
     * @param sum  output, m entries (overwritten). Modified.
     * @param cRow scratch of length >= m. Modified.
     */
    public static void vPartial(int rowFrom, int rowTo, TransportProblem problem, double[] u, double beta,
                                double[] max, double[] sum, double[] cRow) {
        vPartial(rowFrom, rowTo, problem, u, beta, max, sum, cRow, KERNELS);
    }

    static void vPartial(int rowFrom, int rowTo, TransportProblem problem, double[] u, double beta, double[] max,
                         double[] sum, double[] cRow, SinkhornKernels kernels) {
        kernels.columns(problem.cost(), rowFrom, rowTo, u, problem.logP(), beta, max, sum, cRow);
    }

    /**
     * The v-side partial in one pass over the block's pairs: {@code sum_j = sum_i e^{x_ij - shift_j}} with the
     * shift {@code -v_j} of the previous iteration ({@link SinkhornKernels#columnsShifted}), so the pair is
     * {@code (shift_j, sum_j)}; a column whose sum is out of {@link SinkhornKernels#accepted} range gets the two-pass
     * pair {@code (max_j, sum_j)} of {@link #vPartial(int, int, TransportProblem, double[], double, double[],
     * double[], double[])} instead (the whole block by the two-pass kernel when more than an eighth of its columns
     * need it). Pairs of either kind fold by {@link #combine}; the choice depends on the block's data and the shift
     * only, so the bits do not depend on where the block is computed.
     *
     * @param shift the shift per column, m entries (not modified)
     */
    public static void vPartial(int rowFrom, int rowTo, TransportProblem problem, double[] u, double beta,
                                double[] shift, double[] max, double[] sum, double[] cRow) {
        vPartial(rowFrom, rowTo, problem, u, beta, shift, max, sum, cRow, KERNELS);
    }

    static void vPartial(int rowFrom, int rowTo, TransportProblem problem, double[] u, double beta, double[] shift,
                         double[] max, double[] sum, double[] cRow, SinkhornKernels kernels) {
        Cost cost = problem.cost();
        int m = cost.m();
        kernels.columnsShifted(cost, rowFrom, rowTo, u, problem.logP(), beta, shift, sum, cRow);
        int bad = 0;
        for (int j = 0; j < m; j++) {
            if (SinkhornKernels.accepted(sum[j])) {
                max[j] = shift[j];
            } else {
                max[j] = Double.NaN;
                bad++;
            }
        }
        if (bad == 0) return;
        if (bad > m / 8) {
            kernels.columns(cost, rowFrom, rowTo, u, problem.logP(), beta, max, sum, cRow);
            return;
        }
        double[] logP = problem.logP();
        for (int j = 0; j < m; j++) {
            if (!Double.isNaN(max[j])) continue;
            double mx = Double.NEGATIVE_INFINITY;
            for (int i = rowFrom; i < rowTo; i++) mx = Math.max(mx, u[i] + logP[i] - beta * cost.at(i, j));
            double sj = 0;
            for (int i = rowFrom; i < rowTo; i++) {
                sj += lmo.numeric.ExpPoly.exp(u[i] + logP[i] - beta * cost.at(i, j) - mx);
            }
            max[j] = mx;
            sum[j] = mx == Double.NEGATIVE_INFINITY ? 0.0 : sj;
        }
    }

    /**
     * Folds the next block's partial into the accumulator: {@code (max, sum) <- (max, sum) + (blockMax, blockSum)}
     * (see {@link LogSumExp}); call it for blocks 0, 1, 2, ... in that order, starting from the empty pair or from
     * block 0 (identical bits). Modified: max, sum.
     */
    public static void combine(double[] max, double[] sum, double[] blockMax, double[] blockSum) {
        LogSumExp.combine(max, sum, blockMax, blockSum, 0, max.length);
    }

    /**
     * {@code v_j = -(max_j + log sum_j)}, the v-update from the folded pairs. Modified: v.
     *
     * @throws NonFiniteException (iteration -1) naming the first column whose v is not finite
     */
    public static void vFrom(double[] max, double[] sum, double[] v) {
        for (int j = 0; j < v.length; j++) {
            double vj = -LogSumExp.value(max[j], sum[j]);
            if (!Double.isFinite(vj)) throw new NonFiniteException(-1, "v", j, vj);
            v[j] = vj;
        }
    }

    /** Entries of {@link #vUpdate}'s report: the second marginal's l1 error, and the change of v. */
    public static final int SECOND_ERROR = 0, CHANGE = 1;

    /**
     * The over-relaxed v-update from the folded pairs, {@code L_j = max_j + log sum_j}:
     * {@code v_j <- }{@link Overrelaxation#relax}{@code (v_j, -L_j, omega)}, and, for the plan of the new v with the
     * u the pairs came from, its second marginal's l1 error {@code sum_j q_j |e^{v_j + L_j} - 1|} (zero up to
     * rounding at omega = 1) and the change {@code sum_j q_j |v_j,new - v_j,old|}, into {@code report}.
     * Modified: v, report.
     *
     * @throws NonFiniteException (iteration -1) naming the first column whose v is not finite
     */
    public static void vUpdate(double[] max, double[] sum, double[] q, double omega, double[] v, double[] report) {
        double change = 0;
        for (int j = 0; j < q.length; j++) {
            double vj = Overrelaxation.relax(v[j], -LogSumExp.value(max[j], sum[j]), omega);
            if (!Double.isFinite(vj)) throw new NonFiniteException(-1, "v", j, vj);
            change += q[j] * Math.abs(vj - v[j]);
            v[j] = vj;
        }
        report[SECOND_ERROR] = secondMarginalError(max, sum, q, v);
        report[CHANGE] = change;
    }

    /** {@code sum_j q_j |e^{v_j + L_j} - 1|}, the l1 error of the second marginal of the plan of v and the pairs. */
    public static double secondMarginalError(double[] max, double[] sum, double[] q, double[] v) {
        double err = 0;
        for (int j = 0; j < q.length; j++) err += q[j] * Math.abs(Math.expm1(v[j] + LogSumExp.value(max[j], sum[j])));
        return err;
    }

    // ------------------------------------------------------------------ driver

    /** Solves with {@code options}; see the class comment for the iteration. */
    public static SinkhornResult solve(TransportProblem problem, Options options) {
        return solve(problem, options, null);
    }

    /**
     * Solves with {@code options}, calling {@code observer} (if not null) after every iteration with the state of
     * the plan pi_t.
     *
     * @throws NonFiniteException naming the iteration, side and index of the first non-finite potential
     */
    public static SinkhornResult solve(TransportProblem problem, Options options, Observer observer) {
        return solve(problem, options, observer, KERNELS);
    }

    static SinkhornResult solve(TransportProblem problem, Options options, Observer observer, SinkhornKernels kernels) {
        int n = problem.n();
        int m = problem.m();
        int b = options.blockSize();
        InverseTemperature schedule = options.schedule();
        double tol = options.tolerance();
        double massPQ = problem.massP() * problem.massQ();
        double[] u = new double[n];
        double[] uNext = new double[n];
        double[] v = new double[m];
        double[] shift = new double[m];
        double[] max = new double[m];
        double[] sum = new double[m];
        double[] blockMax = new double[m];
        double[] blockSum = new double[m];
        double[] cRow = new double[m];
        double[] zRow = new double[m];
        double[] metrics = new double[PlanMetrics.SLOTS];
        double[] blockMetrics = new double[PlanMetrics.SLOTS];
        double[] report = new double[2];
        double[] omega = options.omegaSchedule();
        List<PlanMetrics> history = new ArrayList<>();
        double beta = schedule.beta(0);
        double secondError = Double.NaN;
        int t = 1;
        for (; t <= options.maxIterations(); t++) {
            double theta = schedule.theta(t);
            try {
                rowPass(problem, u, v, beta, theta, OmegaSchedule.omega(omega), uNext, b, metrics, blockMetrics, cRow,
                        zRow, kernels);
            } catch (NonFiniteException e) {
                throw e.at(t);
            }
            if (t > 1) {
                PlanMetrics pm = PlanMetrics.of(t - 1, beta, metrics, dot(v, problem.q()), massPQ, secondError);
                history.add(pm);
                if (!Double.isNaN(tol) && pm.worstMarginalError() < tol) {
                    return new SinkhornResult(u, v, beta, t - 1, true, tol, List.copyOf(history),
                            problem.cost().describe(), schedule.describe());
                }
                omega = OmegaSchedule.next(omega, report[CHANGE]);
            }
            double[] swap = u;
            u = uNext;
            uNext = swap;
            beta = schedule.beta(t);
            for (int j = 0; j < m; j++) shift[j] = -v[j];
            try {
                vPass(problem, u, beta, b, shift, max, sum, blockMax, blockSum, cRow, kernels);
                vUpdate(max, sum, problem.q(), OmegaSchedule.omega(omega), v, report);
            } catch (NonFiniteException e) {
                throw e.at(t);
            }
            secondError = report[SECOND_ERROR];
            if (observer != null) observer.after(t, u, v, beta);
        }
        int last = t - 1;
        try {
            rowPass(problem, u, v, beta, 0.0, 1.0, null, b, metrics, blockMetrics, cRow, zRow, kernels);
        } catch (NonFiniteException e) {
            throw e.at(last);
        }
        PlanMetrics pm = PlanMetrics.of(last, beta, metrics, dot(v, problem.q()), massPQ, secondError);
        history.add(pm);
        boolean converged = !Double.isNaN(tol) && pm.worstMarginalError() <= tol;
        return new SinkhornResult(u, v, beta, last, converged, tol, List.copyOf(history), problem.cost().describe(),
                schedule.describe());
    }

    /** One full row pass in blocks of b rows; block metric partials summed in block order into metrics. */
    static void rowPass(TransportProblem problem, double[] u, double[] v, double beta, double theta, double omega,
                        double[] uNext, int b, double[] metrics, double[] blockMetrics, double[] cRow, double[] zRow,
                        SinkhornKernels kernels) {
        java.util.Arrays.fill(metrics, 0.0);
        int n = problem.n();
        for (int from = 0; from < n; from += b) {
            java.util.Arrays.fill(blockMetrics, 0.0);
            uRows(from, Math.min(n, from + b), problem, u, v, beta, theta, omega, uNext, blockMetrics, cRow, zRow,
                    kernels);
            for (int k = 0; k < metrics.length; k++) metrics[k] += blockMetrics[k];
        }
    }

    /** One full v-side pass: the one-pass block partials (shifted by {@code shift}) folded in block order. */
    static void vPass(TransportProblem problem, double[] u, double beta, int b, double[] shift, double[] max,
                      double[] sum, double[] blockMax, double[] blockSum, double[] cRow, SinkhornKernels kernels) {
        int n = problem.n();
        LogSumExp.clear(max, sum);
        for (int from = 0; from < n; from += b) {
            vPartial(from, Math.min(n, from + b), problem, u, beta, shift, blockMax, blockSum, cRow, kernels);
            combine(max, sum, blockMax, blockSum);
        }
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) s += a[k] * b[k];
        return s;
    }
}
