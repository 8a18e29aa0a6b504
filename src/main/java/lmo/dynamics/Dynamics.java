package lmo.dynamics;

import lmo.particles.Block;
import lmo.space.Space;

/**
 * Turns the first variation into an update, whatever the model: reads the block's current state
 * ({@link Block#x()}, {@link Block#m()}) and writes the next one into {@link Block#xNext()} and
 * {@link Block#mNext()} (every entry, also those it leaves unchanged). Time is mean-field time: a particle moves by
 * {@code -stepSize * grad V(x)}.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface Dynamics {

    /**
     * Writes the block's next state.
     *
     * @param v V at the block's particles; scratch, may be modified
     * @param gradV ambient gradient of V; scratch, may be modified (e.g. projected in place)
     */
    void step(Space space, Block block, double[] v, double[] gradV, StepContext ctx);

    /**
     * True when each population's masses must be rescaled to their initial total after every step (Fisher–Rao
     * with {@code conserveMass}); the engine does it with one more reduction.
     */
    default boolean normalizesMass() { return false; }

    /**
     * Substeps per step: 1 for a plain update. A dynamics with s > 1 stages (mirror-prox: a ghost step, then the
     * real one; alternating players) is called once per stage ({@link StepContext#stage()}): stage k > 0 gets V at
     * the ghost state that stage k - 1 wrote ({@link Block#ghostX()}, {@link Block#ghostM()}), and always writes
     * from the current state ({@link Block#x()}, {@link Block#m()}) into the next buffers. The engine keeps the
     * output of every stage but the last as the next ghost, and commits the last. The model must have one reduce
     * round.
     */
    default int stages() { return 1; }

    /** Mean-field time advanced by one step (the position step size, or the mass step size without transport). */
    double timeStep();

    /** Names of the dynamics' own metrics (e.g. the current temperature), logged after the model's. */
    default java.util.List<String> metricNames() { return java.util.List.of(); }

    /** The values of {@link #metricNames()} for the update from state {@code step}. */
    default double[] metrics(long step) { return new double[0]; }

    /** The name used in scenario files. */
    String type();
}
