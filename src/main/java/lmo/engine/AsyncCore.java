package lmo.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import lmo.model.Model;
import lmo.particles.Gathered;
import lmo.particles.Population;
import lmo.particles.Reduction;
import lmo.particles.Summaries;

/**
 * The asynchronous step machine ({@code engine.sync: delayed} or {@code bounded}, staleness s >= 1): every block
 * moves on its own as soon as the summary its next step needs exists, and each shard gets a new order as soon as it
 * answers the last one. No actors, no threads: the plain loop and the scheduler actor drive it.
 *
 * <p><b>Which summary a step uses.</b> Block b at state k moves with the summary combined (in block order) from the
 * round-0 partials of every block j at state {@code t_j}:
 * <ul>
 *   <li>{@code delayed}: {@code t_j = max(0, k - s)} for all j, a fixed schedule: the result does not depend on the
 *       shards or the timing;</li>
 *   <li>{@code bounded}: {@code t_j} the freshest state block j has reported, provided every {@code t_j >= k - s};
 *       otherwise b waits. The sources of every step go to {@link RunObserver#onSources} (the run directory keeps
 *       them in {@code schedule.lmo}); a replay ({@link Sync#replay}) follows recorded sources instead.</li>
 * </ul>
 *
 * <p><b>Exact metrics.</b> The row of state k is computed from state k's own summary (every block's partial of
 * state k): the model's metrics from that summary and, when the model has metric sums, an {@code EVALUATE} pass over
 * the blocks' kept copies of state k (one more evaluation of V per logged step). Every block keeps its last
 * {@code s + 3} states ({@link KeptStates}); no block runs more than {@code s + 2} states ahead of the oldest state
 * whose row is not written yet, so the states a row, a snapshot or the final collect needs are always kept.
 *
 * <p><b>Lazy mass renormalisation</b> (models whose partials are linear in the masses): the blocks keep
 * unnormalised masses {@code M}; the measure of state k is {@code (ref_p / Z_p(k)) M} with {@code Z_p(k)}
 * population p's total of state k, so metrics, snapshots and the final state are built from the scaled masses; a
 * summary combined from block j's partial of state {@code t_j} scales each population to its reference mass by the
 * total of the blocks it combines ({@code Z_p(t)} when all {@code t_j = t}); and the step from state k multiplies
 * the new masses by {@code ref_p / Z_p(max(0, k - s))}, a total every block has reached, so that they stay of order
 * one. A multiplicative mass update commutes with the scaling, so in {@code delayed} this is exactly the
 * renormalised update with a stale summary.
 *
 * <p><b>Divergence.</b> When block b's step from state k is not finite, no block moves past state k; blocks behind
 * catch up (one of them may diverge earlier, which then counts), and the run ends at the first diverging state L
 * with L's own row, {@code last-good} state L and the message naming the step, population and particle.
 */
public final class AsyncCore implements StepMachine {
    private final Simulation sim;
    private final BlockLayout layout;
    private final RunObserver observer;
    private final Model model;
    private final Combiner combiner;
    private final int s;
    private final boolean delayed;
    private final boolean normalize;
    private final double[] referenceMass;
    private final int blocks;
    private final int[] shardOf;
    private final int[][] blocksOf;
    private final int[] populationOf;
    private final List<String> columns = new ArrayList<>();
    private final long startNanos = System.nanoTime();
    private final long last;
    private final Reduction reduction;

