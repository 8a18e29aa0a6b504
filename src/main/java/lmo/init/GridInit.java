package lmo.init;

import lmo.space.Space;

/**
 * Deterministic positions at the cell centres of a regular n^d grid on the box [low, high] (default [0,1]^d):
 * particle p has axis indices (j_0, ..., j_{d-1}) in row-major order (last axis fastest) and coordinates
 * {@code low_c + (high_c - low_c) (j_c + 1/2)/n}; on the torus the result is wrapped (the default gives
 * {@code (j + 1/2)/n}). The particle count must be n^d.
 *
 * <p>On the circle (a sphere of dim 2) any count N is allowed: particle p is at the angle
 * {@code phi_p = 2 pi (p + 1/2) / N}, {@code (cos phi_p, sin phi_p)}, the cell centres of N equal arcs. Not for
 * spheres of higher dimension.
 */
public final class GridInit implements InitialDistribution {
    private final Box box;

    /**
     * @param low lower corner, or null (with high null) for [0,1]^d
     * @param high upper corner, or null
     */
    public GridInit(double[] low, double[] high) {
        this.box = new Box("grid init", low, high);
    }

    /** The unit box. */
    public GridInit() { this(null, null); }

    /** The n with {@code n^dim = count}. */
    static int side(int count, int dim) {
        if (count == 0) return 0;
        long n = Math.round(Math.pow(count, 1.0 / dim));
        for (long m = Math.max(n - 1, 0); m <= n + 1; m++) {
            long p = 1;
            for (int c = 0; c < dim && p <= count; c++) p *= m;  // p <= count before each product: no overflow
            if (p == count) return (int) m;
        }
        throw new IllegalArgumentException("grid init needs count = n^" + dim + " particles, got " + count);
    }

    @Override
    public double[] positions(Space space, int count, long seed, int population) {
        int dim = space.dim();
        if (space.type().equals("sphere")) {
            if (dim != 2) throw new IllegalArgumentException("grid init on the sphere needs the circle (dim 2), got dim " + dim);
            double[] x = Box.positions(count, dim);
            for (int p = 0; p < count; p++) {
                double phi = circleAngle(p, count);
                x[2 * p] = StrictMath.cos(phi);
                x[2 * p + 1] = StrictMath.sin(phi);
            }
            return x;
        }
        double[] low = box.low("grid init", dim), high = box.high("grid init", dim);
        double[] x = Box.positions(count, dim);
        int n = side(count, dim);
        for (int p = 0, at = 0; p < count; p++, at += dim) {
            int rest = p;
            for (int c = dim - 1; c >= 0; c--) {
                int j = rest % n;
                rest /= n;
                x[at + c] = low[c] + (high[c] - low[c]) * ((j + 0.5) / n);
            }
            space.canonicalize(x, at);
        }
        return x;
    }

    /** The angle of point p of N on the circle: {@code 2 pi (p + 1/2) / N}. */
    public static double circleAngle(int p, int count) {
        return 2 * Math.PI * (p + 0.5) / count;
    }
}
