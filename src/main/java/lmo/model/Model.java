package lmo.model;

import java.util.List;
import java.util.Map;
import lmo.io.FinalTable;
import lmo.particles.Block;
import lmo.particles.Gathered;
import lmo.particles.Reduction;
import lmo.particles.Summaries;

/**
 * A functional F over the weighted empirical measures of the populations, seen through its first variation
 * {@code V(x) = dF/dmu(x)}. The model never sees actors, shards or JVMs: the engine reduces the model's per-block
 * partial summaries in block order, hands the combined {@link Summaries} back, and asks for V and grad V block by
 * block.
 *
 * <p>One step of the engine, for a one-round model: round 0 is reduced over all blocks (a SUM of
 * {@link #partial} outputs, or a GATHER of every particle), then {@link #firstVariation} runs on every block and the
 * dynamics moves its particles. {@link #firstVariation} also adds the block's share of the metric sums, so
 * metrics of the state that V was evaluated at cost no extra pass.
 *
 * <p>Implementations are immutable after construction and thread-safe: several shards call them at once.
 */
public interface Model {

    /** Reduce rounds per step; round r may read the summaries of rounds before r. */
    default int rounds() { return 1; }

    /** What round r reduces. */
    Reduction reduction(int round);

    /**
     * Adds this block's share of round r's SUM summary to {@code out} (length {@code reduction(round).length()},
     * zeroed by the caller), folds its particles into the (max, scaled sum) pairs of a LOG_SUM_EXP round ({@code out}
     * holds the identity {@code (-Infinity, 0)}, see {@link Reduction.Kind#LOG_SUM_EXP}), or writes its particles'
     * rows of a CONCAT round ({@code count * length}, particle i at {@code i * length}). Not called for GATHER rounds.
     *
     * @param done the summaries of the rounds before r (not modified)
     */
    default void partial(int round, Block block, Summaries done, double[] out) {
        throw new UnsupportedOperationException("model " + getClass().getSimpleName() + " has no SUM round " + round);
    }

    /**
     * Work on the combined summary of round r, on the scheduler, before anything else reads it: e.g. solve a small
     * global problem (the ridge system of a bilevel model) and {@link Summaries#set replace} the round's summary by
     * its solution (a {@code double[]}, so that it can cross JVMs). Runs once per round per step, single-threaded;
     * keep it cheap next to the shards' work. The default does nothing.
     */
    default void globalStep(int round, Summaries summaries) {}

    /**
     * The first variation at the block's current particles: {@code v[i] = V(x_i)}, and its ambient gradient
     * {@code gradV[i*dim + c]}. Adds this block's share of the metric sums to {@code metricSums} (length
     * {@link #metricSumLength()}, zeroed by the caller; the engine adds blocks up in block order).
     * Particles of populations the model does not act on get {@code v = 0, gradV = 0}.
     *
     * @param v modified, length at least {@code block.count()}
     * @param gradV modified, length at least {@code block.count() * block.dim()}
     */
    void firstVariation(Block block, Summaries summaries, double[] v, double[] gradV, double[] metricSums);

    /**
     * Doubles of per-particle solver state (a Sinkhorn potential, say) that the model keeps for each particle of
     * population p, besides its position and mass: 0 by default. The engine stores them in the blocks, starts them
     * at 0, hands the current values in {@link Block#s()} and a copy in {@link Block#sNext()} that
     * {@link #firstVariation} may overwrite with the next values, and commits, rolls back, checkpoints, hashes and
     * moves them with the particles.
     */
    default int solverWidth(int population) { return 0; }

    /**
     * Doubles of state the model keeps across steps that belong to no particle (the warm-started Sinkhorn potentials
     * on a barycenter's input points, say): 0 by default. The scheduler owns it: {@link Summaries#global()} hands
     * the value at the start of each step to every block and to {@link #globalStep}; when an update commits, the
     * next value is {@link #carryGlobal} of that step's summaries. The engine hashes (after the solver arrays),
     * checkpoints and sends it with the state; a rolled-back step leaves it unchanged. Models with global state
     * take one extra message round per step (the round-0 partials of the new state need its new global state) and
     * do not combine with multi-stage dynamics or mass renormalisation.
     */
    default int globalStateLength() { return 0; }

    /** The global state of step 0 ({@link #globalStateLength} doubles): zeros by default. */
    default double[] initialGlobalState() { return new double[globalStateLength()]; }

    /**
     * The global state of step k + 1 from the summaries of step k (all rounds reduced, {@link Summaries#global()}
     * the state of step k): by default unchanged. Runs on the scheduler when the update from step k commits; a
     * non-finite entry stops the run as a divergence of step k. Must not modify the summaries.
     */
    default double[] carryGlobal(Summaries done) { return done.global(); }

