package lmo.engine;

import java.time.Duration;

/**
 * How the scheduler uses a cluster: it starts when {@code startNodes} members (the coordinator included) host
 * shards, runs on every member that is up then, and after losing a member goes on while at least {@code minNodes}
 * remain; below that it waits {@code rejoinTimeout} for members to join, then stops (exit code 4) with the last
 * checkpoint kept.
 *
 * @param scenarioYaml the resolved scenario, sent to every member so it can rebuild the model
 * @param chunkBytes the largest piece a bulk message is cut into (below the Artery frame size)
 */
public record ClusterPlan(String scenarioYaml, int startNodes, int minNodes, Duration joinTimeout,
                          Duration rejoinTimeout, int chunkBytes) {
    public ClusterPlan {
        if (minNodes < 1 || startNodes < minNodes) {
            throw new IllegalArgumentException("need 1 <= minNodes <= startNodes, got " + minNodes + ", " + startNodes);
        }
    }
}
