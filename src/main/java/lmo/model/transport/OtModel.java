package lmo.model.transport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lmo.io.FinalTable;
import lmo.particles.Gathered;
import lmo.io.RunLayout;
import lmo.io.Table;
import lmo.transport.ExactOt;
import lmo.transport.Rounding;
import lmo.particles.Block;
import lmo.particles.Reduction;
import lmo.particles.Summaries;
import lmo.model.Model;
import lmo.transport.Cost;
import lmo.transport.EpsilonStages;
import lmo.transport.InverseTemperature;
import lmo.transport.NonFiniteException;
import lmo.transport.OmegaSchedule;
import lmo.transport.OnlineSinkhorn;
import lmo.transport.PlanMetrics;
import lmo.transport.TransportProblem;

/**
 * Entropic optimal transport between the particles of one population (the sources x_i with masses p_i) and a fixed
 * target cloud (y_j, q_j), solved by log-domain Sinkhorn in the engine: one engine step is one iteration of
 * {@link OnlineSinkhorn} (Chizat 2024, Algorithms 1 and 3, notebook form), with the cost c of {@link Cost} (its kind
 * and normalisation stated in every output) and the inverse temperatures beta_t of an {@link InverseTemperature}
 * (with {@link EpsilonStages}, the beta of the stage that the global state carries: epsilon scaling in stages).
 * <ul>
 *   <li>State k: the potential {@code u_k} is the particles' solver state (one value each; hashed, checkpointed);
 *       round 0 is a LOG_SUM_EXP over the particles, one term per target, whose global step gives
 *       {@code v_k = -LSE_i(u_k,i + log p_i - beta_k c_ij)} ({@code v_0 = 0}, as the notebook starts).</li>
 *   <li>Update k (iteration t = k + 1): {@code u_{k+1,i} = theta_{k+1} u_k,i - LSE_j(v_k,j + log q_j - beta_k c_ij)}, row
 *       by row, online (no n x m matrix); the same row pass gives the metrics of the plan
 *       {@code pi_k = exp(u_k + log p + v_k + log q - beta_k c)} ({@link PlanMetrics}).</li>
 * </ul>
 * For problems of at most {@link #ROUNDED_CELLS} pairs, round 1 concatenates u, and the metrics of logged steps add
 * {@code roundedCost} (the plan rounded onto Gamma(p, q), Algorithm 2); up to {@link #EXACT_CELLS} pairs also
 * {@code suboptimality} against the exact optimum (network simplex, computed once): the annealing paper's error
 * measure, per logged iteration.
 *
 * <p>So a run of K steps makes K iterations, and its final state (u_K, v_K) is the notebook's after K iterations; its
 * last metrics row is the plan after iteration K. The particles do not move ({@code dynamics: none}).
 *
 * <p>A non-finite potential stops the run with the engine's diagnostic (step, particle); in the max-stabilised
 * log domain this does not happen on a normalised cost even at beta = 1e5.
 */
public final class OtModel implements Model {
    private final int population;
    private final Cost cost;
    private final double[] q;
    private final InverseTemperature schedule;
    private final double massPQ;
    private final double tolerance;
    private final boolean stopAtTolerance;
    private final boolean roundable;
    private final boolean exactKnown;
    private final TransportProblem problem;
    private final double omega;
    private final EpsilonStages stages;
    private volatile Double exact;

    /**
     * @param population index of the sources' population
     * @param cost the cost between all sources (their initial positions, which fix the normalisation) and the targets
     * @param p the sources' masses (for |p|)
     * @param q the targets' weights, strictly positive
     * @param tolerance the marginal error below which the run counts as converged (NaN: no flag)
     */
    public OtModel(int population, Cost cost, double[] p, double[] q, InverseTemperature schedule, double tolerance) {
        this(population, cost, p, q, schedule, tolerance, false);
    }

    /**
     * @param stopAtTolerance end the run at the first logged state whose marginal error is at most the tolerance
     *     ({@link #converged})
     */
    public OtModel(int population, Cost cost, double[] p, double[] q, InverseTemperature schedule, double tolerance,
                   boolean stopAtTolerance) {
        this(population, cost, p, q, schedule, tolerance, stopAtTolerance, 1.0);
    }

