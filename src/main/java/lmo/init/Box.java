package lmo.init;

import java.util.Arrays;

/**
 * An axis-aligned box {@code [low, high]} given by two arrays, or the unit box [0,1]^d when both are null; the
 * dimension is checked when the space is known. Also the allocation of a position array.
 */
final class Box {
    private final double[] low;
    private final double[] high;

    Box(String owner, double[] low, double[] high) {
        if ((low == null) != (high == null)) {
            throw new IllegalArgumentException(owner + ": give both low and high, or neither (unit box)");
        }
        if (low != null) {
            if (low.length != high.length) {
                throw new IllegalArgumentException(owner + ": low has " + low.length + " values, high " + high.length);
            }
            for (int c = 0; c < low.length; c++) {
                if (!(low[c] < high[c]) || Double.isInfinite(low[c]) || Double.isInfinite(high[c])) {
                    throw new IllegalArgumentException(owner + ": need finite low < high, axis " + c + ": ["
                            + low[c] + ", " + high[c] + "]");
                }
            }
        }
        this.low = low == null ? null : low.clone();
        this.high = high == null ? null : high.clone();
    }

    boolean isDefault() { return low == null; }

    /** Lower corner for a d-dimensional space. */
    double[] low(String owner, int dim) {
        check(owner, dim);
        return low == null ? new double[dim] : low;
    }

    /** Upper corner for a d-dimensional space. */
    double[] high(String owner, int dim) {
        check(owner, dim);
        if (high != null) return high;
        double[] h = new double[dim];
        Arrays.fill(h, 1.0);
        return h;
    }

    private void check(String owner, int dim) {
        if (low != null && low.length != dim) {
            throw new IllegalArgumentException(owner + ": box has " + low.length + " axes, space has dim " + dim);
        }
    }

    /** A zeroed array for {@code count} particles of {@code dim} coordinates. */
    static double[] positions(int count, int dim) {
        if (count < 0) throw new IllegalArgumentException("particle count must be >= 0, got " + count);
        long n = (long) count * dim;
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(count + " particles of dim " + dim + " do not fit one array");
        }
        return new double[(int) n];
    }
}
