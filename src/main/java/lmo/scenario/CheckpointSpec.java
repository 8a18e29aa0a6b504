package lmo.scenario;

/**
 * When a run saves a resumable checkpoint ({@code checkpoint}).
 *
 * @param every a checkpoint every {@code every} steps, and of the final state; 0: none, >= 0
 */
public record CheckpointSpec(int every) {}
