package lmo.transport;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import lmo.numeric.ExpPoly;
import lmo.numeric.VectorExp;
import lmo.numeric.VectorWidth;

/**
 * {@link SinkhornKernels} with the Vector API (4 doubles, {@link VectorExp#SPECIES}): the operations of
 * {@link LaneSinkhornKernels} lane by lane, the last {@code m mod 4} columns by the same scalar code. Cost rows come
 * from the targets by coordinate ({@link Cost#yColumn}), the bits of {@link Cost#row}. The v-side walks the columns
 * in tiles of {@link #TILE} so a tile's targets, max and sum stay in L1 over the block's rows (each column is
 * independent: tiling changes no bits). No vector is carried across an outer loop (C2 would box it), and no loop
 * calls {@link VectorExp#exp}: the exponents are stored and exponentiated by {@link VectorExp#expInPlace} (or
 * {@link VectorExp#expInPlace512} when {@link VectorWidth#bits} is 512: elementwise, so the same bits), a loop that
 * compiles alike whether C2 inlines it or not (see {@link VectorExp}), then summed.
 */
final class VectorSinkhornKernels extends SinkhornKernels {
    private static final VectorSpecies<Double> S = VectorExp.SPECIES;
    static final int TILE = 512;

    /** Whether the exponentials run on 512-bit vectors ({@link VectorExp#expInPlace512}): the same bits. */
    private final boolean wide;

    /** The kernels at this JVM's width ({@link VectorWidth#bits}). */
    VectorSinkhornKernels() {
        this(VectorWidth.bits());
    }

    /** The kernels with the exponentials at {@code bits} = 256 or 512 (every other loop is 4-lane either way). */
    VectorSinkhornKernels(int bits) {
        if (S.length() != LANES) throw new IllegalStateException("species has " + S.length() + " lanes");
        if (bits != 256 && bits != 512) throw new IllegalArgumentException("bits must be 256 or 512, not " + bits);
        wide = bits == 512;
    }

    /**
     * {@code a[from .. to) = exp(a[from .. to))} (to - from a multiple of 4), elementwise, so the same bits at either
     * width: on 512-bit vectors the multiple of 8 first, then the last 4 on 256.
     */
    private void exp(double[] a, int from, int to) {
        if (!wide) {
            VectorExp.expInPlace(a, from, to);
            return;
        }
        int to8 = from + ((to - from) & -8);
        VectorExp.expInPlace512(a, from, to8);
        if (to8 < to) VectorExp.expInPlace(a, to8, to);
    }

    @Override
    void row(Cost cost, int i, double[] v, double[] logQ, double beta, double[] cRow, double[] zRow, double[] acc,
             double[] out) {
        int m = cost.m();
        int m4 = m & -LANES;
        DoubleVector bv = DoubleVector.broadcast(S, beta);
        DoubleVector mxv = DoubleVector.broadcast(S, Double.NEGATIVE_INFINITY);
        if (cost.dimension() == 2) {   // the cost row fused into pass 1: c and z stored, max by compare-and-blend
            int a = 2 * i;
            DoubleVector x0 = DoubleVector.broadcast(S, cost.xs()[a]);
            DoubleVector x1 = DoubleVector.broadcast(S, cost.xs()[a + 1]);
            DoubleVector f = DoubleVector.broadcast(S, cost.factor());
            DoubleVector sc = DoubleVector.broadcast(S, cost.scale());
            double[] y0 = cost.yColumn(0);
            double[] y1 = cost.yColumn(1);
            for (int j = 0; j < m4; j += LANES) {
                DoubleVector t0 = x0.sub(DoubleVector.fromArray(S, y0, j));
                DoubleVector t1 = x1.sub(DoubleVector.fromArray(S, y1, j));
                DoubleVector c = t0.mul(t0).add(t1.mul(t1)).mul(f).div(sc);
                c.intoArray(cRow, j);
                DoubleVector z = DoubleVector.fromArray(S, v, j).add(DoubleVector.fromArray(S, logQ, j)).sub(bv.mul(c));
                z.intoArray(zRow, j);
                mxv = mxv.blend(z, z.compare(VectorOperators.GT, mxv));
            }
            cost.row(i, m4, m, cRow);
        } else {
            costRow(cost, i, 0, m, cRow);
            for (int j = 0; j < m4; j += LANES) {
                DoubleVector z = DoubleVector.fromArray(S, v, j).add(DoubleVector.fromArray(S, logQ, j))
                        .sub(bv.mul(DoubleVector.fromArray(S, cRow, j)));
                z.intoArray(zRow, j);
                mxv = mxv.blend(z, z.compare(VectorOperators.GT, mxv));
            }
        }
        VectorExp.store(mxv, acc, 0);
        double mx = acc[0];   // the largest lane by >, as the scalar twin's running max
        for (int l = 1; l < LANES; l++) if (acc[l] > mx) mx = acc[l];
        for (int j = m4; j < m; j++) {
            double z = v[j] + logQ[j] - beta * cRow[j];
            zRow[j] = z;
            if (z > mx) mx = z;
        }
        DoubleVector mv = DoubleVector.broadcast(S, mx);
        for (int j = 0; j < m4; j += LANES) DoubleVector.fromArray(S, zRow, j).sub(mv).intoArray(zRow, j);
        exp(zRow, 0, m4);   // the terms in place; the tail [m4, m) keeps z for lanes()
        rowSums(zRow, cRow, v, m4, acc);
        lanes(m4, m, mx, cRow, zRow, v, acc);
        finish(mx, acc, out);
    }

