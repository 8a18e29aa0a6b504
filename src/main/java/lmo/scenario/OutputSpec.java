package lmo.scenario;

/**
 * What a run writes ({@code output}).
 *
 * @param every metrics are logged every {@code every} steps (step 0 and the last step always), >= 1
 * @param snapshotEvery a {@code .npy} snapshot every {@code snapshotEvery} steps; 0: the final snapshot only
 */
public record OutputSpec(int every, int snapshotEvery) {}