    /**
     * @param omega over-relaxation ({@link OnlineSinkhorn.Options#omega}): 1 plain Sinkhorn, a fixed factor in
     *     (1, {@link lmo.transport.Overrelaxation#MAX_OMEGA}], or NaN for the adaptive {@link OmegaSchedule}
     */
    public OtModel(int population, Cost cost, double[] p, double[] q, InverseTemperature schedule, double tolerance,
                   boolean stopAtTolerance, double omega) {
        this(population, cost, p, q, schedule, tolerance, stopAtTolerance, omega, null);
    }

    /**
     * @param stages epsilon scaling with inner iterations (the step's beta from the stage in the global state), or
     *     null: the step's beta is {@code schedule.beta(step)}
     */
    public OtModel(int population, Cost cost, double[] p, double[] q, InverseTemperature schedule, double tolerance,
                   boolean stopAtTolerance, double omega, EpsilonStages stages) {
        if (!Double.isNaN(omega)) OmegaSchedule.fixed(omega); // checks the range
        this.omega = omega;
        this.stages = stages;
        if (stopAtTolerance && Double.isNaN(tolerance)) throw new IllegalArgumentException("stopAtTolerance needs a tolerance");
        this.stopAtTolerance = stopAtTolerance;
        this.population = population;
        this.cost = cost;
        this.q = q.clone();
        this.schedule = schedule;
        double mp = 0, mq = 0;
        for (double w : p) mp += w;
        for (double w : q) mq += w;
        this.massPQ = mp * mq;
        this.tolerance = tolerance;
        this.roundable = (long) cost.n() * cost.m() <= ROUNDED_CELLS;
        this.exactKnown = (long) cost.n() * cost.m() <= EXACT_CELLS;
        this.problem = TransportProblem.of(cost, p.clone(), this.q);   // checks the weights; logQ once for all blocks
    }

    /** OT(p, q) on the normalised cost by the network simplex, computed once (on the scheduler, when first asked). */
    private double exactOt() {
        Double e = exact;
        if (e == null) {
            e = ExactOt.of(problem).value();
            exact = e;
        }
        return e;
    }

    public Cost cost() { return cost; }
    public InverseTemperature schedule() { return schedule; }

    @Override public int solverWidth(int p) { return p == population ? 1 : 0; }
    /**
     * Round 0 folds the v-update's log-sum-exps; problems of at most {@link #ROUNDED_CELLS} pairs add round 1, the
     * potentials u concatenated (n doubles), so that logged steps can round the plan and compare it with the exact
     * optimum.
     */
    @Override public int rounds() { return roundable ? 2 : 1; }

    @Override
    public Reduction reduction(int round) { return round == 0 ? Reduction.logSumExp(cost.m()) : Reduction.concat(1); }

    private TransportProblem rows(Block b) {
        return problem.withRows(cost.rows(b.x(), b.count()), b.m());
    }

    /**
     * The global state of step k: {@code v_{k-1}} (m doubles; zeros at step 0), whose negation shifts the one-pass
     * column log-sum-exps and which the over-relaxed v-update starts from, then the {@link OmegaSchedule}, then with
     * epsilon stages the {@link EpsilonStages} state (the stage of step k).
     */
    @Override public int globalStateLength() {
        return cost.m() + OmegaSchedule.LENGTH + (stages == null ? 0 : EpsilonStages.LENGTH);
    }

    @Override
    public double[] initialGlobalState() {
        double[] g = new double[globalStateLength()];
        double[] w = Double.isNaN(omega) ? OmegaSchedule.adaptive() : OmegaSchedule.fixed(omega);
        System.arraycopy(w, 0, g, cost.m(), w.length);
        return g;
    }

    private double[] omegaState(double[] global) {
        return Arrays.copyOfRange(global, cost.m(), cost.m() + OmegaSchedule.LENGTH);
    }

    private double[] stageState(double[] global) {
        int at = cost.m() + OmegaSchedule.LENGTH;
        return Arrays.copyOfRange(global, at, at + EpsilonStages.LENGTH);
    }

