package lmo.plot;

/**
 * The geometry of trajectories: one particle's recorded path as plane coordinates with the places where the drawn
 * line must break. {@link #unwrap} makes a coordinate known modulo a period continuous (T^1, the angle on S^1);
 * {@link #wrapCuts} finds where a coordinate kept in a period jumps across it (T^2, the longitude's ±180 seam).
 */
final class Tracks {
    private Tracks() {}

    /**
     * A path: {@code x[s], y[s]} at recorded step s, the particle's mass {@code m[s]}, and {@code cut[s]} true where the
     * segment from s - 1 to s is not drawn (the path wraps there).
     */
    record Track(double[] x, double[] y, double[] m, boolean[] cut) {}

    /**
     * {@code v} made continuous: adds a multiple of {@code period} to each value so that no step jumps by more than
     * {@code period / 2} (the shortest move between recorded steps is taken to be the true one; a particle that truly
     * moves more than half a period between two records is unwrapped the wrong way). Non-finite values are kept and
     * do not reset the offset.
     */
    static double[] unwrap(double[] v, double period) {
        double[] out = v.clone();
        double offset = 0, prev = Double.NaN;
        for (int s = 0; s < v.length; s++) {
            if (!Double.isFinite(v[s])) continue;
            if (Double.isFinite(prev)) {
                double jump = v[s] - prev;
                if (jump > period / 2) offset -= period * Math.ceil((jump - period / 2) / period);
                else if (jump < -period / 2) offset += period * Math.ceil((-jump - period / 2) / period);
            }
            prev = v[s];
            out[s] = v[s] + offset;
        }
        return out;
    }

    /** Marks in {@code cut} the steps where {@code v} (a coordinate kept in one period) jumps by more than half of it. */
    static void wrapCuts(double[] v, double period, boolean[] cut) {
        for (int s = 1; s < v.length; s++) if (Math.abs(v[s] - v[s - 1]) > period / 2) cut[s] = true;
    }

    /** Longitude {@code atan2(x2, x1)} of a point of R^3, in degrees in (-180, 180]. */
    static double longitude(double x1, double x2) { return Math.toDegrees(Math.atan2(x2, x1)); }

    /** Latitude {@code asin(x3)} of a unit vector of R^3, in degrees in [-90, 90] (x3 clamped to [-1, 1]). */
    static double latitude(double x3) { return Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, x3)))); }
}
