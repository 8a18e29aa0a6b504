package lmo.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lmo.model.Model;
import lmo.particles.Gathered;
import lmo.particles.Summaries;

/**
 * The step loop as a state machine, with no actors and no threads: it issues one {@link Order} at a time, takes
 * the shards' reports back, combines them in block order, logs metrics and snapshots through a
 * {@link RunObserver}, and decides the next order. The plain loop ({@link LocalEngine}) and the scheduler actor
 * both drive this class, so they cannot disagree on what a step is.
 *
 * <p>One step k (state k to state k+1), for a one-round model without mass normalisation, is one message round:
 * {@code Apply(k)} evaluates V at state k from the round-0 summary, adds metric sums, moves the particles, and
 * returns the round-0 partials of state k+1. Extra rounds ({@code Partials}), mass normalisation
 * ({@code Normalize}) and snapshots and checkpoints ({@code Collect}, one for both when they fall on the same step)
 * add rounds only when the run needs them. The last step evaluates state {@code steps} without moving it.
 *
 * <p>The run starts at state {@code sim.startStep()} (0, or the step of the checkpoint it resumes from): the first
 * order evaluates that state, and metric rows and snapshots continue from there. A checkpoint is collected at every
 * step {@code k} with {@code startStep < k < steps} divisible by {@code sim.checkpointEvery()}, at the final state
 * when {@code checkpointEvery > 0}, and at the next state after {@link #requestCheckpoint()}; each goes to
 * {@link RunObserver#onCheckpoint}, after the snapshot of the same step. Renormalised masses are scaled back to
 * {@code sim.referenceMass()}, the totals of step 0, so a resumed run computes the same factors.
 *
 * <p>A model with global state across steps ({@link Model#globalStateLength}) has it kept here: every Summaries
 * carries the value of its step, a committed update replaces it by {@link Model#carryGlobal} of the step's
 * summaries, and every collected state (snapshot, checkpoint, final state and its hash) carries it. Such a model's
 * Apply does not return the next round-0 partials: a separate round asks for them with the new global state.
 *
 * <p>When the model reports {@link Model#converged} on a logged state, the update the blocks made from it is rolled
 * back and that state ends the run (completed, with a message saying so).
 *
 * <p>On a non-finite V, position, mass or global state, the blocks that did commit the step are rolled back, the
 * last good state is collected and handed to {@link RunObserver#onFinish}, and the outcome is {@code DIVERGED}
 * with a message naming the step, population and particle (or the global state's entry).
 */
public final class SchedulerCore {
    private final Simulation sim;
    private final BlockLayout layout;
    private final RunObserver observer;
    private final Model model;
    private final Combiner combiner;
    private final double[] referenceMass;
    private final int stages;
    private final List<String> columns = new ArrayList<>();
    private final long startNanos = System.nanoTime();

    private long seq;
    private long step;
    private Order pending;
    private Summaries summaries;
    /** The model's global state at {@link #step} (see {@link Model#globalStateLength}). */
    private double[] global;
    private long collected = -1;
    private boolean checkpointRequested;
    private double[] lastValues;
    private String divergence;
    private boolean stoppedEarly;
    private RunOutcome outcome;
    private long criticalNanos;
    private long allShardNanos;
    private long schedulerNanos;
    private long rounds;
    private final Trajectories trajectories;
    private final int[] trajectoryTake;
    private final int[] liveTake;
    /** The last state whose trajectory points went to the observer, or -1. */
    private long recorded = -1;
    /** True when some observer wants live samples ({@link RunObserver#wantsLiveSample}). */
    private boolean live;
    private final LiveClock liveClock = new LiveClock();

    public SchedulerCore(Simulation sim, BlockLayout layout, RunObserver observer) {
        this(sim, layout, observer, 0);
    }

