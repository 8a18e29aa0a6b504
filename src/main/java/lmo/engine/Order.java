package lmo.engine;

import lmo.particles.Summaries;

/**
 * What the scheduler asks every shard to do with its blocks, one order per message round. Orders carry a
 * sequence number so a late or repeated reply is recognised; a shard answers each order with one
 * {@link ShardReport}. Summaries travel by reference inside one JVM and are read-only for shards.
 */
public sealed interface Order {
    long seq();

    /** Partial summaries of reduce round {@code round} at the current state. */
    record Partials(long seq, long step, int round, Summaries done) implements Order {}

    /**
     * Evaluate V at the current state (adding metric sums) and, if {@code update}, move every particle once and
     * commit; with {@code thenPartials}, also return the round-0 partials of the new state.
     *
     * <p>A dynamics of several {@link lmo.dynamics.Dynamics#stages() stages} (mirror-prox, alternating players) gets
     * one Apply per stage. Stage s > 0 evaluates V at the ghost state written by stage s - 1 (the summaries are the
     * ghost's); every stage but the last keeps its output aside as the new ghost and returns its round-0 partials;
     * only the last stage commits. {@code stageScale[p]} is, for stage s > 0, population p's current total mass
     * divided by its ghost total (null at stage 0).
     */
    record Apply(long seq, long step, Summaries summaries, boolean update, boolean thenPartials, int stage,
            double[] stageScale) implements Order {
        /** A stage-0 Apply. */
        public Apply(long seq, long step, Summaries summaries, boolean update, boolean thenPartials) {
            this(seq, step, summaries, update, thenPartials, 0, null);
        }
    }

    /** Multiply each population's masses by {@code factors[population]}, then return round-0 partials. */
    record Normalize(long seq, long step, double[] factors) implements Order {}

    /** Undo the last committed update (after another block diverged in it). */
    record Rollback(long seq, long step) implements Order {}

    /** Copy out the current positions and masses of every block. */
    record Collect(long seq, long step) implements Order {}

    /**
     * Copy out the positions and masses of the particles {@link Picks picked} from the current state:
     * {@code take[p]} per population p (ids {@code floor(i * count / take[p])}); {@code live} says what for (the live
     * sample, else trajectory points), which the shard ignores. Nothing moves.
     */
    record Pick(long seq, long step, int[] take, boolean live) implements Order {}

    /**
     * Asynchronous work for one shard ({@code engine.sync: delayed} or {@code bounded}): {@code tasks} on single
     * blocks, done in order, answered by one {@link BlockReport} per task in the same order. A task names its
     * summaries by index into {@code summaries}, so a summary several blocks use travels once.
     */
    record Tasks(long seq, java.util.List<Task> tasks, java.util.List<Summaries> summaries) implements Order {
        public Tasks {
            tasks = java.util.List.copyOf(tasks);
            summaries = java.util.List.copyOf(summaries);
        }
    }

    /**
     * One block's piece of a {@link Tasks} order.
     *
     * <ul>
     *   <li>{@code STEP}: the block is at state {@code step}; evaluate V there with {@code summaries[summary]}, move,
     *       multiply the new masses by {@code massFactor}, check, commit, keep the new state; answer the round-0
     *       partial of state {@code step + 1} and the masses before and after.</li>
     *   <li>{@code EVALUATE}: the metric sums of the kept state {@code step}, its masses times {@code massFactor},
     *       with {@code summaries[summary]} (the exact summary of that state); nothing moves.</li>
     *   <li>{@code COLLECT}: a copy of the kept state {@code step}, masses times {@code massFactor}.</li>
     *   <li>{@code PARTIAL}: the round-0 partial of the kept state {@code step}, with its mass.</li>
     *   <li>{@code PICK} (trajectory points) and {@code SAMPLE} (the live sample): the {@link Picks picked} particles
     *       of the kept state {@code step}, {@code take} of the block's population, masses times
     *       {@code massFactor}.</li>
     * </ul>
     */
    record Task(TaskKind kind, int block, long step, int summary, double massFactor, int take) {
        /** A task that picks nothing ({@code take = 0}). */
        public Task(TaskKind kind, int block, long step, int summary, double massFactor) {
            this(kind, block, step, summary, massFactor, 0);
        }
    }

    /** What a {@link Task} does. */
    enum TaskKind { STEP, EVALUATE, COLLECT, PARTIAL, PICK, SAMPLE }
}
