package lmo.scenario;

import java.util.List;
import lmo.engine.Trajectories;

/**
 * What a run writes ({@code output}).
 *
 * @param every metrics are logged every {@code every} steps (step 0 and the last step always), >= 1
 * @param snapshotEvery a {@code .npy} snapshot every {@code snapshotEvery} steps; 0: the final snapshot only
 * @param metricsPort serve Prometheus metrics (and the status page) on 127.0.0.1 at this port while the run goes; 0
 *     picks a free port; {@link #OFF} (the key absent) serves nothing
 * @param fit the fits drawn on the metric plots and written to {@code plots/fits.json}; empty: none
 * @param predictor the grid of {@code predictor.csv} (two-layer models with 1-D inputs), or null: none
 * @param trajectories {@code output.trajectories}: K particles per population recorded every k steps
 *     ({@code trajectories-<population>.npy}); {@link Trajectories#OFF} (the key absent, or null) records none
 */
public record OutputSpec(int every, int snapshotEvery, int metricsPort, List<FitSpec> fit, PredictorSpec predictor,
                         Trajectories trajectories) {
    /** {@code metricsPort} when no metrics endpoint is asked for. */
    public static final int OFF = -1;

    public OutputSpec {
        fit = List.copyOf(fit);
        if (trajectories == null) trajectories = Trajectories.OFF;
    }

    public OutputSpec(int every, int snapshotEvery, int metricsPort, List<FitSpec> fit, PredictorSpec predictor) {
        this(every, snapshotEvery, metricsPort, fit, predictor, Trajectories.OFF);
    }

    public OutputSpec(int every, int snapshotEvery, int metricsPort, List<FitSpec> fit) {
        this(every, snapshotEvery, metricsPort, fit, null);
    }

    public OutputSpec(int every, int snapshotEvery, int metricsPort) { this(every, snapshotEvery, metricsPort, List.of()); }

    public OutputSpec(int every, int snapshotEvery) { this(every, snapshotEvery, OFF); }
}