    private long seq;
    private final long[] at;
    /** Steps of each block ordered and not yet answered (up to s + 1 when pipelined). */
    private final int[] stepping;
    /** Per shard, the orders sent and not yet answered, oldest first. */
    private final List<ArrayDeque<Order.Tasks>> inFlight = new ArrayList<>();
    /**
     * Orders a shard may have in flight: s + 1 in delayed runs (the next steps are sent, as soon as their summaries
     * exist, while one computes, so message rounds overlap compute), else 1 (bounded: a shard gets its next step when
     * it answers, with the freshest partials then).
     */
    private final int depth;
    private final List<ArrayDeque<Queued>> queue = new ArrayList<>();
    /** Per block: state to its round-0 partial, with the block's raw total mass in {@code massBefore}. */
    private final List<TreeMap<Long, BlockReport>> partials = new ArrayList<>();
    private final Map<Long, Summaries> exact = new HashMap<>();
    private final Sync.Recorded replay;
    /** Raw collected states kept for a later checkpoint's earlier states. */
    private final TreeMap<Long, Gathered> held = new TreeMap<>();
    private long requestedCheckpoint = -1;
    private final long[] shardStep;

    private long frontier;
    private Row row;
    private double[] lastValues;
    private long divergedAt = Long.MAX_VALUE;
    private int divergedBlock = Integer.MAX_VALUE;
    private String divergence;
    private String endMessage;
    private RunOutcome.Status endStatus;
    private long endState = -1;
    private RunOutcome outcome;
    private final long[] computeNanos;
    private long allShardNanos;
    private long schedulerNanos;
    private long orders;
    private final Trajectories trajectories;
    private final int[] trajectoryTake;
    private final int[] liveTake;
    /** The last state whose trajectory points went to the observer, or -1. */
    private long recorded = -1;
    private boolean live;
    private final LiveClock liveClock = new LiveClock();

    /** A task waiting for its shard to be idle, with the summaries it reads (null: none). */
    private record Queued(Order.TaskKind kind, int block, long step, Summaries summaries, double massFactor, int take) {
        Queued(Order.TaskKind kind, int block, long step, Summaries summaries, double massFactor) {
            this(kind, block, step, summaries, massFactor, 0);
        }
    }

    /** The row of state {@code step} being assembled: its block reports and what it waits for. */
    private static final class Row {
        final long step;
        final boolean logged;
        final Summaries summary;
        final BlockReport[] evals;
        BlockReport[] collects;
        BlockReport[] picks;
        BlockReport[] samples;
        int evalsDue;
        int collectsDue;
        int picksDue;
        double[] values;

        Row(long step, boolean logged, Summaries summary, int blocks) {
            this.step = step;
            this.logged = logged;
            this.summary = summary;
            this.evals = new BlockReport[blocks];
        }
    }

    /**
     * @param seqBase orders are numbered from {@code seqBase + 1}
     * @throws IllegalArgumentException if {@link AsyncSupport#refusal} refuses the simulation
     */
    public AsyncCore(Simulation sim, BlockLayout layout, RunObserver observer, long seqBase) {
        String refusal = AsyncSupport.refusal(sim.sync(), sim.model(), sim.dynamics(), sim.populations());
        if (refusal != null) throw new IllegalArgumentException("engine.sync: " + sim.sync().mode().key() + ": " + refusal);
        this.sim = sim;
        this.replay = sim.sync().replay();
        if (replay != null && replay.blocks() != layout.blocks()) {
            throw new IllegalArgumentException("the recorded schedule has " + replay.blocks() + " blocks, the run "
                    + layout.blocks());
        }
        this.layout = layout;
        this.observer = observer;
        this.model = sim.model();
        this.combiner = new Combiner(layout, sim.populations());
        this.s = sim.sync().staleness();
        this.delayed = sim.sync().mode() == Sync.Mode.DELAYED;
        this.normalize = sim.dynamics().normalizesMass();
        this.referenceMass = sim.referenceMass();
        this.reduction = model.reduction(0);
        this.seq = seqBase;
        this.last = sim.steps();
        this.blocks = layout.blocks();
        this.shardOf = new int[blocks];
        this.populationOf = new int[blocks];
        this.blocksOf = new int[layout.shards()][];
        for (int sh = 0; sh < layout.shards(); sh++) {
            int first = layout.first(sh), end = layout.first(sh + 1);
            blocksOf[sh] = new int[end - first];
            for (int b = first; b < end; b++) {
                shardOf[b] = sh;
                blocksOf[sh][b - first] = b;
            }
        }
        for (int b = 0; b < blocks; b++) {
            populationOf[b] = layout.slot(b).population();
            partials.add(new TreeMap<>());
        }
        this.at = new long[blocks];
        this.stepping = new int[blocks];
        this.depth = delayed ? s + 1 : 1;
        this.computeNanos = new long[layout.shards()];
        this.shardStep = new long[layout.shards()];
        Arrays.fill(at, sim.startStep());
        Arrays.fill(shardStep, sim.startStep());
        this.frontier = sim.startStep();
        for (int sh = 0; sh < layout.shards(); sh++) {
            inFlight.add(new ArrayDeque<>());
            queue.add(new ArrayDeque<>());
        }
        columns.addAll(MetricRow.columns(sim));
        this.trajectories = sim.trajectories();
        this.trajectoryTake = Picks.takes(sim.populations(), Math.max(1, trajectories.particles()));
        this.liveTake = Picks.takes(sim.populations(), Picks.LIVE_PARTICLES);
    }