    /** Length of the per-block metric sums. */
    int metricSumLength();

    /** How the blocks' metric entries combine: how entry i of two blocks is merged. */
    enum MetricCombine { SUM, MAX, MIN }

    /**
     * How each entry of the metric sums combines over blocks (in block order): SUM by default; MAX or MIN for
     * extremes (e.g. the best response among a player's particles). The engine hands {@link #firstVariation} the
     * identity of each entry ({@code 0}, {@code -Infinity} for MAX, {@code +Infinity} for MIN), so a block that does
     * not touch an entry leaves it neutral.
     */
    default MetricCombine metricCombine(int entry) { return MetricCombine.SUM; }

    /**
     * True for a metric measured on some steps only (an error against a reference run's final state, a sharpness every
     * k steps): NaN on the other steps is then not a divergence; at the run's last step it must be finite. False by
     * default.
     */
    default boolean occasionalMetric(int index) { return false; }

    /**
     * True when the run may end at this state because the model's solver has converged and the scenario asked to stop
     * then (ot's {@code stopAtTolerance}); the engine checks it on logged states, after the metrics, and ends the run
     * there (completed, the state kept as final). False by default.
     *
     * @param metrics this model's metrics of the state, as {@link #metrics} returned them
     */
    default boolean converged(double[] metrics) { return false; }

    /**
     * Why this model cannot take a stale summary ({@code engine.sync: delayed} or {@code bounded}: step k evaluates
     * the first variation at state k from the summary of an earlier state), or null when it can. A model that
     * returns null states in its documentation what a stale summary means for it. The default refuses: a model opts
     * in.
     */
    default String staleSummaryProblem() {
        return "the model has not stated what a stale summary means for it";
    }

    /**
     * True when every round-0 partial is linear in the block's masses (a SUM of {@code m_i phi(x_i)}, or a GATHER),
     * so that multiplying a population's masses by c multiplies its partials by c: the asynchronous modes then
     * renormalise masses lazily (see docs/engine.md). False by default.
     */
    default boolean partialsLinearInMass() { return false; }

    /**
     * The largest rate lambda of the linearised flow around the target, per unit of mean-field time, when known
     * (NaN otherwise): the flow of the positions, {@code dx/dt = -grad V} (the transport part of {@code wasserstein},
     * {@code langevin} and {@code wfr}), linearised at the state the model drives the particles to; a perturbation
     * of that mode decays like {@code exp(-lambda t)}, and one explicit Euler step of size eta multiplies it by
     * {@code 1 - eta lambda}. The scenario checks an asynchronous step against it ({@code eta lambda} below
     * {@code 2 sin(pi / (2 (2s + 1)))} with staleness s).
     */
    default double largestLinearRate() { return Double.NaN; }

    /**
     * The conventions behind this model's numbers, written as the {@code conventions} object of {@code summary.json}
     * (e.g. ot's cost, its normalisation and scale, what beta means, the entropy reference of {@code dual}), so that
     * a run directory says what its outputs mean without the scenario. Values are strings or numbers, in a stable
     * order; the default states none.
     */
    default Map<String, Object> conventions() { return Map.of(); }

    /** Names of the metrics (columns of metrics.csv), in the order {@link #metrics} returns them. */
    List<String> metricNames();

    /**
     * The metrics of the state the summaries were computed from.
     *
     * @param metricSums the block metric sums, added up in block order (not modified)
     */
    double[] metrics(Summaries summaries, double[] metricSums);

    /**
     * The block size used when the scenario says {@code engine.blockSize: auto}: large enough that (blocks x
     * summary length) doubles per round stay within a few tens of MB, small enough to spread work over shards.
     *
     * @param counts the particle count of every population, by population index
     */
    default int defaultBlockSize(int[] counts) { return 256; }

    /**
     * Kernel (pair) evaluations per step, for throughput reports; 0 when the notion does not apply.
     *
     * @param counts the particle count of every population, by population index
     */
    default double pairEvaluationsPerStep(int[] counts) { return 0; }

    /**
     * Tables of the final state, by file name (e.g. {@code predictor.csv}: a network's output on a grid of inputs),
     * written into the run directory when the run completes; called once, on the scheduler. The default writes none.
     *
     * @param finalState every population's final positions and masses, in id order
     */
    default Map<String, FinalTable> finalTables(Gathered finalState) { return Map.of(); }

    /**
     * {@link #finalTables(Gathered)} for a model that needs the step of the final state (a schedule position); the
     * engine calls this one.
     */
    default Map<String, FinalTable> finalTables(Gathered finalState, long step) { return finalTables(finalState); }
}