    @Override
    void rowShifted(Cost cost, int i, double[] vlq, double[] v, double beta, double shift, double[] cRow,
                    double[] zRow, double[] acc, double[] out) {
        int m = cost.m();
        int m4 = m & -LANES;
        costRow(cost, i, 0, m, cRow);   // a short loop apart, as in columnsShifted
        exponents(cRow, vlq, beta, shift, zRow, m4);
        exp(zRow, 0, m4);
        rowSums(zRow, cRow, v, m4, acc);
        shiftedLanes(m4, m, shift, beta, cRow, vlq, v, acc);
        finish(shift, acc, out);
    }

    /** {@code z_j = min((vlq_j - beta c_j) - shift, CLAMP)} for j in {@code [0, m4)}. Modified: z. */
    private static void exponents(double[] cRow, double[] vlq, double beta, double shift, double[] z, int m4) {
        DoubleVector bv = DoubleVector.broadcast(S, beta);
        DoubleVector sh = DoubleVector.broadcast(S, shift);
        DoubleVector cl = DoubleVector.broadcast(S, CLAMP);
        for (int j = 0; j < m4; j += LANES) {
            DoubleVector c = DoubleVector.fromArray(S, cRow, j);
            DoubleVector.fromArray(S, vlq, j).sub(bv.mul(c)).sub(sh).min(cl).intoArray(z, j);
        }
    }

    /** The shifted row's lanes {@code s, wc, wv} from its terms {@code e} and cost row: acc[0 .. 12). */
    private static void rowSums(double[] e, double[] cRow, double[] v, int m4, double[] acc) {
        DoubleVector s = DoubleVector.zero(S);
        DoubleVector wc = s;
        DoubleVector wv = s;
        for (int j = 0; j < m4; j += LANES) {
            DoubleVector ej = DoubleVector.fromArray(S, e, j);
            s = s.add(ej);
            wc = ej.fma(DoubleVector.fromArray(S, cRow, j), wc);
            wv = ej.fma(DoubleVector.fromArray(S, v, j), wv);
        }
        VectorExp.store(s, acc, 0);
        VectorExp.store(wc, acc, LANES);
        VectorExp.store(wv, acc, 2 * LANES);
    }

    @Override
    void columnsShifted(Cost cost, int from, int to, double[] u, double[] logP, double beta, double[] shift,
                        double[] sum, double[] cRow) {
        int m = cost.m();
        java.util.Arrays.fill(sum, 0, m, 0.0);
        for (int j0 = 0; j0 < m; j0 += TILE) {
            int j1 = Math.min(m, j0 + TILE);
            int j4 = j0 + ((j1 - j0) & -LANES);
            for (int i = from; i < to; i++) {
                double a = u[i] + logP[i];
                costRow(cost, i, j0, j1, cRow);   // a short loop apart: fused, the exp's chain would wait on the divide
                columnExponents(cRow, a, beta, shift, j0, j4);
                exp(cRow, j0, j4);
                for (int j = j0; j < j4; j++) sum[j] += cRow[j];
                for (int j = j4; j < j1; j++) sum[j] += ExpPoly.exp(Math.min(a - beta * cRow[j] - shift[j], CLAMP));
            }
        }
    }

