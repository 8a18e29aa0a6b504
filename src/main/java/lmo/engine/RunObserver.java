package lmo.engine;

import java.util.List;
import lmo.particles.Gathered;

/**
 * Watches a run from the scheduler: metric rows, snapshots, checkpoints, the end. Called on the scheduler's thread,
 * in step order; implementations write files, print progress or collect values for tests.
 */
public interface RunObserver {

    /** Before the first step; {@code columns} name the values of every {@link #onMetrics} call. */
    default void onStart(Simulation sim, BlockLayout layout, List<String> columns) {}

    /** The metrics of the state after {@code step} updates, at a logged step. */
    default void onMetrics(long step, double wallSeconds, double[] values) {}

    /** Progress of the run, after every step (cheap: no I/O expected on each call). */
    default void onStep(long step, double wallSeconds, double[] lastValues) {}

    /** A periodic snapshot of the state after {@code step} updates. */
    default void onSnapshot(long step, Gathered state) {}

    /**
     * Trajectory points ({@code output.trajectories}): the state after {@code step} updates of the particles chosen
     * for trajectories (evenly by id, the same ones at every recorded step), in id order; positions and masses only
     * (no solver or global state). Called on the recorded steps, in step order.
     */
    default void onTrajectory(long step, Gathered points) {}

    /**
     * A thinned sample of the state after {@code step} updates, for the live status page: at most a few thousand
     * particles per population, taken every few seconds of wall time, in id order; positions and masses only. Called
     * on the scheduler's thread: must return at once (keep the reference; no I/O, no serialisation here).
     */
    default void onLiveSample(long step, Gathered sample) {}

    /** True if this observer wants {@link #onLiveSample} calls (the engine takes no sample when no observer does). */
    default boolean wantsLiveSample() { return false; }

    /**
     * A checkpoint: the state after {@code step} updates, from which {@link Simulation#resumeFrom} continues the run
     * (periodic, requested, or the final state). Called after {@link #onSnapshot} of the same step and, for the
     * final state, before {@link #onFinish}.
     */
    default void onCheckpoint(long step, Gathered state) {}

    /**
     * An asynchronous step was ordered: block {@code block}'s step from state {@code step} reads the partial of
     * state {@code sources[j]} of every block j (its staleness for j is {@code step - sources[j]}).
     */
    default void onSources(int block, long step, long[] sources) {}

    /** Every block of shard {@code shard} has reached state {@code step} (asynchronous runs). */
    default void onShardStep(int shard, long step) {}

    /**
     * A checkpoint with everything a resume needs ({@link Checkpoint#earlier} for a delayed run); the engine calls
     * this form. By default it passes the step and state to {@link #onCheckpoint(long, Gathered)}.
     */
    default void onCheckpoint(Checkpoint c) { onCheckpoint(c.step(), c.state()); }

    /**
     * The run ended: {@code state} is the final state, or the last good state if the run diverged, or null if it
     * stopped because the cluster lost too many members (the last checkpoint is then the state to resume from).
     */
    default void onFinish(RunOutcome outcome, Gathered state) {}

    /**
     * The run goes back to the checkpoint at {@code step} (a cluster member was lost): rows and snapshots after it
     * will be reported again. The next {@link #onStart} continues the same run.
     */
    default void onRewind(long step) {}

    /** Shard {@code shard} computed for {@code seconds} to answer one order (once per shard per message round). */
    default void onShardCompute(int shard, double seconds) {}

    /** Bytes this scheduler has sent to and received from other JVMs so far (cluster runs; cumulative). */
    default void onTraffic(long bytesSent, long bytesReceived) {}

    /** Where the shards are and what the cluster went through, each time it changes. */
    default void onCluster(ClusterStatus status) {}
}