    /**
     * @param seqBase the orders are numbered {@code seqBase + 1, seqBase + 2, ...}: a core restarted within a run
     *     (from a checkpoint) passes the last sequence number used, so sequence numbers never repeat
     */
    public SchedulerCore(Simulation sim, BlockLayout layout, RunObserver observer, long seqBase) {
        this.sim = sim;
        this.seq = seqBase;
        this.step = sim.startStep();
        this.layout = layout;
        this.observer = observer;
        this.model = sim.model();
        this.combiner = new Combiner(layout, sim.populations());
        this.referenceMass = sim.referenceMass();
        this.stages = sim.dynamics().stages();
        this.global = sim.startGlobal();
        if (global.length > 0 && (stages > 1 || sim.dynamics().normalizesMass())) {
            throw new IllegalArgumentException("dynamics " + sim.dynamics().type() + " (" + stages + " stages per step"
                    + (sim.dynamics().normalizesMass() ? ", mass renormalisation" : "") + ") cannot drive a model"
                    + " with global state across steps");
        }
        if (stages > 1 && sim.populations().stream().anyMatch(p -> p.solverWidth() > 0)) {
            throw new IllegalArgumentException("dynamics " + sim.dynamics().type() + " has " + stages
                    + " stages per step, which models with per-particle solver state do not support");
        }
        if (stages > 1 && model.rounds() != 1) {
            throw new IllegalArgumentException("dynamics " + sim.dynamics().type() + " has " + stages
                    + " stages per step, which needs a model of one reduce round; model has " + model.rounds());
        }
        columns.addAll(MetricRow.columns(sim));
        this.trajectories = sim.trajectories();
        this.trajectoryTake = Picks.takes(sim.populations(), Math.max(1, trajectories.particles()));
        this.liveTake = Picks.takes(sim.populations(), Picks.LIVE_PARTICLES);
    }

    /** Metric columns, in the order of the values passed to the observer. */
    public List<String> columns() { return columns; }

    public BlockLayout layout() { return layout; }

    /** The first order of the run. */
    public Order start() {
        observer.onStart(sim, layout, columns);
        live = observer.wantsLiveSample();
        summaries = new Summaries(model.rounds(), step, global);
        return stateReady();
    }

    /**
     * Asks for a checkpoint of the next state the run reaches (or of the final state); call it from the thread
     * that drives this core, between {@link #onReports} calls.
     */
    public void requestCheckpoint() { checkpointRequested = true; }

    /** The sequence number of the last order issued. */
    public long seq() { return seq; }

    /** The step of the state being evaluated or updated. */
    public long step() { return step; }

    /** The outcome once {@link #onReports} has returned null. */
    public RunOutcome outcome() { return outcome; }

    /**
     * Takes every shard's report to the pending order and returns the next order, or null when the run is over.
     *
     * @throws IllegalStateException if the reports do not answer the pending order or miss blocks
     */
    public Order onReports(List<ShardReport> reports) {
        long t0 = System.nanoTime();
        BlockReport[] byBlock = new BlockReport[layout.blocks()];
        long slowest = 0;
        for (ShardReport r : reports) {
            if (r.seq() != pending.seq()) throw new IllegalStateException("report " + r.seq() + " answers no pending order");
            slowest = Math.max(slowest, r.computeNanos());
            observer.onShardCompute(r.shard(), r.computeNanos() * 1e-9);
            allShardNanos += r.computeNanos();
            for (BlockReport b : r.blocks()) byBlock[b.block()] = b;
        }
        for (int b = 0; b < byBlock.length; b++) {
            if (byBlock[b] == null) throw new IllegalStateException("no report for block " + b);
        }
        criticalNanos += slowest;
        rounds++;
        Order next = advance(byBlock);
        schedulerNanos += System.nanoTime() - t0;
        pending = next;
        return next;
    }

    private Order advance(BlockReport[] byBlock) {
        Order done = pending;
        if (done instanceof Order.Partials p) {
            reduced(p.round(), byBlock);
            return nextRound(p.round() + 1);
        } else if (done instanceof Order.Apply a) {
            return afterApply(a, byBlock);
        } else if (done instanceof Order.Normalize) {
            reduced(0, byBlock);
            return stateReady();
        } else if (done instanceof Order.Rollback) {
            return issue(new Order.Collect(++seq, step));
        } else if (done instanceof Order.Collect c) {
            return afterCollect(c, combiner.gather(byBlock));
        } else if (done instanceof Order.Pick p) {
            Gathered points = Picks.gather(byBlock, layout, sim.populations(), p.take());
            if (p.live()) observer.onLiveSample(p.step(), points);
            else record(p.step(), points);
            return stateReady();
        }
        throw new IllegalStateException("unknown order " + done);
    }

    private Order afterApply(Order.Apply a, BlockReport[] byBlock) {
        if (a.stage() > 0) return afterStage(a, byBlock);
        boolean logged = step % sim.every() == 0 || step == sim.steps();
        double[] values = values(byBlock, logged);
        String problem = firstDivergence(byBlock, logged ? values : null);
        if (problem != null && !logged) values = values(byBlock, true); // the diverging step's row: its own values
        lastValues = values;
        if (logged || problem != null) observer.onMetrics(step, wallSeconds(), values);
        observer.onStep(step, wallSeconds(), values);
        if (problem != null) {
            divergence = problem;
            return a.update() ? issue(new Order.Rollback(++seq, step)) : issue(new Order.Collect(++seq, step));
        }
        if (!a.update()) return issue(new Order.Collect(++seq, step));
        if (logged && model.converged(java.util.Arrays.copyOf(values, model.metricNames().size()))) {
            stoppedEarly = true;  // the blocks committed the update from this state: undo it, then collect
            return issue(new Order.Rollback(++seq, step));
        }
        return stageDone(a, byBlock);
    }

