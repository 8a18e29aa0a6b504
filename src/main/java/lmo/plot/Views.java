package lmo.plot;

import java.util.ArrayList;
import java.util.List;
import lmo.plot.TrajectoryPlot.View;
import lmo.plot.Tracks.Track;

/** The coordinates a trajectory picture draws, by space (the list is {@link TrajectoryPlot}'s class comment). */
final class Views {
    private Views() {}

    /**
     * The view of a population's recorded paths {@code p[s][i][c]} (c < dim: coordinates, c = dim: mass) at the
     * mean-field times {@code time[s]}; {@code teacher} (or null) the teacher's input weights in R^(d').
     */
    static View of(RunInfo.Space space, double[][][] p, double[] time, double[][] teacher) {
        int d = space.dim(), s = p.length, k = s == 0 ? 0 : p[0].length;
        String type = space.type();
        boolean sphere = type.equals("sphere"), torus = type.equals("torus");
        int offset = sphere && teacher != null ? d - teacher[0].length : -1;
        if ((offset == 0 || offset == 1) && d - offset >= 2) return teacherView(p, time, teacher, offset, d);
        String n = k + " particle" + (k == 1 ? "" : "s");
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double[] x = new double[s], y = new double[s], m = new double[s];
            boolean[] cut = new boolean[s];
            for (int r = 0; r < s; r++) {
                double[] q = p[r][i];
                m[r] = q[d];
                if (d == 1 || sphere && d == 2) {
                    x[r] = time[r];
                    y[r] = d == 1 ? q[0] : Math.atan2(q[1], q[0]);
                } else if (sphere && d == 3) {
                    x[r] = Tracks.longitude(q[0], q[1]);
                    y[r] = Tracks.latitude(q[2]);
                } else {
                    x[r] = q[0];
                    y[r] = q[1];
                }
            }
            if (torus && d == 1) y = Tracks.unwrap(y, 1);
            if (sphere && d == 2) y = Tracks.unwrap(y, 2 * Math.PI);
            if (torus && d >= 2) {
                Tracks.wrapCuts(x, 1, cut);
                Tracks.wrapCuts(y, 1, cut);
            }
            if (sphere && d == 3) Tracks.wrapCuts(x, 360, cut);
            tracks.add(new Track(x, y, m, cut));
        }
        String t = "mean-field time t";
        if (d == 1) {
            return torus ? new View(n + " on T^1, unwrapped", t, "position x, unwrapped (x + n: continuous across 0 = 1)",
                    tracks, null, null, null)
                    : new View(n + " on R^1", t, "position x", tracks, null, null, null);
        }
        if (sphere && d == 2) {
            return new View(n + " on S^1, angle unwrapped", t, "angle atan2(x2, x1), unwrapped (radians)", tracks, null, null, null);
        }
        if (sphere && d == 3) {
            return new View(paths(n, time) + " on S^2", "longitude (degrees; paths broken at the ±180 seam)",
                    "latitude (degrees)", tracks, new double[] {-180, 180, -90, 90}, null, null);
        }
        String first = d > 2 ? " (first 2 of " + d + " coordinates)" : "";
        if (torus) {
            return new View(paths(n, time) + " on T^" + d + first, "x1 (paths broken where they wrap)", "x2",
                    tracks, new double[] {0, 1, 0, 1}, null, null);
        }
        String where = sphere ? " on S^" + (d - 1) : " in R^" + d;
        return new View(paths(n, time) + where + first, "x1", "x2", tracks, sphere ? new double[] {-1, 1, -1, 1} : null,
                null, null);
    }

    private static String paths(String n, double[] time) {
        return n + (time.length > 0 ? ", t from " + Charts.num(time[0]) + " to " + Charts.num(time[time.length - 1]) : "");
    }

    /** Neurons against the teacher: the direction of the input weight w = q[offset .. d). */
    private static View teacherView(double[][][] p, double[] time, double[][] teacher, int offset, int d) {
        int s = p.length, k = s == 0 ? 0 : p[0].length, dp = d - offset;
        String n = k + " neuron" + (k == 1 ? "" : "s");
        double[][] plane = dp >= 3 ? TeacherDirections.plane(teacher) : null;
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double[] x = new double[s], y = new double[s], m = new double[s];
            boolean[] cut = new boolean[s];
            for (int r = 0; r < s; r++) {
                double[] w = java.util.Arrays.copyOfRange(p[r][i], offset, d);
                m[r] = p[r][i][d];
                double norm = Math.sqrt(TeacherDirections.dot(w, w));
                if (plane == null) {
                    x[r] = time[r];
                    y[r] = Math.atan2(w[1], w[0]);
                } else {
                    x[r] = TeacherDirections.dot(w, plane[0]) / norm;
                    y[r] = TeacherDirections.dot(w, plane[1]) / norm;
                }
            }
            if (plane == null) Tracks.wrapCuts(y, 2 * Math.PI, cut);
            tracks.add(new Track(x, y, m, cut));
        }
        if (plane == null) {
            double[] levels = new double[teacher.length];
            for (int t = 0; t < teacher.length; t++) levels[t] = Math.atan2(teacher[t][1], teacher[t][0]);
            return new View(n + ", input weight w against the teacher's", "mean-field time t",
                    "angle atan2(w2, w1) of the input weight (radians)", tracks,
                    null, null, levels);
        }
        double[][] marks = new double[teacher.length][];
        for (int t = 0; t < teacher.length; t++) {
            double norm = Math.sqrt(TeacherDirections.dot(teacher[t], teacher[t]));
            marks[t] = new double[] {TeacherDirections.dot(teacher[t], plane[0]) / norm, TeacherDirections.dot(teacher[t], plane[1]) / norm};
        }
        return new View(paths(n, time) + ", input weights against the teacher's",
                "w . e1 / |w|  (w: input weight in R^" + dp + ", e1 = teacher neuron 1)", "w . e2 / |w|  (e2: teacher 2, orthogonalised)", tracks, new double[] {-1.05, 1.05, -1.05, 1.05},
                marks, null);
    }
}
