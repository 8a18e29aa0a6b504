package lmo.transport.barycenter;

import java.util.function.ToDoubleFunction;

/**
 * A regular tensor grid in R^d: along axis a the points {@code lo[a] + i h[a]}, i = 0 .. n[a]-1, with
 * {@code h[a] = (hi[a] - lo[a]) / (n[a] - 1)}. Points are numbered row-major, the last axis fastest:
 * {@code flat = (i_0 n_1 + i_1) n_2 + ...}. Measures on the grid are given by their log-weights (normalised to total
 * mass 1, -infinity where the weight is 0).
 */
public final class TensorGrid {
    private final double[] lo;
    private final double[] h;
    private final int[] n;
    private final int size;

    /** @param lo, hi the first and last point per axis; n the number of points per axis (>= 2) */
    public TensorGrid(double[] lo, double[] hi, int[] n) {
        if (lo.length != hi.length || lo.length != n.length || n.length == 0)
            throw new IllegalArgumentException("lo, hi, n must have the same length >= 1");
        this.lo = lo.clone();
        this.n = n.clone();
        this.h = new double[n.length];
        long s = 1;
        for (int a = 0; a < n.length; a++) {
            if (n[a] < 2 || !(hi[a] > lo[a])) throw new IllegalArgumentException("axis " + a + ": need n >= 2 and hi > lo");
            h[a] = (hi[a] - lo[a]) / (n[a] - 1);
            s *= n[a];
        }
        if (s > Integer.MAX_VALUE) throw new IllegalArgumentException("grid too large: " + s + " points");
        this.size = (int) s;
    }

    /** The one-dimensional grid of n points from lo to hi. */
    public static TensorGrid line(double lo, double hi, int n) {
        return new TensorGrid(new double[] {lo}, new double[] {hi}, new int[] {n});
    }

    public int dim() { return n.length; }
    public int size() { return size; }
    public int count(int axis) { return n[axis]; }
    public double spacing(int axis) { return h[axis]; }

    /** The coordinate along {@code axis} of the i-th point of that axis. */
    public double coordinate(int axis, int i) { return lo[axis] + i * h[axis]; }

    /** Writes the point of flat index {@code flat} into {@code out[0 .. d)}. */
    public void point(int flat, double[] out) {
        for (int a = n.length - 1; a >= 0; a--) {
            out[a] = coordinate(a, flat % n[a]);
            flat /= n[a];
        }
    }

    /** Log-weights {@code log(p(x_l) / sum_l' p(x_l'))} of a density p >= 0 sampled at the grid points. */
    public double[] logWeights(ToDoubleFunction<double[]> density) {
        double[] lw = new double[size], x = new double[dim()];
        for (int l = 0; l < size; l++) {
            point(l, x);
            double p = density.applyAsDouble(x);
            if (!(p >= 0) || Double.isInfinite(p)) throw new IllegalArgumentException("density must be finite and >= 0, got " + p + " at point " + l);
            lw[l] = Math.log(p);
        }
        return normalised(lw);
    }

    /** Log-weights of the isotropic Gaussian N(mean, sigma2 I) sampled at the grid points (computed in the log domain, no underflow). */
    public double[] logGaussian(double[] mean, double sigma2) {
        if (mean.length != dim()) throw new IllegalArgumentException("mean has dimension " + mean.length + ", grid " + dim());
        double[] lw = new double[size], x = new double[dim()];
        for (int l = 0; l < size; l++) {
            point(l, x);
            double r2 = 0;
            for (int a = 0; a < x.length; a++) r2 += (x[a] - mean[a]) * (x[a] - mean[a]);
            lw[l] = -r2 / (2 * sigma2);
        }
        return normalised(lw);
    }

    /** Shifts log-weights so that they sum to 1 (in place); returns the array. */
    static double[] normalised(double[] lw) {
        double z = lmo.transport.LogSumExp.of(lw, 0, lw.length);
        if (!Double.isFinite(z)) throw new IllegalArgumentException("the weights have no finite positive mass");
        for (int l = 0; l < lw.length; l++) lw[l] -= z;
        return lw;
    }

    /** Mean per coordinate of the measure with log-weights {@code lw}. */
    public double[] mean(double[] lw) {
        double[] m = new double[dim()], x = new double[dim()];
        for (int l = 0; l < size; l++) {
            double p = Math.exp(lw[l]);
            if (p == 0) continue;
            point(l, x);
            for (int a = 0; a < x.length; a++) m[a] += p * x[a];
        }
        return m;
    }

    /** Variance per coordinate of the measure with log-weights {@code lw}. */
    public double[] variance(double[] lw) {
        double[] m = mean(lw), v = new double[dim()], x = new double[dim()];
        for (int l = 0; l < size; l++) {
            double p = Math.exp(lw[l]);
            if (p == 0) continue;
            point(l, x);
            for (int a = 0; a < x.length; a++) v[a] += p * (x[a] - m[a]) * (x[a] - m[a]);
        }
        return v;
    }
}
