package lmo.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lmo.particles.Population;
import lmo.particles.Reduction;

/**
 * The heap a run needs, counted from what the engine allocates, before it allocates it. A population of N particles
 * of dimension d with w solver values is {@code 8 N (d + 1 + w)} bytes of state, and the engine holds
 * {@value #COPIES} copies of it at once: the initial state kept for recovery, the blocks' current and next arrays,
 * and the gathered state of a snapshot or the final state (one more, the ghost, for a dynamics of several stages).
 * A reduce round adds its summaries: a SUM or log-sum-exp round {@code blocks x length} partials, a GATHER round
 * one more copy of every population, a CONCAT round its per-particle rows, twice (partials and the combined
 * summary). Then {@value #BASE_MB} MB for the JVM, Pekko and the run's bookkeeping.
 *
 * <p>It is a lower bound of the peak, not a forecast: models keep their own data besides (a network's data set, a
 * transport target's potentials), so a run estimated to fit can still run out; a run estimated not to fit cannot
 * run. {@code lmo validate} prints it; {@code lmo run} refuses a run whose estimate exceeds the heap
 * ({@link Runtime#maxMemory()}, set by -Xmx).
 *
 * @param bytes the estimate
 * @param particles what holds most of it, for messages: "2000000 particles of dim 2"
 */
public record MemoryEstimate(long bytes, String particles) {
    /** Copies of the particle state the engine holds at once. */
    public static final int COPIES = 4;
    /** The JVM, Pekko and bookkeeping, in MB. */
    public static final int BASE_MB = 40;

    /** One population's size: particles, coordinates per particle, solver values per particle. */
    public record Shape(String name, long count, int dim, int solverWidth) {
        long stateBytes() { return 8L * count * (dim + 1L + solverWidth); }
    }

    /**
     * The estimate for populations alone, before the model exists (what setup will allocate first).
     *
     * @param copies copies of the state held at once: {@value #COPIES} in one JVM (one more for a dynamics of several
     *     stages); 2 on the coordinator of a cluster, whose blocks may all live on other members (the initial and the
     *     gathered state)
     */
    public static MemoryEstimate of(List<Shape> populations, int copies) {
        long state = 0;
        for (Shape s : populations) state += s.stateBytes();
        return new MemoryEstimate(state * copies + BASE_MB * (1L << 20), describe(populations));
    }

    /** The estimate for an assembled simulation: populations, solver state and the model's summaries. */
    public static MemoryEstimate of(Simulation sim) {
        List<Shape> shapes = new ArrayList<>();
        for (Population p : sim.populations()) shapes.add(new Shape(p.name(), p.count(), p.dim(), p.solverWidth()));
        // asynchronous steps: every block keeps its last s + 3 states, and the scheduler the partials of about s + 1
        // states (a GATHER partial is a copy of the block's particles)
        int async = sim.sync().asynchronous() ? 2 * sim.sync().staleness() + 4 : 0;
        MemoryEstimate base = of(shapes, COPIES + (sim.dynamics().stages() > 1 ? 1 : 0) + async);
        long state = 0;
        for (Shape s : shapes) state += s.stateBytes();
        long blocks = 0;
        for (Population p : sim.populations()) blocks += (p.count() + (long) sim.blockSize() - 1) / sim.blockSize();
        long total = 0;
        for (Population p : sim.populations()) total += p.count();
        long summaries = 0;
        for (int r = 0; r < sim.model().rounds(); r++) {
            Reduction red = sim.model().reduction(r);
            summaries += switch (red.kind()) {
                case SUM, LOG_SUM_EXP -> 8L * (blocks + 1) * red.length();
                case GATHER -> state;
                case CONCAT -> 2 * 8L * total * red.length();
            };
        }
        return new MemoryEstimate(base.bytes() + summaries + trajectoryBytes(sim), base.particles());
    }

    /**
     * The trajectory rows kept until the end ({@code output.trajectories}): S = steps / every + 2 rows of K' (dim + 1)
     * doubles per population, counted 4 times (the growing buffer, its spare room, the copy and the bytes written).
     */
    static long trajectoryBytes(Simulation sim) {
        Trajectories t = sim.trajectories();
        if (!t.on()) return 0;
        long rows = sim.steps() / t.every() + 2, bytes = 0;
        for (Population p : sim.populations()) bytes += 4 * 8 * rows * Math.min(t.particles(), p.count()) * (p.dim() + 1);
        return bytes;
    }

    private static String describe(List<Shape> populations) {
        Shape big = null;
        for (Shape s : populations) if (big == null || s.stateBytes() > big.stateBytes()) big = s;
        if (big == null) return "no particles";
        String one = big.count() + " particles of dim " + big.dim();
        return populations.size() == 1 ? one : one + " (population " + big.name() + ", the largest of "
                + populations.size() + ")";
    }

    public long megabytes() { return (bytes + (1L << 20) - 1) >> 20; }

    /** Whether it fits in {@code heapBytes}. */
    public boolean fits(long heapBytes) { return bytes <= heapBytes; }

    /** The heap this JVM may use, in MB. */
    public static long heapMegabytes() { return Runtime.getRuntime().maxMemory() >> 20; }

    /** "2000000 particles of dim 2 need about 182 MB": the start of every message about memory. */
    public String need() {
        return String.format(Locale.ROOT, "%s need about %d MB", particles, megabytes());
    }

    /** The refusal of a run that cannot fit, one line. */
    public String refusal() {
        return need() + ", more than the heap's " + heapMegabytes() + " MB; raise -Xmx (JAVA_OPTS=-Xmx"
                + suggestedXmx() + " bin/lmo ...) or use --cluster";
    }

    /** The message of a run that ran out of memory anyway, one line. */
    public String outOfMemory() {
        return "out of memory: " + need() + " (at least; the heap holds " + heapMegabytes()
                + " MB); raise -Xmx (JAVA_OPTS=-Xmx" + suggestedXmx() + ") or use --cluster";
    }

    /** A heap size with room to spare: twice the estimate, in g or m. */
    private String suggestedXmx() {
        long mb = 2 * megabytes();
        return mb >= 1024 ? ((mb + 1023) / 1024) + "g" : ((mb + 63) / 64 * 64) + "m";
    }
}
