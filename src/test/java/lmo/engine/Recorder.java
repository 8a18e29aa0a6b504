package lmo.engine;

import java.util.ArrayList;
import java.util.List;
import lmo.particles.Gathered;

/** Keeps what a run reported, for assertions. */
public class Recorder implements RunObserver {
    public final List<Long> loggedSteps = new ArrayList<>();
    public final List<double[]> rows = new ArrayList<>();
    public final List<Long> snapshotSteps = new ArrayList<>();
    public List<String> columns;
    public final List<Gathered> snapshots = new java.util.ArrayList<>();
    public final List<Checkpoint> checkpoints = new ArrayList<>();
    public final List<Long> trajectorySteps = new ArrayList<>();
    public final List<Gathered> trajectories = new ArrayList<>();
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
    @Override public void onTrajectory(long step, Gathered points) {
        trajectorySteps.add(step);
        trajectories.add(points);
    }
    @Override public void onCheckpoint(Checkpoint c) {
        checkpoints.add(c);
    }
    @Override public void onFinish(RunOutcome outcome, Gathered state) {
        this.outcome = outcome;
        this.last = state;
    }
}
