package lmo.plot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import lmo.io.Npy;
import lmo.io.RunLayout;
import lmo.io.Table;

/**
 * The states an animation of one population shows, in step order: its snapshots
 * ({@code snapshots/<population>-<step>.npy}), then its end state when there is one ({@code final-<population>.npy}
 * at summary.json's {@code finalStep}, or {@code last-good-<population>.npy} at {@code lastGoodStep} or
 * {@code resumableFromStep}, else metrics.csv's last step); a run without snapshots of the population, its
 * trajectories instead ({@code trajectories-<population>.npy}, (S, K, dim + 1), at the steps and times of
 * {@code trajectories-steps.npy}). Each frame's time is metrics.csv's for its step, interpolated linearly between
 * the logged rows around it when the step is not logged ({@link Frame#timeLabel} says so). Fails with an
 * IllegalArgumentException naming what is missing when the run has neither snapshots nor trajectories of the
 * population, and with an IOException when a file does not read as expected.
 */
final class AnimationFrames {
    /** Trajectories of the population: (S, K, dim + 1) float64. */
    static String trajectories(String population) {
        return RunLayout.trajectories(population);
    }

    /** The steps of the trajectories: (S, 2) float64, step then mean-field time. */
    static final String TRAJECTORY_STEPS = RunLayout.TRAJECTORY_STEPS;

    /** One frame: its step, its time as the title shows it, what it is ({@code final}, ...; empty for a snapshot). */
    record Frame(long step, String timeLabel, String what, Loader state) {}

    /** Reads a frame's state when it is drawn (frames are read twice: once for the axes, once to draw). */
    interface Loader {
        Table load() throws IOException;
    }

    private AnimationFrames() {}

    /** The frames of {@code population} in {@code runDir}, in step order. */
    static List<Frame> of(Path runDir, String population) throws IOException {
        Times times = Times.read(runDir.resolve(RunLayout.METRICS));
        List<Frame> out = new ArrayList<>();
        for (long step : snapshotSteps(runDir, population)) {
            Path f = runDir.resolve(RunLayout.snapshot(population, step));
            out.add(new Frame(step, times.label(step), "", () -> Npy.read(f)));
        }
        if (!out.isEmpty()) {
            JsonNode summary = summary(runDir);
            for (String[] end : new String[][] {{RunLayout.finalState(population), "finalStep", "final"},
                {RunLayout.lastGoodState(population), "lastGoodStep", "last good"}}) {
                Path f = runDir.resolve(end[0]);
                if (!Files.isRegularFile(f)) continue;
                long step = summary.path(end[1]).asLong(summary.path("resumableFromStep").asLong(times.lastStep()));
                if (step > out.get(out.size() - 1).step()) out.add(new Frame(step, times.label(step), end[2], () -> Npy.read(f)));
                break;
            }
            return out;
        }
        Path traj = runDir.resolve(trajectories(population)), steps = runDir.resolve(TRAJECTORY_STEPS);
        if (Files.isRegularFile(traj) && Files.isRegularFile(steps)) return trajectoryFrames(traj, Npy.read(steps));
        throw new IllegalArgumentException(runDir + ": no snapshots of population " + population + " ("
                + RunLayout.SNAPSHOTS + "/" + population + "-<step>.npy) and no trajectories (" + trajectories(population)
                + "): run the scenario with --set output.snapshotEvery=K (or output.trajectories)");
    }

    /** The steps of the population's snapshots, ascending. */
    static long[] snapshotSteps(Path runDir, String population) throws IOException {
        Path dir = runDir.resolve(RunLayout.SNAPSHOTS);
        if (!Files.isDirectory(dir)) return new long[0];
        Pattern name = Pattern.compile(Pattern.quote(population) + "-(\\d{8,18})\\.npy");
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> name.matcher(p.getFileName().toString())).filter(Matcher::matches)
                    .mapToLong(m -> Long.parseLong(m.group(1))).sorted().toArray();
        }
    }

    private static List<Frame> trajectoryFrames(Path file, Table steps) throws IOException {
        Npy.Array a = Npy.readArray(file);
        long[] shape = a.shape();
        if (shape.length != 3 || shape[0] != steps.rows() || steps.cols() != 2) {
            throw new IOException(file + ": shape " + Arrays.toString(shape) + ", expected (S, K, dim + 1) with S = "
                    + steps.rows() + " rows of " + TRAJECTORY_STEPS + " (step, time)");
        }
        int k = (int) shape[1], cols = (int) shape[2];
        List<Frame> out = new ArrayList<>();
        for (int s = 0; s < steps.rows(); s++) {
            double[] rows = Arrays.copyOfRange(a.data(), s * k * cols, (s + 1) * k * cols);
            Table t = new Table(k, cols, rows);
            out.add(new Frame((long) steps.get(s, 0), "t = " + Charts.num(steps.get(s, 1)), "tracked", () -> t));
        }
        return out;
    }

    private static JsonNode summary(Path runDir) throws IOException {
        Path f = runDir.resolve(RunLayout.SUMMARY);
        return Files.isRegularFile(f) ? new ObjectMapper().readTree(f.toFile()) : new ObjectMapper().createObjectNode();
    }

    /** metrics.csv's step and time columns (empty when the file is missing or has no time column). */
    record Times(double[] steps, double[] times) {
        static Times read(Path csv) throws IOException {
            if (!Files.isRegularFile(csv)) return new Times(new double[0], new double[0]);
            MetricsTable t = MetricsTable.read(csv);
            if (!t.has("step") || !t.has("time")) return new Times(new double[0], new double[0]);
            return new Times(t.column("step"), t.column("time"));
        }

        long lastStep() {
            return steps.length == 0 ? -1 : (long) steps[steps.length - 1];
        }

        /** {@code t = 1.5}; {@code t ≈ 1.5} interpolated between logged rows; {@code t = ?} outside them. */
        String label(long step) {
            for (int i = 0; i < steps.length; i++) {
                if (steps[i] == step) return "t = " + Charts.num(times[i]);
                if (i > 0 && steps[i - 1] < step && step < steps[i]) {
                    double f = (step - steps[i - 1]) / (steps[i] - steps[i - 1]);
                    return "t \u2248 " + Charts.num(times[i - 1] + f * (times[i] - times[i - 1]));
                }
            }
            return "t = ?";
        }
    }
}