    /** Metric columns, in the order of the values passed to the observer. */
    public List<String> columns() { return columns; }

    @Override
    public List<Dispatch> start() {
        observer.onStart(sim, layout, columns);
        live = observer.wantsLiveSample();
        long k = sim.startStep();
        List<Gathered> earlier = sim.earlierStates();
        for (int e = 0; e < earlier.size(); e++) {
            long j = k - earlier.size() + e;
            held.put(j, earlier.get(e));
            partialsOf(j, earlier.get(e));
        }
        for (int b = 0; b < blocks; b++) queue.get(shardOf[b]).add(new Queued(Order.TaskKind.PARTIAL, b, k, null, 1));
        return pump();
    }

    /** The round-0 partials of an earlier state of a resumed delayed run, computed here from the checkpoint. */
    private void partialsOf(long j, Gathered state) {
        List<Population> pops = new ArrayList<>();
        for (Population p : sim.populations()) {
            int i = p.index();
            pops.add(new Population(p.name(), i, p.space(), state.x()[i], state.m()[i], 0, new double[0]));
        }
        BlockWorker worker = new BlockWorker(model, sim.dynamics(), pops.stream().map(Population::space).toList(),
                sim.seed());
        for (int sh = 0; sh < layout.shards(); sh++) {
            for (lmo.particles.Block b : layout.blocksOf(sh, pops)) {
                partials.get(b.index()).put(j, worker.partialWithMass(b, j));
            }
        }
    }

    @Override
    public List<Dispatch> onReport(ShardReport r) {
        if (r.shard() < 0 || r.shard() >= inFlight.size()) return List.of();
        Order.Tasks answered = inFlight.get(r.shard()).peekFirst();
        if (answered == null || answered.seq() != r.seq()) return List.of();
        long t0 = System.nanoTime();
        List<Order.Task> tasks = answered.tasks();
        if (r.blocks().size() != tasks.size()) {
            throw new IllegalStateException("shard " + r.shard() + " answered " + r.blocks().size() + " of "
                    + tasks.size() + " tasks");
        }
        inFlight.get(r.shard()).pollFirst();
        computeNanos[r.shard()] += r.computeNanos();
        allShardNanos += r.computeNanos();
        observer.onShardCompute(r.shard(), r.computeNanos() * 1e-9);
        for (int i = 0; i < tasks.size(); i++) take(tasks.get(i), r.blocks().get(i));
        advanceRows();
        List<Dispatch> next = outcome != null ? List.of() : pump();
        schedulerNanos += System.nanoTime() - t0;
        return next;
    }

