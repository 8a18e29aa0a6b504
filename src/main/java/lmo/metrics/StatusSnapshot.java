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
 * @param rows the logged rows kept (decimated), each {@code [step, value of each column...]}; shared, not to be
 *     modified
 */
public record StatusSnapshot(String name, String description, long steps, long step, double stepsPerSecond,
                             double etaSeconds, String status, String message, List<String> columns,
                             List<double[]> rows) {
    public StatusSnapshot {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
