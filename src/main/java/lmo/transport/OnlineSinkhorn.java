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
     * @param tolerance     stop when the l1 first-marginal error is below it; NaN for a fixed T
     * @param blockSize     rows per block B (>= 1; need not divide n)
     */
    public record Options(InverseTemperature schedule, int maxIterations, double tolerance, int blockSize) {
        public Options {
            if (maxIterations < 1) throw new IllegalArgumentException("maxIterations must be >= 1");
            if (blockSize < 1) throw new IllegalArgumentException("blockSize must be >= 1");
            if (!Double.isNaN(tolerance) && !(tolerance > 0)) throw new IllegalArgumentException("tolerance must be > 0");
        }

        /** A fixed number of iterations, default blocks. */
        public static Options fixed(InverseTemperature schedule, int iterations) {
            return new Options(schedule, iterations, Double.NaN, DEFAULT_BLOCK);
        }

        public Options withBlockSize(int b) {
            return new Options(schedule, maxIterations, tolerance, b);
        }

        public Options withTolerance(double tol) {
            return new Options(schedule, maxIterations, tol, blockSize);
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
        uRows(rowFrom, rowTo, problem, u, v, beta, theta, uNext, metrics, cRow, zRow, KERNELS);
    }

    static void uRows(int rowFrom, int rowTo, TransportProblem problem, double[] u, double[] v, double beta,
                      double theta, double[] uNext, double[] metrics, double[] cRow, double[] zRow,
                      SinkhornKernels kernels) {
        Cost cost = problem.cost();
        double[] logQ = problem.logQ();
        double[] p = problem.p();
        double[] acc = new double[3 * SinkhornKernels.LANES];
        double[] row = new double[4];
        double err = 0, mass = 0, cst = 0, logRatio = 0, pu = 0;
        for (int i = rowFrom; i < rowTo; i++) {
            kernels.row(cost, i, v, logQ, beta, cRow, zRow, acc, row);
            double mx = row[0], s = row[1], wc = row[2], wv = row[3];
            double lse = mx + Math.log(s);
            if (!Double.isFinite(lse)) throw new NonFiniteException(-1, "u", i, -lse);
            double ui = u[i];
            double rowMass = p[i] * Math.exp(ui + lse);
            double meanC = wc / s;
            err += Math.abs(rowMass - p[i]);
            mass += rowMass;
            cst += rowMass * meanC;
            logRatio += rowMass * (ui + wv / s - beta * meanC);
            pu += p[i] * ui;
            if (uNext != null) {
                double nu = theta * ui - lse;
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
        double[] max = new double[m];
        double[] sum = new double[m];
        double[] blockMax = new double[m];
        double[] blockSum = new double[m];
        double[] cRow = new double[m];
        double[] zRow = new double[m];
        double[] metrics = new double[PlanMetrics.SLOTS];
        double[] blockMetrics = new double[PlanMetrics.SLOTS];
        List<PlanMetrics> history = new ArrayList<>();
        double beta = schedule.beta(0);
        int t = 1;
        for (; t <= options.maxIterations(); t++) {
            double theta = schedule.theta(t);
            try {
                rowPass(problem, u, v, beta, theta, uNext, b, metrics, blockMetrics, cRow, zRow, kernels);
            } catch (NonFiniteException e) {
                throw e.at(t);
            }
            if (t > 1) {
                PlanMetrics pm = PlanMetrics.of(t - 1, beta, metrics, dot(v, problem.q()), massPQ);
                history.add(pm);
                if (!Double.isNaN(tol) && pm.marginalError() < tol) {
                    return new SinkhornResult(u, v, beta, t - 1, pm.marginalError() <= tol, tol, List.copyOf(history),
                            problem.cost().describe(), schedule.describe());
                }
            }
            double[] swap = u;
            u = uNext;
            uNext = swap;
            beta = schedule.beta(t);
            try {
                vPass(problem, u, beta, b, max, sum, blockMax, blockSum, cRow, v, kernels);
            } catch (NonFiniteException e) {
                throw e.at(t);
            }
            if (observer != null) observer.after(t, u, v, beta);
        }
        int last = t - 1;
        try {
            rowPass(problem, u, v, beta, 0.0, null, b, metrics, blockMetrics, cRow, zRow, kernels);
        } catch (NonFiniteException e) {
            throw e.at(last);
        }
        PlanMetrics pm = PlanMetrics.of(last, beta, metrics, dot(v, problem.q()), massPQ);
        history.add(pm);
        boolean converged = !Double.isNaN(tol) && pm.marginalError() <= tol;
        return new SinkhornResult(u, v, beta, last, converged, tol, List.copyOf(history), problem.cost().describe(),
                schedule.describe());
    }

    /** One full row pass in blocks of b rows; block metric partials summed in block order into metrics. */
    static void rowPass(TransportProblem problem, double[] u, double[] v, double beta, double theta, double[] uNext,
                        int b, double[] metrics, double[] blockMetrics, double[] cRow, double[] zRow,
                        SinkhornKernels kernels) {
        java.util.Arrays.fill(metrics, 0.0);
        int n = problem.n();
        for (int from = 0; from < n; from += b) {
            java.util.Arrays.fill(blockMetrics, 0.0);
            uRows(from, Math.min(n, from + b), problem, u, v, beta, theta, uNext, blockMetrics, cRow, zRow, kernels);
            for (int k = 0; k < metrics.length; k++) metrics[k] += blockMetrics[k];
        }
    }

    /** One full v-update: block partials folded in block order, then v. */
    static void vPass(TransportProblem problem, double[] u, double beta, int b, double[] max, double[] sum,
                      double[] blockMax, double[] blockSum, double[] cRow, double[] v, SinkhornKernels kernels) {
        int n = problem.n();
        LogSumExp.clear(max, sum);
        for (int from = 0; from < n; from += b) {
            vPartial(from, Math.min(n, from + b), problem, u, beta, blockMax, blockSum, cRow, kernels);
            combine(max, sum, blockMax, blockSum);
        }
        vFrom(max, sum, v);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) s += a[k] * b[k];
        return s;
    }
}
