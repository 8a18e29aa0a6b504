package lmo.init;

import lmo.space.Space;

/**
 * Deterministic positions at the cell centres of a regular n^d grid on the box [low, high] (default [0,1]^d):
 * particle p has axis indices (j_0, ..., j_{d-1}) in row-major order (last axis fastest) and coordinates
 * {@code low_c + (high_c - low_c) (j_c + 1/2)/n}; on the torus the result is wrapped (the default gives
 * {@code (j + 1/2)/n}). The particle count must be n^d. Not for the sphere.
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
        if (space.type().equals("sphere")) throw new IllegalArgumentException("grid init is not available on the sphere");
        int dim = space.dim();
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
}