    private void take(Order.Task t, BlockReport r) {
        int b = t.block();
        if (r.block() != b) throw new IllegalStateException("a report for block " + r.block() + " answers block " + b);
        switch (t.kind()) {
            case PARTIAL -> partials.get(b).put(t.step(), r);
            case STEP -> {
                stepping[b]--;
                if (ShardCore.SKIPPED.equals(r.problem())) return; // a pipelined step after a diverged one
                if (r.diverged() >= 0) {
                    diverged(t.step(), b, r);
                } else {
                    at[b] = t.step() + 1;
                    partials.get(b).put(at[b], new BlockReport(b, r.partial(), r.x(), r.m(), null, r.massAfter(),
                            Double.NaN, -1, null));
                    int sh = shardOf[b];
                    long slowest = Long.MAX_VALUE;
                    for (int c : blocksOf[sh]) slowest = Math.min(slowest, at[c]);
                    if (slowest > shardStep[sh]) {
                        shardStep[sh] = slowest;
                        observer.onShardStep(sh, slowest);
                    }
                }
            }
            case EVALUATE -> {
                row.evals[b] = r;
                row.evalsDue--;
            }
            case COLLECT -> {
                row.collects[b] = r;
                row.collectsDue--;
            }
            case PICK -> {
                row.picks[b] = r;
                row.picksDue--;
            }
            case SAMPLE -> {
                row.samples[b] = r;
                row.picksDue--;
            }
        }
    }

    /** Block b's step from state k is not finite: no block moves past k; the earliest such state ends the run. */
    private void diverged(long k, int b, BlockReport r) {
        if (k > divergedAt || k == divergedAt && b > divergedBlock) return;
        divergedAt = k;
        divergedBlock = b;
        BlockLayout.Slot slot = layout.slot(b);
        divergence = "step " + k + ": " + r.problem() + " is not finite for population "
                + sim.populations().get(slot.population()).name() + ", particle " + (slot.firstId() + r.diverged());
    }

    // ------------------------------------------------------------------ orders

    /** Orders for every idle shard that has queued tasks or blocks ready to step. */
    private List<Dispatch> pump() {
        List<Dispatch> out = new ArrayList<>();
        for (int sh = 0; sh < inFlight.size(); sh++) {
            int busy = inFlight.get(sh).size();
            if (busy >= depth) continue;
            List<Queued> work = new ArrayList<>();
            for (int b : blocksOf[sh]) {
                Queued step = readyStep(b);
                if (step != null) work.add(step);
            }
            if (busy > 0 && work.isEmpty()) continue; // a second order in flight only to pipeline a step
            work.addAll(0, queue.get(sh));
            queue.get(sh).clear();
            if (work.isEmpty()) continue;
            out.add(new Dispatch(sh, order(sh, work)));
        }
        return out;
    }

    private Order order(int sh, List<Queued> work) {
        List<Order.Task> tasks = new ArrayList<>(work.size());
        List<Summaries> used = new ArrayList<>();
        Map<Summaries, Integer> index = new IdentityHashMap<>();
        for (Queued q : work) {
            int si = -1;
            if (q.summaries() != null) {
                si = index.computeIfAbsent(q.summaries(), k -> {
                    used.add(k);
                    return used.size() - 1;
                });
            }
            tasks.add(new Order.Task(q.kind(), q.block(), q.step(), si, q.massFactor(), q.take()));
            if (q.kind() == Order.TaskKind.STEP) stepping[q.block()]++;
        }
        Order.Tasks o = new Order.Tasks(++seq, tasks, used);
        inFlight.get(sh).addLast(o);
        orders++;
        return o;
    }

