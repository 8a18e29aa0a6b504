package lmo.engine;

import lmo.particles.Gathered;

/**
 * What a run needs to continue: the state after {@code step} updates, every population's positions and masses in
 * id order, with the models' per-particle solver state and global state across steps ({@link Gathered#s()},
 * {@link Gathered#global()}). The random generator is counter-based (keyed by the step), so the step is its whole
 * state, and schedules (temperatures, inverse temperatures) are functions of the step.
 * {@link Simulation#resumeFrom} starts a run from it; {@code lmo.run.CheckpointFile} stores it.
 *
 * <p>A run with {@code engine.sync: delayed} and staleness s also needs the summaries in flight: its steps
 * {@code step .. step + s - 1} read the summaries of states {@code step - s .. step - 1}, so the checkpoint holds
 * those states ({@code earlier}, oldest first, positions and unnormalised masses) and the resumed run recomputes
 * their summaries.
 *
 * @param earlier the states {@code max(0, step - s) .. step - 1} of a delayed run, oldest first; empty otherwise
 */
public record Checkpoint(long step, Gathered state, java.util.List<Gathered> earlier) {
    public Checkpoint {
        if (step < 0) throw new IllegalArgumentException("step must be >= 0");
        earlier = java.util.List.copyOf(earlier);
        if (earlier.size() > step) throw new IllegalArgumentException(earlier.size() + " earlier states before step " + step);
    }

    /** A checkpoint without earlier states (bsp, bounded). */
    public Checkpoint(long step, Gathered state) {
        this(step, state, java.util.List.of());
    }
}
