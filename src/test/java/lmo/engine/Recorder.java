package lmo.engine;

import java.util.ArrayList;
import java.util.List;
import lmo.particles.Gathered;

/** Keeps what a run reported, for assertions. */
public final class Recorder implements RunObserver {
    public final List<Long> loggedSteps = new ArrayList<>();
    public final List<double[]> rows = new ArrayList<>();
    public final List<Long> snapshotSteps = new ArrayList<>();
    public List<String> columns;
    public final List<Gathered> snapshots = new java.util.ArrayList<>();
    public final List<Checkpoint> checkpoints = new ArrayList<>();
    public Gathered last;
    public RunOutcome outcome;

    @Override public void onStart(Simulation sim, BlockLayout layout, List<String> columns) { this.columns = columns; }
    @Override public void onMetrics(long step, double wallSeconds, double[] values) {
        loggedSteps.add(step);
        rows.add(values.clone());
    }
    @Override public void onSnapshot(long step, Gathered state) {
        snapshotSteps.add(step);
        snapshots.add(state);
    }
    @Override public void onCheckpoint(long step, Gathered state) {
        checkpoints.add(new Checkpoint(step, state));
    }
    @Override public void onFinish(RunOutcome outcome, Gathered state) {
        this.outcome = outcome;
        this.last = state;
    }
}
