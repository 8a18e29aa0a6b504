package lmo.engine;

import java.util.ArrayList;
import java.util.List;

/** Keeps what a run reported, for assertions. */
final class Recorder implements RunObserver {
    final List<Long> loggedSteps = new ArrayList<>();
    final List<double[]> rows = new ArrayList<>();
    final List<Long> snapshotSteps = new ArrayList<>();
    List<String> columns;
    Gathered last;
    RunOutcome outcome;

    @Override public void onStart(Simulation sim, BlockLayout layout, List<String> columns) { this.columns = columns; }
    @Override public void onMetrics(long step, double wallSeconds, double[] values) {
        loggedSteps.add(step);
        rows.add(values.clone());
    }
    @Override public void onSnapshot(long step, Gathered state) { snapshotSteps.add(step); }
    @Override public void onFinish(RunOutcome outcome, Gathered state) {
        this.outcome = outcome;
        this.last = state;
    }
}