    /**
     * The block's pair per target of {@code u_i + log p_i - beta_k c_ij}, k the state's step, in one pass shifted by
     * {@code -v_{k-1}} ({@link OnlineSinkhorn#vPartial(int, int, TransportProblem, double[], double, double[],
     * double[], double[], double[])}).
     */
    @Override
    public void partial(int round, Block b, Summaries done, double[] out) {
        if (b.population() != population) return;
        if (round == 1) {
            System.arraycopy(b.s(), 0, out, 0, b.count());
            return;
        }
        int m = cost.m();
        double[] shift = new double[m], max = new double[m], sum = new double[m];
        double[] g = done.global();
        for (int j = 0; j < m; j++) shift[j] = -g[j];
        OnlineSinkhorn.vPartial(0, b.count(), rows(b), b.s(), beta(done.step(), g), shift, max, sum, new double[m]);
        System.arraycopy(max, 0, out, 0, m);
        System.arraycopy(sum, 0, out, m, m);
    }

    /**
     * Replaces the folded pairs by {@code v_k} (zeros at step 0; else {@link OnlineSinkhorn#vUpdate} from
     * {@code v_{k-1}} with the factor omega_k), followed by the second marginal's error of the plan of state k and
     * the change {@code sum_j q_j |v_k - v_{k-1}|} ({@link #SUMMARY_EXTRA} entries).
     */
    @Override
    public void globalStep(int round, Summaries s) {
        if (round == 1) return;
        int m = cost.m();
        double[] out = new double[m + SUMMARY_EXTRA];
        double[] pairs = s.sum(round);
        double[] max = Arrays.copyOfRange(pairs, 0, m), sum = Arrays.copyOfRange(pairs, m, 2 * m);
        double[] v = s.step() > 0 ? Arrays.copyOf(s.global(), m) : new double[m];
        double[] report = new double[SUMMARY_EXTRA];
        try {
            if (s.step() > 0) {
                OnlineSinkhorn.vUpdate(max, sum, q, OmegaSchedule.omega(omegaState(s.global())), v, report);
            } else {
                report[OnlineSinkhorn.SECOND_ERROR] = OnlineSinkhorn.secondMarginalError(max, sum, q, v);
            }
        } catch (NonFiniteException e) {
            Arrays.fill(v, Double.NaN); // the u-update turns it into the engine's divergence (step, particle)
        }
        System.arraycopy(v, 0, out, 0, m);
        System.arraycopy(report, 0, out, m, SUMMARY_EXTRA);
        s.set(round, out);
    }

    /** Entries after v in the round-0 summary: the second marginal's error, the change of v. */
    static final int SUMMARY_EXTRA = 2;

    /**
     * {@code v_k}, the factor's schedule advanced by the change of v (not at step 0, where v is not updated), and the
     * epsilon stage advanced by this iteration's second-marginal error.
     */
    @Override
    public double[] carryGlobal(Summaries done) {
        int m = cost.m();
        double[] next = Arrays.copyOf(done.sum(0), globalStateLength());
        double[] w = omegaState(done.global());
        if (done.step() > 0) w = OmegaSchedule.next(w, done.sum(0)[m + OnlineSinkhorn.CHANGE]);
        System.arraycopy(w, 0, next, m, w.length);
        if (stages != null) {
            double[] now = stageState(done.global());
            double[] st = stages.next(now, done.sum(0)[m + OnlineSinkhorn.SECOND_ERROR]);
            System.arraycopy(st, 0, next, m + OmegaSchedule.LENGTH, st.length);
            if (Double.isNaN(omega) && EpsilonStages.stage(st) != EpsilonStages.stage(now)) {   // a new rate to estimate
                double[] fresh = OmegaSchedule.adaptive();
                System.arraycopy(fresh, 0, next, m, fresh.length);
            }
        }
        return next;
    }

