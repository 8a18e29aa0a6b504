package lmo.engine;

import lmo.particles.Gathered;

/**
 * What a run needs to continue: the state after {@code step} updates, every population's positions and masses in
 * id order, with the models' per-particle solver state and global state across steps ({@link Gathered#s()},
 * {@link Gathered#global()}). The random generator is counter-based (keyed by the step), so the step is its whole
 * state, and schedules (temperatures, inverse temperatures) are functions of the step.
 * {@link Simulation#resumeFrom} starts a run from it; {@code lmo.run.CheckpointFile} stores it.
 */
public record Checkpoint(long step, Gathered state) {
    public Checkpoint {
        if (step < 0) throw new IllegalArgumentException("step must be >= 0");
    }
}
