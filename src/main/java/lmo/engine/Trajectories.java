package lmo.engine;

/**
 * Which particles a run records as trajectories ({@code output.trajectories}) and when: per population of
 * {@code count} particles, {@code K' = min(particles, count)} of them, the ids {@code floor(i * count / K')} for
 * {@code i < K'} ({@link Picks}); at the steps divisible by {@code every} and at the run's last state (completed,
 * stopped early, or the last good state of a divergence).
 *
 * @param particles K, at most {@link #MAX_PARTICLES} (0: off)
 * @param every the recording period in steps (0: off)
 * @throws IllegalArgumentException for a K beyond 1 .. 1000 or a negative period, or only one of the two off
 */
public record Trajectories(int particles, int every) {
    /** The largest K. */
    public static final int MAX_PARTICLES = 1000;
    /** No trajectories. */
    public static final Trajectories OFF = new Trajectories(0, 0);

    public Trajectories {
        if ((particles == 0) != (every == 0)) {
            throw new IllegalArgumentException("trajectories need both particles and every (or neither)");
        }
        if (particles < 0 || particles > MAX_PARTICLES) {
            throw new IllegalArgumentException("trajectories: particles must be in 1 .. " + MAX_PARTICLES + ", not " + particles);
        }
        if (every < 0) throw new IllegalArgumentException("trajectories: every must be >= 1, not " + every);
    }

    public boolean on() { return particles > 0; }

    /** True if state {@code k} is recorded as a periodic point (the last state is recorded besides). */
    public boolean periodic(long k) { return on() && k % every == 0; }
}
