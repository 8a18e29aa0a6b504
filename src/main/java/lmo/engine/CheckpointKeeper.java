package lmo.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import lmo.particles.Gathered;
import lmo.particles.Population;

/**
 * Passes every event on to another observer and keeps the run's restart point in memory, for recovery after a lost
 * member: the last checkpoint passed on, or, until there is one, the state the run started from (checkpoint 0 of a
 * fresh run: reproducible from the scenario and its seed, so it costs nothing to keep, as the start simulation is
 * kept anyway). {@link #passOnStart} writes that initial state as a checkpoint when a run must stop before any.
 */
public final class CheckpointKeeper implements RunObserver {
    private final RunObserver inner;
    private final Simulation start;
    private final List<CompletableFuture<Long>> waiting = new ArrayList<>();
    private Checkpoint last;

    /** @param start the simulation as the run starts (a fresh one, or one resumed from a checkpoint) */
    public CheckpointKeeper(RunObserver inner, Simulation start) {
        this.inner = inner;
        this.start = start;
    }

    /** Completes {@code f} with the step of the next checkpoint written. */
    public void whenNextCheckpoint(CompletableFuture<Long> f) { waiting.add(f); }

    /** The simulation to restart from: the start, or the start resumed from the last checkpoint. */
    public Simulation restart() { return last == null ? start : start.resumeFrom(last); }

    /** The step of {@link #restart()}. */
    public long restartStep() { return last == null ? start.startStep() : last.step(); }

    /**
     * Passes the start state on as a checkpoint if this run has passed none on and started at step 0 (a run resumed
     * from a checkpoint file has it already); call it only after {@link #onStart}.
     */
    public void passOnStart() {
        if (last == null && start.startStep() == 0) onCheckpoint(start.startStep(), initialState(start));
    }

    /** The state {@code sim} starts from, as a checkpoint would hold it. */
    static Gathered initialState(Simulation sim) {
        int n = sim.populations().size();
        double[][] x = new double[n][];
        double[][] m = new double[n][];
        double[][] s = new double[n][];
        int[] dim = new int[n];
        int[] width = new int[n];
        for (Population p : sim.populations()) {
            int i = p.index();
            x[i] = p.x0().clone();
            m[i] = p.m0().clone();
            s[i] = p.s0().clone();
            dim[i] = p.dim();
            width[i] = p.solverWidth();
        }
        return new Gathered(x, m, dim, s, width, sim.startGlobal());
    }

    @Override public void onStart(Simulation sim, BlockLayout layout, List<String> columns) { inner.onStart(sim, layout, columns); }
    @Override public void onMetrics(long step, double wallSeconds, double[] values) { inner.onMetrics(step, wallSeconds, values); }
    @Override public void onStep(long step, double wallSeconds, double[] values) { inner.onStep(step, wallSeconds, values); }
    @Override public void onSnapshot(long step, Gathered state) { inner.onSnapshot(step, state); }
    @Override public void onTrajectory(long step, Gathered points) { inner.onTrajectory(step, points); }
    @Override public void onLiveSample(long step, Gathered sample) { inner.onLiveSample(step, sample); }
    @Override public boolean wantsLiveSample() { return inner.wantsLiveSample(); }
    @Override public void onFinish(RunOutcome outcome, Gathered state) {
        inner.onFinish(outcome, state);
        waiting.forEach(f -> f.complete(-1L));
        waiting.clear();
    }
    @Override public void onRewind(long step) { inner.onRewind(step); }
    @Override public void onSources(int block, long step, long[] sources) { inner.onSources(block, step, sources); }
    @Override public void onShardStep(int shard, long step) { inner.onShardStep(shard, step); }
    @Override public void onCluster(ClusterStatus status) { inner.onCluster(status); }
    @Override public void onShardCompute(int shard, double seconds) { inner.onShardCompute(shard, seconds); }
    @Override public void onTraffic(long sent, long received) { inner.onTraffic(sent, received); }

    @Override
    public void onCheckpoint(long step, Gathered state) { onCheckpoint(new Checkpoint(step, state)); }

    @Override
    public void onCheckpoint(Checkpoint c) {
        last = c;
        inner.onCheckpoint(c);
        waiting.forEach(f -> f.complete(c.step()));
        waiting.clear();
    }
}
