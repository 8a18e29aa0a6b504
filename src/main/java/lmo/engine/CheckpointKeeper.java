package lmo.engine;

import java.util.List;

/** Passes every event on to another observer and keeps the last checkpoint in memory (for recovery). */
final class CheckpointKeeper implements RunObserver {
    private final RunObserver inner;
    private Checkpoint last;
    private final java.util.List<java.util.concurrent.CompletableFuture<Long>> waiting = new java.util.ArrayList<>();

    CheckpointKeeper(RunObserver inner) { this.inner = inner; }

    /** Completes {@code f} with the step of the next checkpoint written. */
    void whenNextCheckpoint(java.util.concurrent.CompletableFuture<Long> f) { waiting.add(f); }

    /** The last checkpoint of this run, or null. */
    Checkpoint last() { return last; }

    @Override public void onStart(Simulation sim, BlockLayout layout, List<String> columns) { inner.onStart(sim, layout, columns); }
    @Override public void onMetrics(long step, double wallSeconds, double[] values) { inner.onMetrics(step, wallSeconds, values); }
    @Override public void onStep(long step, double wallSeconds, double[] values) { inner.onStep(step, wallSeconds, values); }
    @Override public void onSnapshot(long step, Gathered state) { inner.onSnapshot(step, state); }
    @Override public void onFinish(RunOutcome outcome, Gathered state) {
        inner.onFinish(outcome, state);
        waiting.forEach(f -> f.complete(-1L));
        waiting.clear();
    }
    @Override public void onRewind(long step) { inner.onRewind(step); }
    @Override public void onCluster(ClusterStatus status) { inner.onCluster(status); }
    @Override public void onShardCompute(int shard, double seconds) { inner.onShardCompute(shard, seconds); }
    @Override public void onTraffic(long sent, long received) { inner.onTraffic(sent, received); }

    @Override
    public void onCheckpoint(long step, Gathered state) {
        last = new Checkpoint(step, state);
        inner.onCheckpoint(step, state);
        waiting.forEach(f -> f.complete(step));
        waiting.clear();
    }
}
