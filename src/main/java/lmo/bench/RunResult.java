package lmo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import lmo.plot.MetricsTable;

/**
 * What one completed run left in its directory, as the bench reads it: {@code summary.json} and {@code metrics.csv}.
 *
 * @param dir the run directory
 * @param summary its summary.json
 * @param metrics its metrics.csv
 */
public record RunResult(Path dir, JsonNode summary, MetricsTable metrics) {

    /** summary.json's {@code wallSeconds}: from the start of the engine (after the scenario is built) to the end. */
    public double wallSeconds() { return summary.path("wallSeconds").asDouble(Double.NaN); }

    /** summary.json's {@code finalStep}: the number of steps made. */
    public long finalStep() { return summary.path("finalStep").asLong(-1); }

    /** Whether the final row has the metric {@code name}. */
    public boolean hasFinal(String name) { return summary.path("final").has(name); }

    /** The final row's metric {@code name}, or NaN if the run has no such metric. */
    public double finalMetric(String name) { return summary.path("final").path(name).asDouble(Double.NaN); }

    /** summary.json's {@code timing.name}, or NaN. */
    public double timing(String name) { return summary.path("timing").path(name).asDouble(Double.NaN); }

    /** The seconds each logged row took after the one before it (metrics.csv's {@code wallSeconds} differences). */
    public double[] rowSeconds() {
        double[] wall = metrics.column("wallSeconds");
        double[] d = new double[Math.max(0, wall.length - 1)];
        for (int r = 0; r < d.length; r++) d[r] = wall[r + 1] - wall[r];
        return d;
    }

    /** The first logged row's value of {@code column}. */
    public double first(String column) { return metrics.column(column)[0]; }
}
