package lmo.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import lmo.engine.BlockLayout;
import lmo.particles.Gathered;
import lmo.engine.RunObserver;
import lmo.engine.RunOutcome;
import lmo.engine.Simulation;

/**
 * What the status page shows of a run (name, description, progress, rate, ETA, status, the logged metric rows with
 * their wall seconds, the latest live sample of the particles; in an asynchronous run also every shard's step and
 * the staleness used), kept up to date by the observer callbacks. It asks the engine for live samples
 * ({@link #wantsLiveSample()}). Threading: the scheduler's thread writes through the callbacks, an HTTP thread reads
 * through {@link #snapshot()}; both hold one lock, briefly (a snapshot copies at most a few thousand references and
 * one long per shard, the JSON is written outside the lock). A live sample takes no lock: {@link #onLiveSample}
 * stores one reference in a volatile field, and its JSON is written by the HTTP thread. The staleness is counted by
 * a {@link StalenessTally}, with its own lock held for O(s) additions per event.
 */
public final class StatusBoard implements RunObserver {
    /** Rows kept for the charts (besides the latest): a long run's page stays light. */
    public static final int DEFAULT_POINTS = 2000;
    /** The window of the steps-per-second estimate. */
    static final double RATE_WINDOW_SECONDS = 30;

    /** Guards every field but the volatile ones (package-private: a test holds it as an HTTP thread would). */
    final Object lock = new Object();
    private final String description;
    private final LongSupplier nanoClock;
    private final DecimatedRows rows;
    private final StepRate rate = new StepRate(RATE_WINDOW_SECONDS);
    private String name = "";
    private long steps;
    private long step = -1;
    private String status = "starting";
    private String message;
    private List<String> columns = List.of();
    private double finalRate = Double.NaN;
    private String sync = "bsp";
    private int staleness;
    /** By shard, in an asynchronous run (empty otherwise). */
    private long[] shardSteps = new long[0];
    /** The staleness used, in an asynchronous run; null otherwise. */
    private volatile StalenessTally tally;
    /** The mean-field time of a step, NaN if not known. */
    private double timeStep = Double.NaN;
    /** The run's populations, by index (immutable; replaced at each start). */
    private volatile List<LiveSample.Population> populations = List.of();
    /** The latest live sample, null before the first. */
    private volatile LiveSample sample;

    /** @param description the scenario's description, shown under the name */
    public StatusBoard(String description) {
        this(description, DEFAULT_POINTS, System::nanoTime);
    }

    /** With the rows kept per chart and the clock of the rate (for tests). */
    StatusBoard(String description, int points, LongSupplier nanoClock) {
        this.description = description == null ? "" : description;
        this.rows = new DecimatedRows(points);
        this.nanoClock = nanoClock;
    }

    /** Called again after a rewind: the same run continues. */
    @Override
    public void onStart(Simulation sim, BlockLayout layout, List<String> columns) {
        synchronized (lock) {
            name = sim.name();
            steps = sim.steps();
            this.columns = List.copyOf(columns);
            if (step < 0) step = sim.startStep();
            status = "running";
            sync = sim.sync().mode().key();
            timeStep = sim.dynamics() == null ? Double.NaN : sim.dynamics().timeStep();
            populations = sim.populations().stream()
                    .map(p -> new LiveSample.Population(p.name(), p.space().type(), p.dim(), p.count())).toList();
            staleness = sim.sync().staleness();
            if (sim.sync().asynchronous()) {
                // every shard starts from the start state (after a rewind: the checkpoint's)
                shardSteps = new long[layout != null ? layout.shards() : shardSteps.length];
                Arrays.fill(shardSteps, sim.startStep());
                StalenessTally t = tally;
                if (t == null || t.bound() != staleness) tally = new StalenessTally(staleness); // kept across a rewind
            }
        }
    }

    /** O(blocks), outside the board's lock (the tally's is held for O(s) additions). */
    @Override
    public void onSources(int block, long k, long[] sources) {
        StalenessTally t = tally;
        if (t != null) t.observe(k, sources);
    }

    /** O(1) (a new shard, not in the layout: O(shards) once). */
    @Override
    public void onShardStep(int shard, long k) {
        if (shard < 0) return;
        synchronized (lock) {
            if (tally == null) return; // not an asynchronous run
            if (shard >= shardSteps.length) shardSteps = Arrays.copyOf(shardSteps, shard + 1);
            shardSteps[shard] = k;
        }
    }

    /** True: the status page draws the particles. */
    @Override
    public boolean wantsLiveSample() { return true; }

    /**
     * O(1), no lock: keeps the reference (the sample is not copied; the engine hands over a sample it no longer
     * modifies). Its JSON is written when a page asks for {@code /status}.
     */
    @Override
    public void onLiveSample(long k, Gathered live) {
        sample = new LiveSample(k, live, populations);
    }

    /** O(columns) under the lock: the row ({@code [k, values..., wallSeconds]}) is copied. */
    @Override
    public void onMetrics(long k, double wallSeconds, double[] values) {
        double[] row = new double[values.length + 2];
        row[0] = k;
        System.arraycopy(values, 0, row, 1, values.length);
        row[values.length + 1] = wallSeconds;
        synchronized (lock) {
            rows.add(row);
        }
    }

    @Override
    public void onStep(long k, double wallSeconds, double[] values) {
        long now = nanoClock.getAsLong();
        synchronized (lock) {
            step = k;
            rate.add(now, k);
        }
    }

    @Override
    public void onRewind(long k) {
        synchronized (lock) {
            rows.dropFrom(k);
            rate.reset();
            step = k;
            Arrays.fill(shardSteps, k); // every block goes back to the checkpoint
        }
        LiveSample s = sample;
        if (s != null && s.step() > k) sample = null; // a state the run goes back from
    }

    @Override
    public void onFinish(RunOutcome outcome, Gathered state) {
        synchronized (lock) {
            status = outcome.status().name().toLowerCase(Locale.ROOT);
            message = outcome.message();
            boolean hasState = outcome.status() == RunOutcome.Status.COMPLETED
                    || outcome.status() == RunOutcome.Status.DIVERGED;
            if (hasState) step = outcome.step();
            if (outcome.timing() != null) finalRate = outcome.timing().stepsPerSecond();
        }
    }

    /** The board as it is now. */
    public StatusSnapshot snapshot() {
        long now = nanoClock.getAsLong();
        StalenessTally t = tally;
        StatusSnapshot.Staleness used = null;
        if (t != null) {
            StalenessTally.Counts c = t.counts();
            used = new StatusSnapshot.Staleness(c.count(), c.mean(), c.count() == 0 ? null : c.max(), c.perValue());
        }
        synchronized (lock) {
            boolean running = status.equals("running") || status.equals("starting");
            double perSecond = !running && finalRate > 0 ? finalRate : rate.perSecond(running ? now : Long.MIN_VALUE);
            double eta = status.equals("completed") ? 0
                    : running && perSecond > 0 ? Math.max(0, steps - step) / perSecond : Double.NaN;
            return new StatusSnapshot(name, description, steps, Math.max(step, 0), perSecond, eta, status, message,
                    columns, rows.rows(), sync, staleness, shardSteps, used, timeStep, sample);
        }
    }
}
