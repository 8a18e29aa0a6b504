package lmo.cli;

import java.util.List;
import lmo.engine.BlockLayout;
import lmo.engine.ClusterStatus;
import lmo.particles.Gathered;
import lmo.engine.RunObserver;
import lmo.engine.RunOutcome;
import lmo.engine.Simulation;

/** Several observers as one, called in order. */
record Observers(List<RunObserver> all) implements RunObserver {
    @Override public void onStart(Simulation sim, BlockLayout layout, List<String> columns) {
        for (RunObserver o : all) o.onStart(sim, layout, columns);
    }
    @Override public void onMetrics(long step, double wallSeconds, double[] values) {
        for (RunObserver o : all) o.onMetrics(step, wallSeconds, values);
    }
    @Override public void onStep(long step, double wallSeconds, double[] values) {
        for (RunObserver o : all) o.onStep(step, wallSeconds, values);
    }
    @Override public void onSnapshot(long step, Gathered state) {
        for (RunObserver o : all) o.onSnapshot(step, state);
    }
    @Override public void onTrajectory(long step, Gathered points) {
        for (RunObserver o : all) o.onTrajectory(step, points);
    }
    /** Only to the observers that want live samples. */
    @Override public void onLiveSample(long step, Gathered sample) {
        for (RunObserver o : all) if (o.wantsLiveSample()) o.onLiveSample(step, sample);
    }
    @Override public boolean wantsLiveSample() {
        for (RunObserver o : all) if (o.wantsLiveSample()) return true;
        return false;
    }
    @Override public void onCheckpoint(long step, Gathered state) {
        for (RunObserver o : all) o.onCheckpoint(step, state);
    }
    @Override public void onCheckpoint(lmo.engine.Checkpoint c) {
        for (RunObserver o : all) o.onCheckpoint(c);
    }
    @Override public void onSources(int block, long step, long[] sources) {
        for (RunObserver o : all) o.onSources(block, step, sources);
    }
    @Override public void onShardStep(int shard, long step) {
        for (RunObserver o : all) o.onShardStep(shard, step);
    }
    @Override public void onRewind(long step) {
        for (RunObserver o : all) o.onRewind(step);
    }
    @Override public void onCluster(ClusterStatus status) {
        for (RunObserver o : all) o.onCluster(status);
    }
    @Override public void onShardCompute(int shard, double seconds) {
        for (RunObserver o : all) o.onShardCompute(shard, seconds);
    }
    @Override public void onTraffic(long sent, long received) {
        for (RunObserver o : all) o.onTraffic(sent, received);
    }
    @Override public void onFinish(RunOutcome outcome, Gathered state) {
        for (RunObserver o : all) o.onFinish(outcome, state);
    }
}
