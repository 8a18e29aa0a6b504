package lmo.model.kernel;

import java.util.Arrays;
import lmo.numeric.VectorExp;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link PairSums} with the Vector API, on the fixed 256-bit species (4 doubles) whatever the CPU prefers, so that the
 * bits depend on the JDK only. Each point sees exactly the operations of {@link LanePairSums}: same bits.
 *
 * <p>The Gaussian in d <= 3 (d = 2 is benchmark W4) runs tile by tile of {@link #TILE} sources, all points of the call
 * against one tile before the next, so that the tile's coordinates and weights stay in the L1 cache (at N = M = 16384 a
 * pass over all sources is 0.8 MB); a point's accumulators wait in an array between tiles (stored and reloaded: same
 * bits). A tile lies wholly among the particles or wholly among the targets, so it adds to {@code s0} or to {@code s1}
 * only, where the lane emulation adds {@code fma(k, 0, acc) = acc} to the other. Per point and tile, two loops: the
 * first writes the tile's kernel values to an array (no value carried from one iteration to the next, so the CPU
 * overlaps the long dependent chain of {@code exp} of many iterations), the second accumulates them.
 *
 * <p>Shape notes, measured on JDK 17 (C2): a vector carried through an outer loop, or merged after an if, is boxed
 * (one allocation per iteration, 2x slower), so accumulators cross loops through arrays; C2 does not inline
 * {@link VectorExp#exp} once the method is compiled on its own into a large nmethod ("already compiled into a big
 * method"), and then boxes its argument and result: one call site per kernel method, in its hot loop; a vector
 * passed to a call that is not inlined is boxed too, so the array-based paths pass arrays. d >= 4 and the energy
 * kernel keep the per-coordinate values in small arrays.
 */
final class VectorPairSums implements PairSums {
    private static final VectorSpecies<Double> S = VectorExp.SPECIES;
    /** Sources per tile: coordinates, weights and kernel values of a tile take 16 KB (d = 2). */
    static final int TILE = 512;

    VectorPairSums() {
        if (S.length() != LANES) throw new IllegalStateException("species has " + S.length() + " lanes");
    }

    @Override public void evaluate(RadialKernelSums.Kind kind, double param, double[] x, int count, int dim, double[][] z,
                                   double[] w, int split, int total, double[] s0, double[] s1, double[] grad) {
        if (kind == RadialKernelSums.Kind.GAUSSIAN && dim <= 3) {
            gaussianTiled(param, x, count, dim, z, w, split, total, s0, s1, grad);
            return;
        }
        double[] w0 = w.clone();
        Arrays.fill(w0, split, total, 0.0);
        double[] w1 = w.clone();
        Arrays.fill(w1, 0, split, 0.0);
        if (kind == RadialKernelSums.Kind.ENERGY) {
            energyAny(x, count, dim, z, w, w0, w1, total, s0, s1, grad);
        } else {
            gaussianAny(param, x, count, dim, z, w, w0, w1, total, s0, s1, grad);
        }
    }

    /**
     * Gaussian, d <= 3, tile by tile. Accumulators of point i at {@code acc[16 i ..]}: the gradient sums of the three
     * coordinates (lanes 0-3, 4-7, 8-11) and the kernel sum of the current tile's side (12-15); the sums of the two
     * sides go to {@code s0} and {@code s1} when a side ends. d = 1 and d = 2 run the d = 2 loops with missing
     * coordinates zero in both x and z ({@code fma(0, 0, d2) = d2}: the bits of the d-coordinate loop).
     */
    private static void gaussianTiled(double param, double[] x, int count, int dim, double[][] z, double[] w, int split,
                                      int total, double[] s0, double[] s1, double[] grad) {
        double[] none = dim < 3 ? new double[total] : null;
        double[] z0 = z[0];
        double[] z1 = dim > 1 ? z[1] : none;
        double[] z2 = dim > 2 ? z[2] : none;
        double[] xs = new double[3 * count];
        for (int i = 0; i < count; i++) {
            for (int c = 0; c < dim; c++) xs[3 * i + c] = x[dim * i + c];
        }
        double[] acc = new double[16 * count];
        double[] kb = new double[TILE];
        for (int j0 = 0; j0 < total; ) {
            int end = j0 < split ? split : total;
            int j1 = Math.min(j0 + TILE, end);
            for (int i = 0; i < count; i++) {
                if (dim == 3) tile3(param, xs, i, z0, z1, z2, w, j0, j1, kb, acc);
                else tile2(param, xs, i, z0, z1, w, j0, j1, kb, acc);
            }
            if (j1 == end) {                                   // a side ends: its sums out, the slots cleared
                double[] out = j0 < split ? s0 : s1;
                for (int i = 0; i < count; i++) {
                    out[i] = lanes(acc, 16 * i + 12);
                    Arrays.fill(acc, 16 * i + 12, 16 * i + 16, 0.0);
                }
            }
            j0 = j1;
        }
        if (split == 0) Arrays.fill(s0, 0, count, 0.0);
        if (split == total) Arrays.fill(s1, 0, count, 0.0);
        double g = 2 * param;
        for (int i = 0; i < count; i++) {
            for (int c = 0; c < dim; c++) grad[dim * i + c] = lanes(acc, 16 * i + 4 * c) * g;
        }
    }

    /** Sources {@code j0 .. j1} against point i (d <= 2): kernel values into kb, then the sums into acc. */
    private static void tile2(double param, double[] xs, int i, double[] z0, double[] z1, double[] w, int j0, int j1,
                              double[] kb, double[] acc) {
        DoubleVector xa = DoubleVector.broadcast(S, xs[3 * i]);
        DoubleVector ya = DoubleVector.broadcast(S, xs[3 * i + 1]);
        DoubleVector c = DoubleVector.broadcast(S, param);
        for (int j = j0; j < j1; j += LANES) {
            DoubleVector dx = xa.sub(DoubleVector.fromArray(S, z0, j));
            DoubleVector dy = ya.sub(DoubleVector.fromArray(S, z1, j));
            VectorExp.exp(dy.fma(dy, dx.mul(dx)).mul(c)).intoArray(kb, j - j0);
        }
        int a = 16 * i;
        DoubleVector t0 = DoubleVector.fromArray(S, acc, a);
        DoubleVector t1 = DoubleVector.fromArray(S, acc, a + 4);
        DoubleVector s = DoubleVector.fromArray(S, acc, a + 12);
        for (int j = j0; j < j1; j += LANES) {
            DoubleVector k = DoubleVector.fromArray(S, kb, j - j0);
            DoubleVector wv = DoubleVector.fromArray(S, w, j);
            s = k.fma(wv, s);
            k = k.mul(wv);
            t0 = k.fma(xa.sub(DoubleVector.fromArray(S, z0, j)), t0);
            t1 = k.fma(ya.sub(DoubleVector.fromArray(S, z1, j)), t1);
        }
        t0.intoArray(acc, a);
        t1.intoArray(acc, a + 4);
        s.intoArray(acc, a + 12);
    }

    /** {@link #tile2} in d = 3. */
    private static void tile3(double param, double[] xs, int i, double[] z0, double[] z1, double[] z2, double[] w,
                              int j0, int j1, double[] kb, double[] acc) {
        DoubleVector xa = DoubleVector.broadcast(S, xs[3 * i]);
        DoubleVector ya = DoubleVector.broadcast(S, xs[3 * i + 1]);
        DoubleVector za = DoubleVector.broadcast(S, xs[3 * i + 2]);
        DoubleVector c = DoubleVector.broadcast(S, param);
        for (int j = j0; j < j1; j += LANES) {
            DoubleVector dx = xa.sub(DoubleVector.fromArray(S, z0, j));
            DoubleVector dy = ya.sub(DoubleVector.fromArray(S, z1, j));
            DoubleVector dz = za.sub(DoubleVector.fromArray(S, z2, j));
            VectorExp.exp(dz.fma(dz, dy.fma(dy, dx.mul(dx))).mul(c)).intoArray(kb, j - j0);
        }
        int a = 16 * i;
        DoubleVector t0 = DoubleVector.fromArray(S, acc, a);
        DoubleVector t1 = DoubleVector.fromArray(S, acc, a + 4);
        DoubleVector t2 = DoubleVector.fromArray(S, acc, a + 8);
        DoubleVector s = DoubleVector.fromArray(S, acc, a + 12);
        for (int j = j0; j < j1; j += LANES) {
            DoubleVector k = DoubleVector.fromArray(S, kb, j - j0);
            DoubleVector wv = DoubleVector.fromArray(S, w, j);
            s = k.fma(wv, s);
            k = k.mul(wv);
            t0 = k.fma(xa.sub(DoubleVector.fromArray(S, z0, j)), t0);
            t1 = k.fma(ya.sub(DoubleVector.fromArray(S, z1, j)), t1);
            t2 = k.fma(za.sub(DoubleVector.fromArray(S, z2, j)), t2);
        }
        t0.intoArray(acc, a);
        t1.intoArray(acc, a + 4);
        t2.intoArray(acc, a + 8);
        s.intoArray(acc, a + 12);
    }

    /** Gaussian, d >= 4, one point per pass; squared distances and gradient accumulators go through small arrays. */
    private static void gaussianAny(double param, double[] x, int count, int dim, double[][] z, double[] w,
                                    double[] w0, double[] w1, int total, double[] s0, double[] s1, double[] grad) {
        double[] tmp = new double[LANES];
        double[] d2buf = new double[LANES];
        double[] fbuf = new double[LANES];
        double[] t = new double[dim * LANES];
        DoubleVector c = DoubleVector.broadcast(S, param);
        for (int i = 0; i < count; i++) {
            Arrays.fill(t, 0);
            DoubleVector sp = DoubleVector.zero(S);
            DoubleVector st = DoubleVector.zero(S);
            for (int j = 0; j < total; j += LANES) {
                squaredDistance(x, i, dim, z, j, d2buf);
                DoubleVector k = VectorExp.exp(DoubleVector.fromArray(S, d2buf, 0).mul(c));
                sp = k.fma(DoubleVector.fromArray(S, w0, j), sp);
                st = k.fma(DoubleVector.fromArray(S, w1, j), st);
                k.mul(DoubleVector.fromArray(S, w, j)).intoArray(fbuf, 0);
                accumulate(x, i, dim, z, j, fbuf, t);
            }
            s0[i] = lanes(sp, tmp);
            s1[i] = lanes(st, tmp);
            for (int q = 0; q < dim; q++) grad[i * dim + q] = lanes(DoubleVector.fromArray(S, t, q * LANES), tmp) * (2 * param);
        }
    }

    /** Energy distance -|x - z|, any d, one point per pass. */
    private static void energyAny(double[] x, int count, int dim, double[][] z, double[] w,
                                  double[] w0, double[] w1, int total, double[] s0, double[] s1, double[] grad) {
        double[] tmp = new double[LANES];
        double[] d2buf = new double[LANES];
        double[] fbuf = new double[LANES];
        double[] t = new double[dim * LANES];
        for (int i = 0; i < count; i++) {
            Arrays.fill(t, 0);
            DoubleVector sp = DoubleVector.zero(S);
            DoubleVector st = DoubleVector.zero(S);
            for (int j = 0; j < total; j += LANES) {
                squaredDistance(x, i, dim, z, j, d2buf);
                DoubleVector r = DoubleVector.fromArray(S, d2buf, 0).lanewise(VectorOperators.SQRT);
                sp = r.fma(DoubleVector.fromArray(S, w0, j), sp);
                st = r.fma(DoubleVector.fromArray(S, w1, j), st);
                DoubleVector.fromArray(S, w, j).div(r).blend(0.0, r.compare(VectorOperators.EQ, 0.0)).intoArray(fbuf, 0);
                accumulate(x, i, dim, z, j, fbuf, t);
            }
            s0[i] = -lanes(sp, tmp);
            s1[i] = -lanes(st, tmp);
            for (int q = 0; q < dim; q++) grad[i * dim + q] = -lanes(DoubleVector.fromArray(S, t, q * LANES), tmp);
        }
    }

    /** d2buf = |x_i - z_j..j+3|^2 lane-wise: dx0*dx0, then fma(dxq, dxq, .) for q = 1..dim-1. */
    private static void squaredDistance(double[] x, int i, int dim, double[][] z, int j, double[] d2buf) {
        DoubleVector d = DoubleVector.broadcast(S, x[i * dim]).sub(DoubleVector.fromArray(S, z[0], j));
        d.mul(d).intoArray(d2buf, 0);
        for (int q = 1; q < dim; q++) {
            d = DoubleVector.broadcast(S, x[i * dim + q]).sub(DoubleVector.fromArray(S, z[q], j));
            d.fma(d, DoubleVector.fromArray(S, d2buf, 0)).intoArray(d2buf, 0);
        }
    }

    /** t_q += f * (x_iq - z_q) lane-wise, for every q (f passed in an array: a vector argument of a call that is
     *  not inlined would be boxed). */
    private static void accumulate(double[] x, int i, int dim, double[][] z, int j, double[] fbuf, double[] t) {
        DoubleVector f = DoubleVector.fromArray(S, fbuf, 0);
        for (int q = 0; q < dim; q++) {
            DoubleVector d = DoubleVector.broadcast(S, x[i * dim + q]).sub(DoubleVector.fromArray(S, z[q], j));
            f.fma(d, DoubleVector.fromArray(S, t, q * LANES)).intoArray(t, q * LANES);
        }
    }

    private static double lanes(double[] a, int at) {
        return (a[at] + a[at + 1]) + (a[at + 2] + a[at + 3]);
    }

    private static double lanes(DoubleVector v, double[] tmp) {
        v.intoArray(tmp, 0);
        return (tmp[0] + tmp[1]) + (tmp[2] + tmp[3]);
    }
}
