package lmo.plot;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lmo.io.Npy;
import lmo.plot.Tracks.Track;

/**
 * The paths of the particles the engine recorded ({@code trajectories-<population>.npy}: shape (S, K, dim + 1), the
 * coordinates as the space stores them then the mass, at the S recorded steps of {@code trajectories-steps.npy},
 * shape (S, 2): step, mean-field time). One picture per population, {@code plots/trajectories-<population>.png}:
 * <ul>
 *   <li>T^1, R^1, S^1 (sphere dim 2): the position against mean-field time, one line per particle; on T^1 the
 *       position unwrapped ({@link Tracks#unwrap}, period 1), on S^1 the angle {@code atan2(x2, x1)} unwrapped
 *       (period 2 pi).</li>
 *   <li>T^2 and higher tori: the path of the first two coordinates in the unit square, broken where it wraps;
 *       R^d: the first two coordinates; S^2: longitude against latitude in degrees, broken at the ±180 seam; a
 *       sphere of dim 4 or more: the first two coordinates.</li>
 *   <li>a two-layer network with a teacher ({@link TeacherDirections}) on a sphere: the neuron's input weight w
 *       (the particle without its output coordinate under the cone readout) as a direction w / |w| projected on the
 *       plane of teacher neurons 1 and 2, the teachers marked; with 2-D inputs the angle of w against time (not
 *       unwrapped, broken at ±pi) with the teachers' angles as dashed lines.</li>
 * </ul>
 * For a game (model {@code game}: populations x, the minimiser, and y, the maximiser), also
 * {@code plots/trajectories.png}: both players on one picture, one colour each, when their pictures have the same axes. Line width and opacity follow the mass
 * ({@link Lines}). Files of the wrong shape fail with an IOException naming them.
 */
public final class TrajectoryPlot {
    /** The recorded steps and their mean-field times, shape (S, 2). */
    public static final String STEPS = lmo.io.RunLayout.TRAJECTORY_STEPS;
    /** The picture of both players of a game. */
    public static final String GAME = "trajectories.png";

    private TrajectoryPlot() {}

    /** {@code trajectories-<population>.npy}. */
    public static String file(String population) { return lmo.io.RunLayout.trajectories(population); }

    /** {@code trajectories-<population>.png}. */
    public static String png(String population) { return "trajectories-" + Charts.safe(population) + ".png"; }

    /**
     * A population's paths in the picture's plane.
     *
     * @param box {xmin, xmax, ymin, ymax} of the picture, or null to fit the data
     * @param marks points to mark (the teachers), or null
     * @param levels horizontal lines at these values (the teachers' angles), or null
     */
    record View(String what, String xTitle, String yTitle, List<Track> tracks, double[] box, double[][] marks,
                double[] levels) {}

    /** Writes the pictures of {@code runDir}'s trajectories into {@code plots}; none when there are no files. */
    static List<Path> write(Path runDir, Path plots, RunInfo info, JsonNode scenario) throws IOException {
        Path stepsFile = runDir.resolve(STEPS);
        if (!Files.isRegularFile(stepsFile)) return List.of();
        Npy.Array steps = Npy.readArray(stepsFile);
        if (steps.shape().length != 2 || steps.shape()[1] != 2) {
            throw new IOException(stepsFile + ": expected shape (S, 2), got " + java.util.Arrays.toString(steps.shape()));
        }
        int s = (int) steps.shape()[0];
        double[] time = new double[s];
        for (int k = 0; k < s; k++) time[k] = steps.data()[2 * k + 1];
        double[][] teacher = TeacherDirections.read(scenario);
        Map<String, View> views = new LinkedHashMap<>();
        List<Path> out = new ArrayList<>();
        for (var e : info.spaces().entrySet()) {
            Path f = runDir.resolve(file(e.getKey()));
            if (!Files.isRegularFile(f)) continue;
            View v = Views.of(e.getValue(), read(f, s, e.getValue().dim()), time, teacher);
            if (s == 0 || v.tracks().isEmpty()) continue; // nothing recorded: no picture
            views.put(e.getKey(), v);
            String title = info.name() + ": " + e.getKey() + ", " + v.what();
            out.add(Lines.draw(plots.resolve(png(e.getKey())), title, List.of(e.getKey()), List.of(v)));
        }
        if (game(scenario, info) && views.containsKey("x") && views.containsKey("y")) {
            View x = views.get("x"), y = views.get("y");
            if (x.xTitle().equals(y.xTitle()) && x.yTitle().equals(y.yTitle())) {
                String title = info.name() + ": players x and y, " + x.what();
                out.add(Lines.draw(plots.resolve(GAME), title, List.of("x (minimiser)", "y (maximiser)"), List.of(x, y)));
            }
        }
        return out;
    }

    /** A game: model type {@code game}, whose two populations are the players x (minimiser) and y (maximiser). */
    static boolean game(JsonNode scenario, RunInfo info) {
        return scenario.path("model").path("type").asText().equals("game") && info.spaces().size() == 2;
    }

    /** The array {@code [s][i][c]} of a trajectories file, checked against (S, K, dim + 1). */
    private static double[][][] read(Path f, int s, int dim) throws IOException {
        Npy.Array a = Npy.readArray(f);
        long[] sh = a.shape();
        if (sh.length != 3 || sh[0] != s || sh[2] != dim + 1) {
            throw new IOException(f + ": expected shape (" + s + ", K, " + (dim + 1) + "), got " + java.util.Arrays.toString(sh));
        }
        int k = (int) sh[1];
        double[][][] out = new double[s][k][dim + 1];
        for (int r = 0; r < s; r++) {
            for (int i = 0; i < k; i++) System.arraycopy(a.data(), (r * k + i) * (dim + 1), out[r][i], 0, dim + 1);
        }
        return out;
    }
}
