package lmo.actor;

import java.time.Duration;
import lmo.actor.cluster.MemberProfile;

/**
 * How the scheduler uses a cluster: it starts when {@code startNodes} members (the coordinator included) host
 * shards, runs on every member that is up then, and after losing a member goes on while at least {@code minNodes}
 * remain; below that it waits {@code rejoinTimeout} for members to join, then stops (exit code 4) with a resumable
 * checkpoint. Members whose {@link MemberProfile} differs from {@code profile} are refused; a member that owes the
 * scheduler an answer and shows no sign of life for {@code silenceLimit} is treated as lost.
 *
 * @param scenarioYaml the resolved scenario, sent to every member so it can rebuild the model
 * @param chunkBytes the largest piece a bulk message is cut into (below the Artery frame size)
 * @param silenceLimit how long a member that owes an answer may send no heartbeat showing progress
 * @param profile the coordinator's profile, which every member must share
 */
public record ClusterPlan(String scenarioYaml, int startNodes, int minNodes, Duration joinTimeout,
                          Duration rejoinTimeout, int chunkBytes, Duration silenceLimit, MemberProfile profile) {
    public ClusterPlan {
        if (minNodes < 1 || startNodes < minNodes) {
            throw new IllegalArgumentException("need 1 <= minNodes <= startNodes, got " + minNodes + ", " + startNodes);
        }
        if (silenceLimit.isNegative() || silenceLimit.isZero()) {
            throw new IllegalArgumentException("the silence limit must be positive, got " + silenceLimit);
        }
    }

    /** How often members send heartbeats, and the scheduler looks for silent ones: a fifth of the limit, at most 1 s. */
    public Duration heartbeat() {
        Duration fifth = silenceLimit.dividedBy(5);
        return fifth.compareTo(Duration.ofSeconds(1)) < 0 ? fifth : Duration.ofSeconds(1);
    }
}