    /** A later stage of a multi-stage step: only the blocks' own finiteness checks; metrics came with stage 0. */
    private Order afterStage(Order.Apply a, BlockReport[] byBlock) {
        String problem = firstDivergence(byBlock, null);
        if (problem != null) {
            divergence = problem + " (stage " + a.stage() + " of the step)";
            return issue(new Order.Rollback(++seq, step));
        }
        return stageDone(a, byBlock);
    }

    /**
     * After stage s of the update from {@link #step}: an intermediate stage hands its ghost's summary and mass
     * scales to stage s + 1; the last stage ends the step (normalising masses if the dynamics asks).
     */
    private Order stageDone(Order.Apply a, BlockReport[] byBlock) {
        if (a.stage() < stages - 1) {
            double[] before = combiner.massByPopulation(byBlock, false);
            double[] after = combiner.massByPopulation(byBlock, true);
            double[] scale = new double[after.length];
            for (int p = 0; p < after.length; p++) {
                scale[p] = before[p] / after[p];
                if (!(after[p] > 0) || !Double.isFinite(scale[p])) {
                    divergence = "step " + step + ", stage " + a.stage() + ", population "
                            + sim.populations().get(p).name() + ": ghost total mass " + after[p];
                    return issue(new Order.Rollback(++seq, step));
                }
            }
            summaries = new Summaries(model.rounds(), step, global);
            reduced(0, byBlock);
            boolean last = a.stage() + 1 == stages - 1;
            return issue(new Order.Apply(++seq, step, summaries, true, last && !sim.dynamics().normalizesMass(),
                    a.stage() + 1, scale));
        }
        if (sim.dynamics().normalizesMass()) {
            double[] after = combiner.massByPopulation(byBlock, true);
            double[] factors = new double[after.length];
            for (int p = 0; p < after.length; p++) {
                factors[p] = referenceMass[p] / after[p];
                if (!(after[p] > 0) || !Double.isFinite(factors[p])) {
                    divergence = "step " + (step + 1) + ", population " + sim.populations().get(p).name()
                            + ": total mass " + after[p] + " cannot be renormalised to " + referenceMass[p];
                    return issue(new Order.Rollback(++seq, step));
                }
            }
            step++;
            summaries = new Summaries(model.rounds(), step, global);
            return issue(new Order.Normalize(++seq, step, factors));
        }
        if (global.length > 0) {
            double[] next = model.carryGlobal(summaries);
            if (next.length != global.length) {
                throw new IllegalStateException("the model carried " + next.length + " doubles of global state, not "
                        + global.length);
            }
            int bad = firstNonFinite(next);
            if (bad >= 0) {
                divergence = "step " + step + ": the model's global state entry " + bad + " of " + global.length
                        + " is " + next[bad];
                return issue(new Order.Rollback(++seq, step));
            }
            step++;
            global = next.clone();
            summaries = new Summaries(model.rounds(), step, global);
            return stateReady();
        }
        step++;
        summaries = new Summaries(model.rounds(), step, global);
        reduced(0, byBlock);
        return stateReady();
    }

    /** Round {@code round}'s block results combined in block order, then the model's global step on them. */
    private void reduced(int round, BlockReport[] byBlock) {
        summaries.set(round, combiner.combine(model.reduction(round), byBlock));
        model.globalStep(round, summaries);
    }

    /**
     * Model metrics, then the dynamics' (e.g. the temperature of the next update), then each population's total
     * mass, of the state V was just evaluated at. The model's metrics are computed on logged steps only (they may
     * cost a pass over a grid); other steps repeat the last logged ones.
     */
    private double[] values(BlockReport[] byBlock, boolean logged) {
        int nModel = this.model.metricNames().size();
        double[] model = logged || lastValues == null
                ? this.model.metrics(summaries, combiner.metricSums(byBlock, this.model))
                : java.util.Arrays.copyOf(lastValues, nModel);
        double[] dynamics = sim.dynamics().metrics(step);
        return MetricRow.of(model, dynamics, combiner.massByPopulation(byBlock, false));
    }