    /** Block b's next step, if its summary exists and nothing holds it back; else null. */
    private Queued readyStep(int b) {
        long k = at[b] + stepping[b];
        if (stepping[b] >= depth || k >= last || endState >= 0 || k > frontier + s + 1) return null;
        // after a divergence at state L, blocks behind catch up, and blocks before the diverging one try step L too,
        // so the message names the first diverging block in block order, as in bsp
        if (k > divergedAt || k == divergedAt && b >= divergedBlock) return null;
        if (delayed) {
            long src = Math.max(0, k - s);
            Summaries sum = exactSummary(src);
            if (sum == null) return null;
            long[] sources = new long[blocks];
            Arrays.fill(sources, src);
            observer.onSources(b, k, sources);
            return new Queued(Order.TaskKind.STEP, b, k, sum, normalize ? referenceMass[populationOf[b]]
                    / rawMass(populationOf[b], src) : 1);
        }
        if (replay != null && k >= replay.steps(b)) return null; // the recorded run ended before this step
        long[] sources = replay != null ? recorded(b, k) : new long[blocks];
        long cap = nextCheckpointAfter(k);
        for (int j = 0; j < blocks; j++) {
            TreeMap<Long, BlockReport> pj = partials.get(j);
            if (replay != null) {
                if (!pj.containsKey(sources[j])) return null;
                continue;
            }
            if (pj.isEmpty() || pj.lastKey() < k - s) return null;
            sources[j] = Math.min(pj.lastKey(), cap);
        }
        observer.onSources(b, k, sources.clone());
        long settled = Math.max(0, k - s); // every block has reached it: its totals are known
        return new Queued(Order.TaskKind.STEP, b, k, combined(sources), normalize ? referenceMass[populationOf[b]]
                / rawMass(populationOf[b], settled) : 1);
    }

    /**
     * The recorded sources of block b's step from state k, checked against the bounds a live run keeps: no source
     * older than {@code k - s}, none more than {@code s + 2} states ahead.
     */
    private long[] recorded(int b, long k) {
        long[] src = replay.sources(b, k);
        for (long t : src) {
            if (t < k - s || t > k + s + 2 || t < 0) {
                throw new IllegalStateException("the recorded schedule's step " + k + " of block " + b + " reads state "
                        + t + ", beyond staleness " + s);
            }
        }
        return src;
    }

    // ------------------------------------------------------------------ summaries

    /** True when every block has reported its partial of state k. */
    private boolean complete(long k) {
        for (int b = 0; b < blocks; b++) if (!partials.get(b).containsKey(k)) return false;
        return true;
    }

    /** The summary of state k (every block's partial of state k), or null until it exists. */
    private Summaries exactSummary(long k) {
        Summaries sum = exact.get(k);
        if (sum != null || !complete(k)) return sum;
        long[] sources = new long[blocks];
        Arrays.fill(sources, k);
        sum = combined(sources);
        exact.put(k, sum);
        return sum;
    }

    /** The summary combined in block order from block j's partial of state {@code sources[j]}. */
    private Summaries combined(long[] sources) {
        BlockReport[] byBlock = new BlockReport[blocks];
        long oldest = Long.MAX_VALUE;
        double[] total = new double[referenceMass.length];
        for (int j = 0; j < blocks; j++) {
            BlockReport p = partials.get(j).get(sources[j]);
            if (p == null) throw new IllegalStateException("block " + j + " has no partial of state " + sources[j]);
            byBlock[j] = p;
            total[populationOf[j]] += p.massBefore();
            oldest = Math.min(oldest, sources[j]);
        }
        if (normalize) { // each population of the (possibly mixed) stale measure renormalised to its reference mass
            for (int j = 0; j < blocks; j++) {
                byBlock[j] = scaled(byBlock[j], referenceMass[populationOf[j]] / total[populationOf[j]]);
            }
        }
        Summaries sum = new Summaries(1, oldest);
        sum.set(0, combiner.combine(reduction, byBlock));
        model.globalStep(0, sum);
        return sum;
    }

    /** Population p's total raw mass of state k, added in block order. */
    private double rawMass(int p, long k) {
        double z = 0;
        for (int b = 0; b < blocks; b++) if (populationOf[b] == p) z += partials.get(b).get(k).massBefore();
        return z;
    }

