package lmo.engine;

import java.util.Map;

/**
 * How a run ended and what it measured.
 *
 * @param status COMPLETED, DIVERGED, LOST or FAILED
 * @param step the step of the state returned (the last step, or the last good step)
 * @param stateSha256 SHA-256 of that state (see {@link StateHash})
 * @param finalMetrics the metrics of that state, by column name
 * @param message the divergence diagnostic, why a completed run stopped before its last step, or null
 * @param timing where the wall time went
 */
public record RunOutcome(Status status, long step, String stateSha256, Map<String, Double> finalMetrics,
                         String message, Timing timing, int shards, int blocks) {

    /**
     * COMPLETED; DIVERGED (non-finite values); LOST (too few cluster members remain: resume from the checkpoint);
     * FAILED (a fatal error of the JVM or a bug stopped the run: the message says which).
     */
    public enum Status { COMPLETED, DIVERGED, LOST, FAILED }

    /** A run stopped by {@code message} before it could report a state. */
    public static RunOutcome failed(long step, String message) {
        return new RunOutcome(Status.FAILED, step, null, Map.of(), message, null, 0, 0);
    }

    /**
     * Wall time split. {@code computeSeconds} is the critical path of shard compute (per message round, the
     * slowest shard), {@code computeSecondsAllShards} the sum over shards, {@code schedulerSeconds} the
     * scheduler's own combining, metrics and output, and {@code messagingSeconds} the rest of the wall time
     * (message passing and waiting).
     */
    public record Timing(double wallSeconds, double stepsPerSecond, double computeSeconds,
                         double computeSecondsAllShards, double schedulerSeconds, double messagingSeconds,
                         long messageRounds) {}
}
