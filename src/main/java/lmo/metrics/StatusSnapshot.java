package lmo.metrics;

import java.util.List;

/**
 * The status of a run at one moment, as {@code /status} serves it (see {@link StatusJson}). Immutable once made:
 * {@link StatusBoard#snapshot()} makes one under its lock and hands it to any thread.
 *
 * @param name the scenario name
 * @param description the scenario description
 * @param steps the step the run ends at
 * @param step the step of the state last evaluated
 * @param stepsPerSecond recent steps per second (the run's average once it has finished), NaN if not known yet
 * @param etaSeconds seconds to the end at that rate, 0 once completed, NaN if not known
 * @param status starting, running, completed, diverged or lost
 * @param message why the run diverged or was lost, or null
 * @param columns the metric names (metrics.csv columns after step, wallSeconds and time)
 * @param rows the logged rows kept (decimated), each {@code [step, value of each column..., wallSeconds]}; shared,
 *     not to be modified
 * @param sync the run's {@code engine.sync}: bsp, delayed or bounded
 * @param staleness the run's {@code engine.staleness} s (0 for bsp)
 * @param shardSteps in an asynchronous run, the state every block of each shard has reached, by shard; empty
 *     otherwise
 * @param stalenessUsed in an asynchronous run, the staleness its steps used so far; null otherwise
 * @param timeStep the mean-field time of one step (a row's time is its step times this), NaN if not known
 * @param sample the latest live sample of the particles, null before the first (its JSON is written on demand)
 */
public record StatusSnapshot(String name, String description, long steps, long step, double stepsPerSecond,
                             double etaSeconds, String status, String message, List<String> columns,
                             List<double[]> rows, String sync, int staleness, long[] shardSteps,
                             Staleness stalenessUsed, double timeStep, LiveSample sample) {
    public StatusSnapshot {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        shardSteps = shardSteps == null ? new long[0] : shardSteps.clone();
        if (sync == null) sync = "bsp";
    }

    /** A bsp run's status, without time step or sample. */
    public StatusSnapshot(String name, String description, long steps, long step, double stepsPerSecond,
                          double etaSeconds, String status, String message, List<String> columns,
                          List<double[]> rows) {
        this(name, description, steps, step, stepsPerSecond, etaSeconds, status, message, columns, rows, "bsp", 0,
                null, null, Double.NaN, null);
    }

    @Override
    public long[] shardSteps() { return shardSteps.clone(); }

    /**
     * The staleness an asynchronous run's steps used, one observation per (block step, source block).
     *
     * @param count observations
     * @param mean their mean, NaN before the first
     * @param max the largest, null before the first
     * @param counts observations per value, not cumulative: {@code [<= -1, 0, 1, .., s, > s]} (the last is 0: the
     *     engine keeps every staleness within s)
     */
    public record Staleness(long count, double mean, Long max, long[] counts) {
        public Staleness {
            counts = counts.clone();
        }

        @Override
        public long[] counts() { return counts.clone(); }
    }
}