    /** A partial with the block's masses multiplied by c (partials are linear in the masses). */
    private static BlockReport scaled(BlockReport p, double c) {
        double[] partial = p.partial() == null ? null : p.partial().clone();
        double[] m = p.m() == null ? null : p.m().clone();
        if (partial != null) for (int i = 0; i < partial.length; i++) partial[i] *= c;
        if (m != null) for (int i = 0; i < m.length; i++) m[i] *= c;
        return new BlockReport(p.block(), partial, p.x(), m, null, p.massBefore() * c, Double.NaN, -1, null, p.s());
    }

    /** The factor that renormalises population p's masses of state k (1 without renormalisation). */
    private double factor(int p, long k) {
        return normalize ? referenceMass[p] / rawMass(p, k) : 1;
    }

    // ------------------------------------------------------------------ rows

    /** Writes every row whose state is settled, in state order; ends the run at its last state. */
    private void advanceRows() {
        while (outcome == null) {
            if (row == null && !startRow()) return;
            if (row.evalsDue > 0 || row.collectsDue > 0 || row.picksDue > 0) return;
            if (!finishRow()) return;
        }
    }

    /**
     * Starts the row of {@link #frontier} when it is settled: the final state, the state every block has moved past,
     * or, after a divergence, the diverging state once no block is behind it.
     */
    private boolean startRow() {
        long j = frontier;
        boolean end = j == last || j == divergedAt || j == endState;
        boolean settled = j == divergedAt ? caughtUp() : j == endState || (j == last ? complete(j) : complete(j + 1));
        if (!settled) return false;
        boolean logged = end || j % sim.every() == 0;
        Summaries summary = logged ? exactSummary(j) : null;
        row = new Row(j, logged, summary, blocks);
        if (logged && model.metricSumLength() > 0) {
            for (int b = 0; b < blocks; b++) {
                queue.get(shardOf[b]).add(new Queued(Order.TaskKind.EVALUATE, b, j, summary, factor(populationOf[b], j)));
            }
            row.evalsDue = blocks;
        }
        if (end || snapshotDue(j) || heldForCheckpoint(j)) queueCollect(j);
        // trajectory points and the live sample, unless the state's collect gives them
        if (row.collects == null && trajectories.periodic(j) && recorded != j) {
            row.picks = queuePicks(j, Order.TaskKind.PICK, trajectoryTake);
        }
        if (row.collects == null && live && liveClock.due()) {
            row.samples = queuePicks(j, Order.TaskKind.SAMPLE, liveTake);
        }
        return true;
    }

    /** Queues one pick task per block of the kept state j (raw masses; {@link #normalized} scales them). */
    private BlockReport[] queuePicks(long j, Order.TaskKind kind, int[] take) {
        for (int b = 0; b < blocks; b++) {
            queue.get(shardOf[b]).add(new Queued(kind, b, j, null, 1, take[populationOf[b]]));
        }
        row.picksDue += blocks;
        return new BlockReport[blocks];
    }

    /**
     * The first checkpoint state after k ({@code Long.MAX_VALUE} if none): a bounded step before a checkpoint's state
     * reads no partial past it, so a run resumed there (which never ran those steps) and a replay of its schedule
     * read the same states.
     */
    private long nextCheckpointAfter(long k) {
        long c = Long.MAX_VALUE;
        int every = sim.checkpointEvery();
        if (every > 0) c = Math.min(last, (k / every + 1) * every);
        if (requestedCheckpoint > k) c = Math.min(c, requestedCheckpoint);
        return c;
    }

    /** The held states before j a checkpoint of j needs (delayed: the s states before it), or null if one is missing. */
    private List<Gathered> earlier(long j) {
        List<Gathered> out = new ArrayList<>();
        for (long e = Math.max(0, j - (delayed ? s : 0)); e < j; e++) {
            Gathered g = held.get(e);
            if (g == null) return null;
            out.add(g);
        }
        return out;
    }

    /** True when state c gets a checkpoint: periodic ones, the final state when checkpoints are on, a requested one. */
    private boolean checkpointAt(long c) {
        int every = sim.checkpointEvery();
        if (c == requestedCheckpoint) return true;
        if (c == last) return every > 0;
        return every > 0 && c % every == 0 && c > sim.startStep() && c < last;
    }