    /** {@code c_j <- min((a - beta c_j) - shift_j, CLAMP)} on {@code [j0, j4)}, in place. */
    private static void columnExponents(double[] cRow, double a, double beta, double[] shift, int j0, int j4) {
        DoubleVector bv = DoubleVector.broadcast(S, beta);
        DoubleVector av = DoubleVector.broadcast(S, a);
        DoubleVector cl = DoubleVector.broadcast(S, CLAMP);
        for (int j = j0; j < j4; j += LANES) {
            DoubleVector x = av.sub(bv.mul(DoubleVector.fromArray(S, cRow, j))).sub(DoubleVector.fromArray(S, shift, j));
            x.min(cl).intoArray(cRow, j);
        }
    }

    @Override
    void columns(Cost cost, int from, int to, double[] u, double[] logP, double beta, double[] max, double[] sum,
                 double[] cRow) {
        int m = cost.m();
        LogSumExp.clear(max, sum);
        DoubleVector bv = DoubleVector.broadcast(S, beta);
        for (int j0 = 0; j0 < m; j0 += TILE) {
            int j1 = Math.min(m, j0 + TILE);
            int j4 = j0 + ((j1 - j0) & -LANES);
            for (int i = from; i < to; i++) {
                costRow(cost, i, j0, j1, cRow);
                double a = u[i] + logP[i];
                DoubleVector av = DoubleVector.broadcast(S, a);
                for (int j = j0; j < j4; j += LANES) {
                    DoubleVector x = av.sub(bv.mul(DoubleVector.fromArray(S, cRow, j)));
                    DoubleVector.fromArray(S, max, j).max(x).intoArray(max, j);
                }
                for (int j = j4; j < j1; j++) max[j] = Math.max(max[j], a - beta * cRow[j]);
            }
            for (int i = from; i < to; i++) {
                costRow(cost, i, j0, j1, cRow);
                double a = u[i] + logP[i];
                DoubleVector av = DoubleVector.broadcast(S, a);
                for (int j = j4; j < j1; j++) sum[j] += ExpPoly.exp(a - beta * cRow[j] - max[j]);
                for (int j = j0; j < j4; j += LANES) {
                    DoubleVector x = av.sub(bv.mul(DoubleVector.fromArray(S, cRow, j)));
                    x.sub(DoubleVector.fromArray(S, max, j)).intoArray(cRow, j);
                }
                exp(cRow, j0, j4);
                for (int j = j0; j < j4; j++) sum[j] += cRow[j];
            }
        }
        emptyColumns(max, sum);
    }

    /**
     * {@code out[from .. to) = c_i.}, lane-wise: {@code ((t_0 t_0 + t_1 t_1) + ...) * factor / scale} with
     * {@code t_k = x_ik - y_jk}, the bits of {@link Cost#row}; the last {@code (to - from) mod 4} by {@link Cost#row}.
     */
    static void costRow(Cost cost, int i, int from, int to, double[] out) {
        int d = cost.dimension();
        int a = i * d;
        double[] xs = cost.xs();
        int j4 = from + ((to - from) & -LANES);
        double f = cost.factor();
        double sc = cost.scale();
        if (d == 2) {
            DoubleVector x0 = DoubleVector.broadcast(S, xs[a]);
            DoubleVector x1 = DoubleVector.broadcast(S, xs[a + 1]);
            double[] y0 = cost.yColumn(0);
            double[] y1 = cost.yColumn(1);
            for (int j = from; j < j4; j += LANES) {
                DoubleVector t0 = x0.sub(DoubleVector.fromArray(S, y0, j));
                DoubleVector t1 = x1.sub(DoubleVector.fromArray(S, y1, j));
                t0.mul(t0).add(t1.mul(t1)).mul(f).div(sc).intoArray(out, j);
            }
        } else {
            for (int k = 0; k < d; k++) {
                DoubleVector xk = DoubleVector.broadcast(S, xs[a + k]);
                double[] yk = cost.yColumn(k);
                if (k == 0) {
                    for (int j = from; j < j4; j += LANES) {
                        DoubleVector t = xk.sub(DoubleVector.fromArray(S, yk, j));
                        t.mul(t).intoArray(out, j);
                    }
                } else {
                    for (int j = from; j < j4; j += LANES) {
                        DoubleVector t = xk.sub(DoubleVector.fromArray(S, yk, j));
                        DoubleVector.fromArray(S, out, j).add(t.mul(t)).intoArray(out, j);
                    }
                }
            }
            for (int j = from; j < j4; j += LANES) DoubleVector.fromArray(S, out, j).mul(f).div(sc).intoArray(out, j);
        }
        cost.row(i, j4, to, out);
    }
}