    /** The first non-finite block result, then (when {@code values} is not null) the first non-finite metric. */
    private String firstDivergence(BlockReport[] byBlock, double[] values) {
        for (BlockReport b : byBlock) {
            if (b.diverged() >= 0) {
                BlockLayout.Slot s = layout.slot(b.block());
                return "step " + step + ": " + b.problem() + " is not finite for population "
                        + sim.populations().get(s.population()).name() + ", particle " + (s.firstId() + b.diverged());
            }
        }
        String metric = values == null ? null : MetricRow.nonFinite(model, columns, values, step >= sim.steps());
        return metric == null ? null : "step " + step + ": " + metric;
    }

    /**
     * The state of {@link #step} is in place (round 0 may already be reduced): snapshot and checkpoint, then the
     * rounds.
     */
    private Order stateReady() {
        if ((snapshotDue(step) || checkpointDue(step)) && collected != step) return issue(new Order.Collect(++seq, step));
        // the last state is collected anyway: its points come from that collect
        if (trajectories.periodic(step) && recorded != step && step < sim.steps()) {
            return issue(new Order.Pick(++seq, step, trajectoryTake, false));
        }
        if (live && liveClock.due()) return issue(new Order.Pick(++seq, step, liveTake, true));
        return summaries.get(0) == null ? nextRound(0) : nextRound(1);
    }

    /** A periodic snapshot; a resumed run's first state was snapshotted before its checkpoint was written. */
    private boolean snapshotDue(long k) {
        return sim.snapshotEvery() > 0 && k % sim.snapshotEvery() == 0 && k < sim.steps()
                && (k > sim.startStep() || k == 0);
    }

    private boolean checkpointDue(long k) {
        if (k >= sim.steps()) return false;
        return checkpointRequested || sim.checkpointEvery() > 0 && k % sim.checkpointEvery() == 0 && k > sim.startStep();
    }

    private Order nextRound(int round) {
        if (round < model.rounds()) return issue(new Order.Partials(++seq, step, round, summaries));
        boolean update = step < sim.steps();
        boolean thenPartials = update && !sim.dynamics().normalizesMass() && global.length == 0;
        return issue(new Order.Apply(++seq, step, summaries, update, thenPartials));
    }

    /** The first index whose entry is not finite, else -1. */
    private static int firstNonFinite(double[] a) {
        for (int i = 0; i < a.length; i++) if (!Double.isFinite(a[i])) return i;
        return -1;
    }

    /** Trajectory points of state k, once. */
    private void record(long k, Gathered points) {
        recorded = k;
        observer.onTrajectory(k, points);
    }

    private Order afterCollect(Order.Collect c, Gathered blocks) {
        Gathered state = blocks.withGlobal(global.clone());
        boolean end = divergence != null || stoppedEarly || c.step() == sim.steps();
        if (trajectories.on() && (end || trajectories.periodic(c.step())) && recorded != c.step()) {
            record(c.step(), Picks.select(state, trajectoryTake));
        }
        if (!end && live && liveClock.due()) observer.onLiveSample(c.step(), Picks.select(state, liveTake));
        if (!end) {
            collected = c.step();
            if (snapshotDue(c.step())) observer.onSnapshot(c.step(), state);
            if (checkpointDue(c.step())) {
                checkpointRequested = false;
                observer.onCheckpoint(new Checkpoint(c.step(), state));
            }
            return stateReady();
        }
        Map<String, Double> finals = new LinkedHashMap<>();
        for (int i = 0; i < columns.size() && lastValues != null; i++) finals.put(columns.get(i), lastValues[i]);
        double wall = wallSeconds();
        long stepsDone = c.step() - sim.startStep();
        double crit = criticalNanos * 1e-9;
        double sched = schedulerNanos * 1e-9;
        RunOutcome.Timing timing = new RunOutcome.Timing(wall, wall > 0 ? stepsDone / wall : 0, crit,
                allShardNanos * 1e-9, sched, Math.max(0, wall - crit - sched), rounds);
        outcome = new RunOutcome(divergence == null ? RunOutcome.Status.COMPLETED : RunOutcome.Status.DIVERGED,
                c.step(), StateHash.sha256(state), finals,
                stoppedEarly ? "converged at step " + c.step() + " of " + sim.steps() + " (the model's stopping rule)" : divergence,
                timing, layout.shards(), layout.blocks());
        if (divergence == null && (sim.checkpointEvery() > 0 || checkpointRequested)) {
            checkpointRequested = false;
            observer.onCheckpoint(new Checkpoint(c.step(), state));
        }
        observer.onFinish(outcome, state);
        return null;
    }

    private Order issue(Order o) {
        pending = o;
        return o;
    }

    private double wallSeconds() { return (System.nanoTime() - startNanos) * 1e-9; }
}