    /** True when state j is a checkpoint's state or one of its earlier states (delayed: the s states before it). */
    private boolean heldForCheckpoint(long j) {
        int reach = delayed ? s : 0;
        for (long c = j; c <= Math.min(last, j + reach); c++) if (checkpointAt(c)) return true;
        return false;
    }

    private void queueCollect(long j) {
        row.collects = new BlockReport[blocks];
        for (int b = 0; b < blocks; b++) {
            queue.get(shardOf[b]).add(new Queued(Order.TaskKind.COLLECT, b, j, null, 1));
        }
        row.collectsDue = blocks;
    }

    /** True when, after a divergence at {@link #divergedAt}, no block is behind it or still stepping. */
    private boolean caughtUp() {
        for (int b = 0; b < blocks; b++) {
            if (stepping[b] > 0 || at[b] < divergedAt || at[b] == divergedAt && b < divergedBlock) return false;
        }
        return true;
    }

    private boolean snapshotDue(long k) {
        return sim.snapshotEvery() > 0 && k % sim.snapshotEvery() == 0 && k < last && (k > sim.startStep() || k == 0);
    }

    /** Writes the row's metrics and snapshot; returns false when it had to ask for a collect first. */
    private boolean finishRow() {
        long j = row.step;
        if (row.values == null) {
            row.values = row.logged || lastValues == null ? values(j) : lastValues;
            String problem = row.logged ? nonFinite(row.values) : null;
            if (problem != null && j != divergedAt) {
                divergence = "step " + j + ": " + problem;
                divergedAt = j;
                endState = j;
            } else if (row.logged && j != last && j != divergedAt
                    && model.converged(Arrays.copyOf(row.values, model.metricNames().size()))) {
                endState = j;
                endStatus = RunOutcome.Status.COMPLETED;
                endMessage = "converged at step " + j + " of " + last + " (the model's stopping rule)";
            }
            lastValues = row.values;
            if (row.logged) observer.onMetrics(j, wallSeconds(), row.values);
            observer.onStep(j, wallSeconds(), row.values);
            if (j == endState && row.collects == null) {
                queueCollect(j);
                return false;
            }
        }
        boolean end = j == last || j == divergedAt || j == endState;
        Gathered raw = row.collects == null ? null : combiner.gather(row.collects);
        Gathered state = raw == null ? null : normalized(raw, j);
        if (trajectories.on() && (end || trajectories.periodic(j)) && recorded != j) {
            Gathered points = row.picks != null
                    ? normalized(Picks.gather(row.picks, layout, sim.populations(), trajectoryTake), j)
                    : state == null ? null : Picks.select(state, trajectoryTake);
            if (points != null) {
                recorded = j;
                observer.onTrajectory(j, points);
            }
        }
        if (row.samples != null) {
            observer.onLiveSample(j, normalized(Picks.gather(row.samples, layout, sim.populations(), liveTake), j));
            row.samples = null;
        } else if (!end && state != null && live && liveClock.due()) {
            observer.onLiveSample(j, Picks.select(state, liveTake));
        }
        if (!end && state != null && snapshotDue(j)) observer.onSnapshot(j, state);
        if (raw != null && heldForCheckpoint(j)) held.put(j, raw);
        boolean diverging = divergence != null && j == divergedAt;
        boolean wanted = end ? !diverging && (sim.checkpointEvery() > 0 || requestedCheckpoint >= 0) : checkpointAt(j);
        List<Gathered> earlier = wanted ? earlier(j) : null;
        if (earlier != null) {
            requestedCheckpoint = -1;
            observer.onCheckpoint(new Checkpoint(j, raw, earlier));
        }
        held.headMap(j - s).clear();
        if (end) {
            finish(j, state);
        } else {
            frontier++;
            row = null;
            evict();
        }
        return true;
    }