    /** The u-update of iteration k + 1 into the next solver state, and the plan metrics of state k; V = 0. */
    @Override
    public void firstVariation(Block b, Summaries s, double[] v, double[] gradV, double[] metricSums) {
        Arrays.fill(v, 0, b.count(), 0.0);
        Arrays.fill(gradV, 0, b.count() * b.dim(), 0.0);
        if (b.population() != population) return;
        long k = s.step();
        int m = cost.m();
        try {
            OnlineSinkhorn.uRows(0, b.count(), rows(b), b.s(), s.sum(0), beta(k, s.global()), schedule.theta((int) k + 1),
                    OmegaSchedule.omega(omegaState(s.global())), b.sNext(), metricSums, new double[m], new double[m]);
        } catch (NonFiniteException e) {
            Arrays.fill(b.sNext(), Double.NaN); // the engine names the step and the particle
        }
    }

    /** The beta of step k: the schedule's beta_k, or with epsilon stages the beta of the stage in the global state. */
    private double beta(long step, double[] global) {
        return stages == null ? schedule.beta((int) step) : stages.beta(stageState(global));
    }

    /** Whether a plan at this beta is at the schedule's target: epsilon scaling converges only at beta_max. */
    private boolean atTarget(double beta) {
        return schedule.kind() != InverseTemperature.Kind.EPSILON_SCALING || beta >= schedule.betaMax();
    }

    @Override public int metricSumLength() { return PlanMetrics.SLOTS; }

    /** Sinkhorn with a stale half-step is plain Sinkhorn run s + 1 times slower: nothing to gain, so refused. */
    @Override public String staleSummaryProblem() {
        return "a Sinkhorn iteration that reads the other potential of s steps before is plain Sinkhorn s + 1 times"
                + " slower (each potential is updated from a stale one), so there is nothing to gain";
    }

    /**
     * With {@code stopAtTolerance}: both l1 marginal errors of the plan (metrics 1 and 2) are at most the tolerance,
     * at the schedule's target beta (metric 0; epsilon scaling: beta_max).
     */
    @Override
    public boolean converged(double[] metrics) {
        return stopAtTolerance && atTarget(metrics[0]) && Math.max(metrics[1], metrics[2]) <= tolerance;
    }

