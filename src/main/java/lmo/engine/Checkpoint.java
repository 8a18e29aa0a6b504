package lmo.engine;

/**
 * What a run needs to continue: the state after {@code step} updates, every population's positions and masses in
 * id order. The random generator is counter-based (keyed by the step), so the step is its whole state; the model
 * has no state across steps yet (schedule positions and solver potentials will join here when models have them).
 * {@link Simulation#resumeFrom} starts a run from it; {@code lmo.io.CheckpointFile} stores it.
 */
public record Checkpoint(long step, Gathered state) {
    public Checkpoint {
        if (step < 0) throw new IllegalArgumentException("step must be >= 0");
    }
}
