package lmo.model.kernel;

import java.util.Arrays;
import lmo.numeric.VectorExp;
import lmo.numeric.VectorWidth;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link PairSums} with the Vector API: the arithmetic of 4 lanes (the fixed 256-bit species, whatever the CPU prefers),
 * so that the bits depend on the JDK only. Each point sees exactly the operations of {@link LanePairSums}: same bits.
 *
 * <p>The Gaussian in d <= 3 (d = 2 is benchmark W4) runs tile by tile of {@link #TILE} sources, all points of the call
 * against one tile before the next, so that the tile's coordinates and weights stay in the L1 cache (at N = M = 16384 a
 * pass over all sources is 0.8 MB); a point's accumulators wait in an array between tiles (stored and reloaded: same
 * bits). A tile lies wholly among the particles or wholly among the targets, so it adds to {@code s0} or to {@code s1}
 * only, where the lane emulation adds {@code fma(k, 0, acc) = acc} to the other. Per point and tile, three passes: the
 * arguments {@code -|x - z|^2 / (2 sigma^2)} into an array, {@code exp} of it in place ({@link VectorExp#expInPlace}:
 * no value carried from one iteration to the next, so the CPU overlaps the long dependent chains of many iterations),
 * then the sums. On 512-bit registers ({@link VectorWidth}) d = 2 runs two points per vector ({@link Wide}), each in
 * four lanes of its own: the same bits, about 1.8 times the pairs per second on this machine's Zen 4 (measured in the
 * engine, JDK 17 and 25).
 *
 * <p>Shape notes, measured on JDK 17 (C2): a vector carried through an outer loop, or merged after an if, is boxed
 * (one allocation per iteration, 2x slower), so accumulators cross loops through arrays; C2 does not inline
 * {@link VectorExp#exp} once that method is compiled on its own into a large nmethod ("already compiled into a big
 * method"), and then boxes its argument and result, so the tiled loops call {@link VectorExp#expInPlace} on arrays; a
 * vector passed to a call that is not inlined is boxed too, so the array-based paths pass arrays. d >= 4 and the energy
 * kernel keep the per-coordinate values in small arrays.
 */
final class VectorPairSums implements PairSums {
    private static final VectorSpecies<Double> S = VectorExp.SPECIES;
    /** Sources per tile: coordinates, weights and kernel values of a tile take 16 KB (d = 2). */
    static final int TILE = 512;

    /** d = 2 on 512-bit registers ({@link Wide}). */
    private final boolean wide;

    /** On the registers of {@link VectorWidth#bits()}. */
    VectorPairSums() {
        this(VectorWidth.bits());
    }

    /** On 256-bit or 512-bit registers (the same bits either way). */
    VectorPairSums(int bits) {
        if (S.length() != LANES) throw new IllegalStateException("species has " + S.length() + " lanes");
        if (bits != 256 && bits != 512) throw new IllegalArgumentException("vector bits must be 256 or 512, got " + bits);
        this.wide = bits == 512;
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
     * Gaussian, d <= 3, tile by tile, in groups of G points: G = 2 on 512-bit registers in d = 2 (lanes 0-3 one point,
     * 4-7 the next, against sources stored twice, {@code z_j..j+3} then the same four again), else G = 1. Per group g
     * of L = 4G lanes: the points' coordinates at {@code xp[3L g + L c + 4h ..]} (four copies each, h the point in the
     * group) and the accumulators at {@code acc[4L g + L v + 4h ..]}: the gradient sums of the three coordinates (v = 0,
     * 1, 2) and the kernel sum of the current tile's side (v = 3); the sums of a side go to {@code s0} or {@code s1}
     * when it ends. d = 1 and d = 2 run the d = 2 loops with missing coordinates zero in both x and z
     * ({@code fma(0, 0, d2) = d2}: the bits of the d-coordinate loop).
     */
    private void gaussianTiled(double param, double[] x, int count, int dim, double[][] z, double[] w, int split,
                                      int total, double[] s0, double[] s1, double[] grad) {
        int g2 = dim == 2 && wide ? 2 : 1;
        int lanes = LANES * g2;
        Layout l = layout(z, w, dim, total, g2);
        double[] z0 = l.z0(), z1 = l.z1(), z2 = l.z2(), ws = l.w();
        int groups = (count + g2 - 1) / g2;
        double[] xp = new double[3 * lanes * groups];
        for (int i = 0; i < count; i++) {
            for (int c = 0; c < dim; c++) {
                int at = 3 * lanes * (i / g2) + lanes * c + LANES * (i % g2);
                Arrays.fill(xp, at, at + LANES, x[dim * i + c]);
            }
        }
        double[] acc = new double[4 * lanes * groups];
        double[] kb = new double[g2 * TILE];
        for (int j0 = 0; j0 < total; ) {
            int end = j0 < split ? split : total;
            int j1 = Math.min(j0 + TILE, end);
            for (int g = 0; g < groups; g++) {
                if (g2 == 2) Wide.tile2(param, xp, g, z0, z1, ws, 2 * j0, 2 * j1, kb, acc);
                else if (dim == 3) tile3(param, xp, g, z0, z1, z2, ws, j0, j1, kb, acc);
                else tile2(param, xp, g, z0, z1, ws, j0, j1, kb, acc);
            }
            if (j1 == end) {                                   // a side ends: its sums out, the slots cleared
                double[] out = j0 < split ? s0 : s1;
                for (int i = 0; i < count; i++) out[i] = lanes(acc, 4 * lanes * (i / g2) + 3 * lanes + LANES * (i % g2));
                for (int g = 0; g < groups; g++) Arrays.fill(acc, 4 * lanes * g + 3 * lanes, 4 * lanes * (g + 1), 0.0);
            }
            j0 = j1;
        }
        if (split == 0) Arrays.fill(s0, 0, count, 0.0);
        if (split == total) Arrays.fill(s1, 0, count, 0.0);
        double g = 2 * param;
        for (int i = 0; i < count; i++) {
            int at = 4 * lanes * (i / g2) + LANES * (i % g2);
            for (int c = 0; c < dim; c++) grad[dim * i + c] = lanes(acc, at + lanes * c) * g;
        }
    }

    /**
     * The sources in the layout of the tile loops (each group of 4 twice for two-point groups, a zero coordinate for
     * d < 3), with the arrays they were made from: every block of a step passes the same sources
     * ({@link PairSums#evaluate}), so the layout is made once per step, not per block.
     */
    private record Layout(double[] fromZ0, double[] fromZ1, double[] fromZ2, double[] fromW, int total, int g2,
                          double[] z0, double[] z1, double[] z2, double[] w) {}

    /** The last sources' layout. */
    private volatile Layout layout;

    private Layout layout(double[][] z, double[] w, int dim, int total, int g2) {
        double[] a0 = z[0], a1 = dim > 1 ? z[1] : null, a2 = dim > 2 ? z[2] : null;
        Layout l = layout;
        if (l != null && l.fromZ0() == a0 && l.fromZ1() == a1 && l.fromZ2() == a2 && l.fromW() == w
                && l.total() == total && l.g2() == g2) {
            return l;
        }
        double[] none = dim < 3 ? new double[total] : null;
        l = new Layout(a0, a1, a2, w, total, g2, twice(a0, total, g2), twice(dim > 1 ? a1 : none, total, g2),
                a2 != null ? a2 : none, twice(w, total, g2));
        layout = l;
        return l;
    }

    /** The sources for groups of {@code g2} points: as they are (1), or each group of 4 twice (2). */
    private static double[] twice(double[] a, int total, int g2) {
        if (g2 == 1) return a;
        double[] d = new double[2 * total];
        for (int j = 0; j < total; j += LANES) {
            System.arraycopy(a, j, d, 2 * j, LANES);
            System.arraycopy(a, j, d, 2 * j + LANES, LANES);
        }
        return d;
    }

    /** Sources {@code j0 .. j1} against group g, one point (d <= 2): kernel values into kb, then the sums into acc. */
    private static void tile2(double param, double[] xp, int g, double[] z0, double[] z1, double[] w, int j0, int j1,
                              double[] kb, double[] acc) {
        DoubleVector xa = DoubleVector.fromArray(S, xp, 12 * g);
        DoubleVector ya = DoubleVector.fromArray(S, xp, 12 * g + 4);
        DoubleVector c = DoubleVector.broadcast(S, param);
        for (int j = j0; j < j1; j += LANES) {
            DoubleVector dx = xa.sub(DoubleVector.fromArray(S, z0, j));
            DoubleVector dy = ya.sub(DoubleVector.fromArray(S, z1, j));
            dy.fma(dy, dx.mul(dx)).mul(c).intoArray(kb, j - j0);
        }
        VectorExp.expInPlace(kb, 0, j1 - j0);
        int a = 16 * g;
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
        VectorExp.store(t0, acc, a);
        VectorExp.store(t1, acc, a + 4);
        VectorExp.store(s, acc, a + 12);
    }

    /** {@link #tile2} in d = 3. */
    private static void tile3(double param, double[] xp, int g, double[] z0, double[] z1, double[] z2, double[] w,
                              int j0, int j1, double[] kb, double[] acc) {
        DoubleVector xa = DoubleVector.fromArray(S, xp, 12 * g);
        DoubleVector ya = DoubleVector.fromArray(S, xp, 12 * g + 4);
        DoubleVector za = DoubleVector.fromArray(S, xp, 12 * g + 8);
        DoubleVector c = DoubleVector.broadcast(S, param);
        for (int j = j0; j < j1; j += LANES) {
            DoubleVector dx = xa.sub(DoubleVector.fromArray(S, z0, j));
            DoubleVector dy = ya.sub(DoubleVector.fromArray(S, z1, j));
            DoubleVector dz = za.sub(DoubleVector.fromArray(S, z2, j));
            dz.fma(dz, dy.fma(dy, dx.mul(dx))).mul(c).intoArray(kb, j - j0);
        }
        VectorExp.expInPlace(kb, 0, j1 - j0);
        int a = 16 * g;
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
        VectorExp.store(t0, acc, a);
        VectorExp.store(t1, acc, a + 4);
        VectorExp.store(t2, acc, a + 8);
        VectorExp.store(s, acc, a + 12);
    }

    /**
     * {@link #tile2} on 512-bit registers for a group of two points (lanes 0-3 and 4-7), against sources stored twice:
     * every lane does what the lane of the 256-bit loop does, so both give the same bits. A copy of {@link #tile2}
     * with the other species, not a method taking the species: C2 needs it constant to compile the Vector API calls,
     * and a method as long as this one is not inlined into one that would pass a constant.
     */
    static final class Wide {
        private static final VectorSpecies<Double> P = DoubleVector.SPECIES_512;

        private Wide() {}

        static void tile2(double param, double[] xp, int g, double[] z0, double[] z1, double[] w, int j0, int j1,
                          double[] kb, double[] acc) {
            DoubleVector xa = DoubleVector.fromArray(P, xp, 24 * g);
            DoubleVector ya = DoubleVector.fromArray(P, xp, 24 * g + 8);
            DoubleVector c = DoubleVector.broadcast(P, param);
            for (int j = j0; j < j1; j += 2 * LANES) {
                DoubleVector dx = xa.sub(DoubleVector.fromArray(P, z0, j));
                DoubleVector dy = ya.sub(DoubleVector.fromArray(P, z1, j));
                // stored re-typed: C2 (JDK 17) lost this product's exact class in a JVM that had run 256-bit loops
                // too, and boxed every vector of the loop (W4 52.7 ms a step instead of 23.8, measured)
                VectorExp.store512(dy.fma(dy, dx.mul(dx)).mul(c), kb, j - j0);
            }
            VectorExp.expInPlace512(kb, 0, j1 - j0);
            int a = 32 * g;
            DoubleVector t0 = DoubleVector.fromArray(P, acc, a);
            DoubleVector t1 = DoubleVector.fromArray(P, acc, a + 8);
            DoubleVector s = DoubleVector.fromArray(P, acc, a + 24);
            for (int j = j0; j < j1; j += 2 * LANES) {
                DoubleVector k = DoubleVector.fromArray(P, kb, j - j0);
                DoubleVector wv = DoubleVector.fromArray(P, w, j);
                s = k.fma(wv, s);
                k = k.mul(wv);
                t0 = k.fma(xa.sub(DoubleVector.fromArray(P, z0, j)), t0);
                t1 = k.fma(ya.sub(DoubleVector.fromArray(P, z1, j)), t1);
            }
            VectorExp.store512(t0, acc, a);
            VectorExp.store512(t1, acc, a + 8);
            VectorExp.store512(s, acc, a + 24);
        }
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
