package lmo.engine;

import java.util.Map;

/**
 * Where a run's shards are and what the cluster went through: members used, shards per member (by address), members
 * lost and recoveries made (blocks placed again from a checkpoint).
 */
public record ClusterStatus(int nodes, Map<String, Integer> placement, int memberLosses, int recoveries) {
    public ClusterStatus {
        placement = Map.copyOf(placement);
    }
}
