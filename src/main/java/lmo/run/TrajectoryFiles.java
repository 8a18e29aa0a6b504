package lmo.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import lmo.engine.Simulation;
import lmo.io.Npy;
import lmo.io.RunLayout;
import lmo.particles.Gathered;

/**
 * The trajectory files of a run directory ({@code output.trajectories}): {@code trajectories-<population>.npy},
 * float64 of shape {@code (S, K', dim + 1)} (per recorded step, per chosen particle in id order: its coordinates, then
 * its mass), and {@code trajectories-steps.npy}, float64 of shape {@code (S, 2)} (the step, and its mean-field time
 * {@code step * timeStep}, as metrics.csv's {@code time}). The rows are kept in memory and the files rewritten whole,
 * durably, at every checkpoint (before {@code checkpoint.lmo}) and at the end; a resume or a rewind to step c keeps the
 * rows of the steps before c (the run records c again when it is due).
 *
 * <p>Fails (an {@link IOException} naming the file) when a run resumed at step c > 0 finds no trajectory files, or
 * files whose shapes disagree with the run's.
 */
final class TrajectoryFiles {
    private final Path dir;
    /** Keep the rows of the steps before this one from the files on disk at the first start (a resume), or -1. */
    private long resumeBefore = -1;
    private Simulation sim;
    private String[] names;
    private int[] width;
    private int[] take;
    private double[][] rows;
    private double[] steps = new double[0];
    private int count;

    TrajectoryFiles(Path dir) { this.dir = dir; }

    /** The directory is reopened to continue from step {@code c}: the first start reads the files' rows before it. */
    void resumeAt(long c) { resumeBefore = c; }

    /** A run (or the same run after a rewind) starts; the first start of a resumed run reads the files. */
    void start(Simulation sim) throws IOException {
        boolean first = this.sim == null;
        this.sim = sim;
        if (!sim.trajectories().on() || !first) return;
        int n = sim.populations().size();
        names = new String[n];
        width = new int[n];
        take = new int[n];
        rows = new double[n][];
        for (var p : sim.populations()) {
            int i = p.index();
            names[i] = p.name();
            width[i] = p.dim() + 1;
            take[i] = Math.min(sim.trajectories().particles(), p.count());
            rows[i] = new double[0];
        }
        if (resumeBefore > 0) load(resumeBefore);
    }

    private boolean on() { return sim != null && sim.trajectories().on(); }

    /** Trajectory points of state {@code step} (positions and masses in id order). */
    void add(long step, Gathered points) {
        if (!on()) return;
        if (2 * (count + 1) > steps.length) steps = Arrays.copyOf(steps, Math.max(16, 4 * (count + 1)));
        steps[2 * count] = step;
        steps[2 * count + 1] = step * sim.dynamics().timeStep();
        for (int p = 0; p < names.length; p++) {
            int d = width[p] - 1, k = take[p], row = k * width[p];
            if (points.m()[p].length != k) {
                throw new IllegalStateException("trajectories of " + names[p] + ": " + points.m()[p].length
                        + " particles, expected " + k);
            }
            if ((long) row * (count + 1) > rows[p].length) {
                rows[p] = Arrays.copyOf(rows[p], (int) Math.min(Integer.MAX_VALUE - 8, Math.max(16L * row, 2L * row * (count + 1))));
            }
            int at = count * row;
            for (int i = 0; i < k; i++) {
                System.arraycopy(points.x()[p], i * d, rows[p], at + i * width[p], d);
                rows[p][at + i * width[p] + d] = points.m()[p][i];
            }
        }
        count++;
    }

    /** Drops the rows of step {@code c} and after (a rewind to the checkpoint at c). */
    void rewind(long c) {
        if (!on()) return;
        while (count > 0 && steps[2 * (count - 1)] >= c) count--;
    }

    /** Writes the files (the populations first, the steps last), each durably. */
    void write() throws IOException {
        if (!on()) return;
        for (int p = 0; p < names.length; p++) {
            put(RunLayout.trajectories(names[p]), new long[] {count, take[p], width[p]},
                    Arrays.copyOf(rows[p], count * take[p] * width[p]));
        }
        put(RunLayout.TRAJECTORY_STEPS, new long[] {count, 2}, Arrays.copyOf(steps, 2 * count));
    }

    private void put(String name, long[] shape, double[] data) throws IOException {
        Npy.write(dir.resolve(name + RunLayout.TMP), shape, data);
        DurableWrite.commit(dir, name);
    }

    /** Reads the rows of the steps before c from the files a run wrote before it was resumed. */
    private void load(long c) throws IOException {
        Path stepsFile = dir.resolve(RunLayout.TRAJECTORY_STEPS);
        if (!Files.isRegularFile(stepsFile)) {
            throw new IOException(stepsFile + ": missing: a run resumed at step " + c + " needs the trajectory rows"
                    + " before it");
        }
        Npy.Array s = Npy.readArray(stepsFile);
        if (s.shape().length != 2 || s.shape()[1] != 2) {
            throw new IOException(stepsFile + ": shape " + Arrays.toString(s.shape()) + ", expected (S, 2)");
        }
        int keep = 0;
        while (keep < s.shape()[0] && s.data()[2 * keep] < c) keep++;
        steps = Arrays.copyOf(s.data(), Math.max(16, 2 * keep));
        for (int p = 0; p < names.length; p++) {
            Path f = dir.resolve(RunLayout.trajectories(names[p]));
            if (!Files.isRegularFile(f)) throw new IOException(f + ": missing: a run resumed at step " + c + " needs it");
            Npy.Array a = Npy.readArray(f);
            long[] shape = a.shape();
            if (shape.length != 3 || shape[0] < keep || shape[1] != take[p] || shape[2] != width[p]) {
                throw new IOException(f + ": shape " + Arrays.toString(shape) + ", expected (>= " + keep + ", "
                        + take[p] + ", " + width[p] + ")");
            }
            rows[p] = Arrays.copyOf(a.data(), keep * take[p] * width[p]);
        }
        count = keep;
    }
}