    private void finish(long j, Gathered state) {
        Map<String, Double> finals = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) finals.put(columns.get(i), lastValues[i]);
        double wall = wallSeconds();
        double crit = Arrays.stream(computeNanos).max().orElse(0) * 1e-9;
        double sched = schedulerNanos * 1e-9;
        RunOutcome.Timing timing = new RunOutcome.Timing(wall, wall > 0 ? j / wall : 0, crit, allShardNanos * 1e-9,
                sched, Math.max(0, wall - crit - sched), orders);
        boolean diverged = divergence != null && (j == divergedAt || endStatus == null);
        outcome = new RunOutcome(diverged ? RunOutcome.Status.DIVERGED : RunOutcome.Status.COMPLETED, j,
                StateHash.sha256(state), finals, diverged ? divergence : endMessage, timing, layout.shards(), blocks);
        observer.onFinish(outcome, state);
    }

    /**
     * The row of state j from its exact summary: model metrics (with the EVALUATE pass's sums when the model has
     * any), the dynamics' metrics, each population's total mass.
     */
    private double[] values(long j) {
        Summaries summary = row.summary != null ? row.summary : exactSummary(j);
        double[] sums = model.metricSumLength() > 0 ? combiner.metricSums(row.evals, model) : new double[0];
        double[] mass = new double[referenceMass.length];
        for (int p = 0; p < mass.length; p++) mass[p] = normalize ? referenceMass[p] : rawMass(p, j);
        return MetricRow.of(model.metrics(summary, sums), sim.dynamics().metrics(j), mass);
    }

    private String nonFinite(double[] values) {
        return MetricRow.nonFinite(model, columns, values, row.step >= last);
    }

    /** Drops partials and summaries no step or row can read any more. */
    private void evict() {
        long minAt = Long.MAX_VALUE;
        for (long a : at) minAt = Math.min(minAt, a);
        long floor = Math.min(frontier, minAt - s);
        for (TreeMap<Long, BlockReport> p : partials) p.headMap(floor).clear();
        exact.keySet().removeIf(k -> k < floor);
    }

    // ------------------------------------------------------------------ driver queries

    @Override public RunOutcome outcome() { return outcome; }

    /**
     * Asks for a checkpoint of state {@code frontier + 1 + s} (delayed: its s earlier states are rows not yet
     * written; bounded: {@code frontier + s + 3}, past every partial a step has read), or of the final state when
     * that comes first; false when the run is too close to its end to collect the earlier states.
     */
    @Override public boolean requestCheckpoint() {
        if (outcome != null || endState >= 0 || divergedAt != Long.MAX_VALUE) return false;
        // delayed: the s states before it are rows not written yet; bounded: past every source read so far
        long c = Math.min(last, frontier + 1 + (delayed ? s : s + 2));
        for (long e = Math.max(0, c - (delayed ? s : 0)); e <= frontier && e < c; e++) {
            if (!held.containsKey(e)) return false; // the run is too close to its end: a state it needs has passed
        }
        requestedCheckpoint = c;
        return true;
    }

    /** The state with each population's masses renormalised (lazy renormalisation); the state itself otherwise. */
    private Gathered normalized(Gathered raw, long j) {
        if (!normalize) return raw;
        double[][] m = new double[raw.m().length][];
        for (int p = 0; p < m.length; p++) {
            double c = factor(p, j);
            m[p] = raw.m()[p].clone();
            for (int i = 0; i < m[p].length; i++) m[p][i] *= c;
        }
        return new Gathered(raw.x(), m, raw.dim(), raw.s(), raw.solverWidth(), raw.global());
    }

    /** The oldest block's state. */
    @Override public long step() {
        long m = Long.MAX_VALUE;
        for (long a : at) m = Math.min(m, a);
        return m;
    }

    @Override public long seq() { return seq; }

    /** Each block's current state (how far each is). */
    public long[] blockSteps() { return at.clone(); }

    private double wallSeconds() { return (System.nanoTime() - startNanos) * 1e-9; }
}
