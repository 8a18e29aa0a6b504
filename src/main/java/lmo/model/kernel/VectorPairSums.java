package lmo.model.kernel;

import java.util.Arrays;
import lmo.numeric.VectorExp;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link PairSums} with the Vector API, on the fixed 256-bit species (4 doubles) whatever the CPU prefers, so that the
 * bits depend on the JDK only. One evaluation point per pass over the sources, in a single loop (the particle and
 * target sums are told apart by two masked weight arrays, {@code w0} and {@code w1}, so no vector value is carried
 * across nested loops). Each point sees exactly the operations of {@link LanePairSums}: same bits.
 *
 * <p>Shape notes, measured on JDK 17 (C2): a vector carried through an outer loop, or merged after an if, is boxed
 * (one allocation per iteration, 2x slower); and C2 inlines {@link VectorExp#exp} at only one call site per loop
 * (NodeCountInliningCutoff), so processing 2 or 4 points per pass makes the other call sites box too (slower, not
 * faster); a vector passed to a call that is not inlined is boxed too, so the array-based paths pass arrays. The
 * Gaussian in d <= 3 (d = 2 is the W4 benchmark) keeps every accumulator in a register; d >= 4 and the energy kernel
 * keep the per-coordinate values in small arrays.
 */
final class VectorPairSums implements PairSums {
    private static final VectorSpecies<Double> S = VectorExp.SPECIES;

    VectorPairSums() {
        if (S.length() != LANES) throw new IllegalStateException("species has " + S.length() + " lanes");
    }

    @Override public void evaluate(RadialKernelSums.Kind kind, double param, double[] x, int count, int dim, double[][] z,
                                   double[] w, int split, int total, double[] s0, double[] s1, double[] grad) {
        double[] w0 = w.clone();
        Arrays.fill(w0, split, total, 0.0);
        double[] w1 = w.clone();
        Arrays.fill(w1, 0, split, 0.0);
        if (kind == RadialKernelSums.Kind.ENERGY) {
            energyAny(x, count, dim, z, w, w0, w1, total, s0, s1, grad);
        } else if (dim == 2) {
            gaussian2(param, x, count, z[0], z[1], w, w0, w1, total, s0, s1, grad);
        } else if (dim <= 3) {
            gaussian3(param, x, count, dim, z, w, w0, w1, total, s0, s1, grad);
        } else {
            gaussianAny(param, x, count, dim, z, w, w0, w1, total, s0, s1, grad);
        }
    }

    /** Gaussian, d = 2: one point per pass, every accumulator in a register. */
    private static void gaussian2(double param, double[] x, int count, double[] z0, double[] z1, double[] w,
                                  double[] w0, double[] w1, int total, double[] s0, double[] s1, double[] grad) {
        double[] tmp = new double[LANES];
        DoubleVector c = DoubleVector.broadcast(S, param);
        DoubleVector zero = DoubleVector.zero(S);
        double g = 2 * param;
        for (int i = 0; i < count; i++) {
            DoubleVector xa = DoubleVector.broadcast(S, x[2 * i]);
            DoubleVector ya = DoubleVector.broadcast(S, x[2 * i + 1]);
            DoubleVector t0 = zero;
            DoubleVector t1 = zero;
            DoubleVector sp = zero;
            DoubleVector st = zero;
            for (int j = 0; j < total; j += LANES) {
                DoubleVector dx = xa.sub(DoubleVector.fromArray(S, z0, j));
                DoubleVector dy = ya.sub(DoubleVector.fromArray(S, z1, j));
                DoubleVector k = VectorExp.exp(dy.fma(dy, dx.mul(dx)).mul(c));
                sp = k.fma(DoubleVector.fromArray(S, w0, j), sp);
                st = k.fma(DoubleVector.fromArray(S, w1, j), st);
                k = k.mul(DoubleVector.fromArray(S, w, j));
                t0 = k.fma(dx, t0);
                t1 = k.fma(dy, t1);
            }
            s0[i] = lanes(sp, tmp);
            s1[i] = lanes(st, tmp);
            grad[2 * i] = lanes(t0, tmp) * g;
            grad[2 * i + 1] = lanes(t1, tmp) * g;
        }
    }

    /**
     * Gaussian, d = 1 or 3, as d = 3 with missing coordinates zero in both x and z: {@code fma(0, 0, d2) = d2}, so the
     * bits are those of the d-coordinate loop.
     */
    private static void gaussian3(double param, double[] x, int count, int dim, double[][] z, double[] w,
                                  double[] w0, double[] w1, int total, double[] s0, double[] s1, double[] grad) {
        double[] tmp = new double[LANES];
        double[] none = new double[total];
        double[] z0 = z[0];
        double[] z1 = dim > 1 ? z[1] : none;
        double[] z2 = dim > 2 ? z[2] : none;
        DoubleVector c = DoubleVector.broadcast(S, param);
        DoubleVector zero = DoubleVector.zero(S);
        double g = 2 * param;
        for (int i = 0; i < count; i++) {
            DoubleVector xa = DoubleVector.broadcast(S, x[dim * i]);
            DoubleVector ya = DoubleVector.broadcast(S, dim > 1 ? x[dim * i + 1] : 0.0);
            DoubleVector za = DoubleVector.broadcast(S, dim > 2 ? x[dim * i + 2] : 0.0);
            DoubleVector t0 = zero;
            DoubleVector t1 = zero;
            DoubleVector t2 = zero;
            DoubleVector sp = zero;
            DoubleVector st = zero;
            for (int j = 0; j < total; j += LANES) {
                DoubleVector dx = xa.sub(DoubleVector.fromArray(S, z0, j));
                DoubleVector dy = ya.sub(DoubleVector.fromArray(S, z1, j));
                DoubleVector dz = za.sub(DoubleVector.fromArray(S, z2, j));
                DoubleVector k = VectorExp.exp(dz.fma(dz, dy.fma(dy, dx.mul(dx))).mul(c));
                sp = k.fma(DoubleVector.fromArray(S, w0, j), sp);
                st = k.fma(DoubleVector.fromArray(S, w1, j), st);
                k = k.mul(DoubleVector.fromArray(S, w, j));
                t0 = k.fma(dx, t0);
                t1 = k.fma(dy, t1);
                t2 = k.fma(dz, t2);
            }
            s0[i] = lanes(sp, tmp);
            s1[i] = lanes(st, tmp);
            grad[dim * i] = lanes(t0, tmp) * g;
            if (dim > 1) grad[dim * i + 1] = lanes(t1, tmp) * g;
            if (dim > 2) grad[dim * i + 2] = lanes(t2, tmp) * g;
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

    private static double lanes(DoubleVector v, double[] tmp) {
        v.intoArray(tmp, 0);
        return (tmp[0] + tmp[1]) + (tmp[2] + tmp[3]);
    }
}
