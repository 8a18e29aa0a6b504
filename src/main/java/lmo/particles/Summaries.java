package lmo.particles;

/**
 * The combined results of the reduce rounds of one step, available to the model: round r is a {@code double[]}
 * (a SUM round) or a {@link Gathered} (a GATHER round). Rounds not yet reduced are null. They also carry the
 * model's global state at the start of the step ({@link #global()}, empty for most models). Read-only for models.
 */
public final class Summaries {
    private static final double[] NONE = new double[0];
    private final Object[] rounds;
    private final long step;
    private final double[] global;

    /** Summaries of the state at step 0. */
    public Summaries(int rounds) { this(rounds, 0); }

    /** @param step the step of the state these summaries describe (updates made so far) */
    public Summaries(int rounds, long step) { this(rounds, step, NONE); }

    /**
     * @param step the step of the state these summaries describe
     * @param global the model's global state at that step (not copied; nobody modifies it)
     */
    public Summaries(int rounds, long step, double[] global) {
        this.rounds = new Object[rounds];
        this.step = step;
        this.global = global == null ? NONE : global;
    }

    /**
     * The model's global state at the start of the step ({@link lmo.model.Model#globalStateLength} doubles): what
     * {@link lmo.model.Model#carryGlobal} made of the previous step, or the model's initial global state at step 0.
     * Read-only.
     */
    public double[] global() { return global; }

    /**
     * The step of the state these summaries describe: the update made from it is update {@code step}. Models whose
     * first variation depends on the iteration (an annealing schedule of Sinkhorn) read it here.
     */
    public long step() { return step; }

    /** The SUM summary of round r. */
    public double[] sum(int round) { return (double[]) rounds[round]; }

    /** The GATHER summary of round r. */
    public Gathered gathered(int round) { return (Gathered) rounds[round]; }

    public int rounds() { return rounds.length; }

    public void set(int round, Object value) {
        if (!(value instanceof double[]) && !(value instanceof Gathered)) {
            throw new IllegalArgumentException("a summary is a double[] or a Gathered");
        }
        rounds[round] = value;
    }

    public Object get(int round) { return rounds[round]; }
}