    /**
     * The cost (kind, normalisation, the scale that converts values back: {@code raw = value * scale}), the
     * schedule and what beta means, the plan's form, and the entropy reference of {@code kl}, {@code primal},
     * {@code dual}; with the tolerance behind {@code converged}.
     */
    @Override
    public Map<String, Object> conventions() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("cost", cost.describe());
        c.put("normalize", cost.normalize().id());
        c.put("scale", cost.scale());
        c.put("values", "cost, dual, primal, roundedCost, exactOt, suboptimality are on the normalised cost c / scale");
        c.put("beta", stages == null ? schedule.describe() : stages.describe());
        c.put("plan", "pi_ij = exp(u_i + log p_i + v_j + log q_j - beta c_ij); u is "
                + RunLayout.solver(RunLayout.finalState("<population>")));
        c.put("marginalError", "l1 distance of the plan's first marginal to p");
        c.put("secondMarginalError", "l1 distance of the plan's second marginal to q (zero up to rounding unless"
                + " over-relaxed)");
        c.put("acceleration", Double.isNaN(omega) ? "over-relaxation, adaptive factor (Thibault et al. 2017), safe"
                + " per coordinate" : omega == 1 ? "none (plain Sinkhorn)" : "over-relaxation, fixed factor " + omega
                + ", safe per coordinate");
        c.put("entropyReference", "KL(pi | p (x) q) = sum pi log(pi / (p q)) - |pi| + |p||q|, in kl, primal and dual");
        if (!Double.isNaN(tolerance)) c.put("tolerance", tolerance);
        return c;
    }

    @Override
    public List<String> metricNames() {
        List<String> names = new ArrayList<>(List.of("beta", "marginalError", "secondMarginalError", "cost", "dual",
                "primal", "kl", "mass"));
        if (!Double.isNaN(tolerance)) names.add("converged");
        if (roundable) names.add("roundedCost");
        if (exactKnown) names.add("suboptimality");
        return names;
    }

    @Override
    public double[] metrics(Summaries s, double[] sums) {
        long k = s.step();
        double vq = 0;
        int m = cost.m();
        double[] v = Arrays.copyOf(s.sum(0), m);
        for (int j = 0; j < m; j++) vq += v[j] * q[j];
        double beta = beta(k, s.global());
        PlanMetrics pm = PlanMetrics.of((int) k, beta, sums, vq, massPQ, s.sum(0)[m + OnlineSinkhorn.SECOND_ERROR]);
        List<Double> out = new ArrayList<>(List.of(pm.beta(), pm.marginalError(), pm.secondMarginalError(), pm.cost(),
                pm.dual(), pm.primal(), pm.kl(), pm.mass()));
        if (!Double.isNaN(tolerance)) out.add(atTarget(beta) && pm.worstMarginalError() <= tolerance ? 1.0 : 0.0);
        if (roundable) {
            double rounded = Rounding.roundedCost(problem, s.sum(1), v, beta);
            out.add(rounded);
            if (exactKnown) out.add(rounded - exactOt());
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Plans up to this many cells get {@code roundedCost} (metrics and {@code transport.csv}). */
    public static final long ROUNDED_CELLS = 10_000_000L;

    /** Plans up to this many cells also get the exact OT value (network simplex) and {@code suboptimality}. */
    public static final long EXACT_CELLS = 4_000_000L;

    /**
     * {@code transport.csv}, for problems of at most {@link #ROUNDED_CELLS} pairs: the final plan
     * {@code pi_K = exp(u_K + log p + v_K + log q - beta_K c)} rounded onto Gamma(p, q) (Algorithm 2), its cost, and
     * up to {@link #EXACT_CELLS} pairs the exact OT value by the network simplex and their difference (the annealing
     * paper's error measure), all on the
     * normalised cost, and the scale that converts them back ({@code raw = value * scale}).
     */
    @Override
    public Map<String, FinalTable> finalTables(Gathered state, long step) {
        int n = cost.n(), m = cost.m();
        if (!roundable) return Map.of();
        TransportProblem problem = this.problem.withRows(cost.rows(state.x()[population], n), state.m()[population]);
        double[] u = state.s()[population];
        double beta = beta(step, state.global());
        double[] max = new double[m], sum = new double[m], v = new double[m];
        if (step > 0) {   // v_K from v_{K-1} (the global state) as the round-0 global step makes it
            double[] g = state.global();
            double[] shift = new double[m];
            for (int j = 0; j < m; j++) shift[j] = -g[j];
            System.arraycopy(g, 0, v, 0, m);
            OnlineSinkhorn.vPartial(0, n, problem, u, beta, shift, max, sum, new double[m]);
            OnlineSinkhorn.vUpdate(max, sum, q, OmegaSchedule.omega(omegaState(g)), v, new double[SUMMARY_EXTRA]);
        }
        double rounded = Rounding.roundedCost(problem, u, v, beta);
        if (!exactKnown) {
            Table row = new Table(1, 3, new double[] {beta, rounded, cost.scale()});
            return Map.of(RunLayout.TRANSPORT, new FinalTable(List.of("beta", "roundedCost", "scale"), row));
        }
        double exact = exactOt();
        Table row = new Table(1, 5, new double[] {beta, rounded, exact, rounded - exact, cost.scale()});
        return Map.of(RunLayout.TRANSPORT, new FinalTable(List.of("beta", "roundedCost", "exactOt", "suboptimality", "scale"), row));
    }

    /**
     * Blocks of 256 rows (fewer down to 64 so that a population under 2048 still makes 8 blocks), or larger so that
     * the partials of a round take at most 64 MB ({@code blocks * 2m} doubles). A block costs O(m) outside its pairs
     * (its partial buffers, the fold), as much as 8 % of W1's time at 64 rows; 256 rows took W1 from 35.1 to 31.5 ms
     * an iteration at n = m = 4000 and from 199 to 184 ms at 10000 (measured 2026-12-07).
     */
    @Override
    public int defaultBlockSize(int[] counts) {
        long n = counts[population], perBlock = 2L * cost.m() * 8;
        long blocks = Math.max(1, 64L * 1024 * 1024 / perBlock);
        long rows = Math.max(64, Math.min(256, (n + 7) / 8));
        return (int) Math.max(rows, Math.min(n, (n + blocks - 1) / blocks));
    }

    /** Two passes over all pairs per iteration. */
    @Override
    public double pairEvaluationsPerStep(int[] counts) { return 2.0 * counts[population] * cost.m(); }
}
