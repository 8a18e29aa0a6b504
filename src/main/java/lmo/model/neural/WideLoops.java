package lmo.model.neural;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The ReLU loops of {@link Loops} on 512-bit vectors (8 doubles) with the bits of the 256-bit {@link VectorLoops}: each
 * lane runs the chain of exact operations of a lane of the 4-lane code, twice as many chains to an instruction.
 *
 * <ul>
 *   <li>{@link #reluPredict}: a vector is one neuron at 8 samples (the 4-lane code's two vectors side by side), read
 *       from {@link SampleSet#xb}; 16 samples a turn, so 8 fma chains hide the fma latency.</li>
 *   <li>{@link #reluGradient}: a sum over samples keeps 4 lanes (lane {@code k mod 4}), so a vector is two neurons at
 *       the same 4 samples, {@code (n_0 k..k+3 | n_1 k..k+3)}: the inputs come duplicated per group of 4 samples
 *       ({@link SampleSet#xd}), the weights r too ({@link #gradientWeights}). For each 16 samples the pre-activations,
 *       then {@code q = z > 0 ? r : 0}, {@code s_j += fma(q_jk, z_jk)} (the bits of {@code fma(r_k, relu(z_jk))}:
 *       both add r z for z > 0 and a signed zero otherwise, and a sum that starts at +0 is never -0) and
 *       {@code g_jc += fma(q_jk, x_ck)}, the gradient sums kept in a small array. Nothing of size n is stored: a
 *       version that stored q for a chunk and summed it afterwards ran 20 to 26 ms a W3 step from one JVM to the next
 *       (the stores, by the addresses the arrays happened to get), this one 16.1-17.8 (21.3-22.1 on the 256-bit
 *       loops; 2026-12-08, docs/performance.md).</li>
 * </ul>
 *
 * <p>Accumulators carried by a loop are re-typed after it ({@code nz.add(a)}, {@code nz} all -0.0), as in
 * {@link VectorLoops}. Only the ReLU loops are here: {@link Loops#best} takes these for a ReLU network without the
 * bilevel readout (which also needs {@link #preactivations} and {@link #gram}), and only when
 * {@link lmo.numeric.VectorWidth} is 512 (a JVM of one scenario on an AVX-512 CPU, or JDK 25); the other methods run
 * the scalar {@link LaneLoops}, never 256-bit vectors, because on JDK 17 loops of both widths in one JVM box each
 * other's vectors. If a JVM runs these beside 256-bit loops anyway (a width set by hand with several kinds of model)
 * and a W3-like step takes seconds instead of milliseconds, {@code -Dlmo.vectorBits=256} gives the same bits at the
 * 256-bit speed.
 */
final class WideLoops implements Loops {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_512;

    private final Loops scalar = new LaneLoops();

    WideLoops() {
        if (S.length() != 8) throw new IllegalStateException("species has " + S.length() + " lanes");
    }

    /** {@link #reluGradient} stores nothing of size n. */
    @Override public int gradientScratch(int nPad) {
        return 0;
    }

    @Override public double[] gradientWeights(double[] r) {
        double[] rd = new double[2 * r.length];
        for (int g = 0; g < r.length / 4; g++) {
            for (int l = 0; l < 8; l++) rd[8 * g + l] = r[4 * g + (l & 3)];
        }
        return rd;
    }

    /** The tile's weights by pairs of neurons, each repeated over 4 lanes: {@code wp[16 c + 8 p + 4 i + l] =
     *  w4[(2 p + i) dp + c]}. */
    private static double[] pairs(double[] w4, int dp) {
        double[] wp = new double[16 * dp];
        for (int c = 0; c < dp; c++) {
            for (int l = 0; l < 4; l++) {
                wp[16 * c + l] = w4[c];
                wp[16 * c + 4 + l] = w4[dp + c];
                wp[16 * c + 8 + l] = w4[2 * dp + c];
                wp[16 * c + 12 + l] = w4[3 * dp + c];
            }
        }
        return wp;
    }

    /**
     * 16 samples (4 groups) a turn: the pre-activations of the 4 neurons (8 fma chains), then q, the s sums (two
     * vectors in registers) and the gradient sums ({@code acc[16 + 16 c + 8 p ..]}, pair p of neurons), group after
     * group so each lane adds its samples in increasing order. h and q are not used.
     */
    @Override public void reluGradient(double[] w4, SampleSet s, double[] rd, double[] h, double[] q, double[] s0,
                                       double[] g) {
        int dp = s.dp, nPad = s.nPad;
        double[] xd = s.xd();
        int xs = 8 * dp;                                         // xd's doubles per group of 4 samples
        double[] wp = pairs(w4, dp);
        double[] acc = new double[8 * (2 + 2 * dp)];
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector nz = DoubleVector.broadcast(S, -0.0);
        DoubleVector s01 = zero, s23 = zero;
        for (int k = 0; k < nPad; k += 16) {
            DoubleVector a01 = zero, a23 = zero, b01 = zero, b23 = zero;
            DoubleVector c01 = zero, c23 = zero, d01 = zero, d23 = zero;
            for (int c = 0, xo = xs * (k >> 2); c < dp; c++) {
                DoubleVector w01 = DoubleVector.fromArray(S, wp, 16 * c);
                DoubleVector w23 = DoubleVector.fromArray(S, wp, 16 * c + 8);
                DoubleVector x = DoubleVector.fromArray(S, xd, xo + 8 * c);
                a01 = w01.fma(x, a01);
                a23 = w23.fma(x, a23);
                x = DoubleVector.fromArray(S, xd, xo + xs + 8 * c);
                b01 = w01.fma(x, b01);
                b23 = w23.fma(x, b23);
                x = DoubleVector.fromArray(S, xd, xo + 2 * xs + 8 * c);
                c01 = w01.fma(x, c01);
                c23 = w23.fma(x, c23);
                x = DoubleVector.fromArray(S, xd, xo + 3 * xs + 8 * c);
                d01 = w01.fma(x, d01);
                d23 = w23.fma(x, d23);
            }
            a01 = nz.add(a01); a23 = nz.add(a23); b01 = nz.add(b01); b23 = nz.add(b23);   // the exact class
            c01 = nz.add(c01); c23 = nz.add(c23); d01 = nz.add(d01); d23 = nz.add(d23);
            int ro = 2 * k;
            DoubleVector r = DoubleVector.fromArray(S, rd, ro);
            DoubleVector qa01 = zero.blend(r, a01.compare(VectorOperators.GT, 0.0));
            s01 = qa01.fma(a01, s01);
            DoubleVector qa23 = zero.blend(r, a23.compare(VectorOperators.GT, 0.0));
            s23 = qa23.fma(a23, s23);
            r = DoubleVector.fromArray(S, rd, ro + 8);
            DoubleVector qb01 = zero.blend(r, b01.compare(VectorOperators.GT, 0.0));
            s01 = qb01.fma(b01, s01);
            DoubleVector qb23 = zero.blend(r, b23.compare(VectorOperators.GT, 0.0));
            s23 = qb23.fma(b23, s23);
            r = DoubleVector.fromArray(S, rd, ro + 16);
            DoubleVector qc01 = zero.blend(r, c01.compare(VectorOperators.GT, 0.0));
            s01 = qc01.fma(c01, s01);
            DoubleVector qc23 = zero.blend(r, c23.compare(VectorOperators.GT, 0.0));
            s23 = qc23.fma(c23, s23);
            r = DoubleVector.fromArray(S, rd, ro + 24);
            DoubleVector qd01 = zero.blend(r, d01.compare(VectorOperators.GT, 0.0));
            s01 = qd01.fma(d01, s01);
            DoubleVector qd23 = zero.blend(r, d23.compare(VectorOperators.GT, 0.0));
            s23 = qd23.fma(d23, s23);
            for (int c = 0, xo = xs * (k >> 2); c < dp; c++) {
                int at = 16 + 16 * c;
                DoubleVector x0 = DoubleVector.fromArray(S, xd, xo + 8 * c);
                DoubleVector x1 = DoubleVector.fromArray(S, xd, xo + xs + 8 * c);
                DoubleVector x2 = DoubleVector.fromArray(S, xd, xo + 2 * xs + 8 * c);
                DoubleVector x3 = DoubleVector.fromArray(S, xd, xo + 3 * xs + 8 * c);
                DoubleVector t = DoubleVector.fromArray(S, acc, at);
                t = qd01.fma(x3, qc01.fma(x2, qb01.fma(x1, qa01.fma(x0, t))));
                t.intoArray(acc, at);
                DoubleVector e = DoubleVector.fromArray(S, acc, at + 8);
                e = qd23.fma(x3, qc23.fma(x2, qb23.fma(x1, qa23.fma(x0, e))));
                e.intoArray(acc, at + 8);
            }
        }
        nz.add(s01).intoArray(acc, 0);                            // the exact class
        nz.add(s23).intoArray(acc, 8);
        for (int p = 0; p < 2; p++) {
            s0[2 * p] = lanes(acc, 8 * p);
            s0[2 * p + 1] = lanes(acc, 8 * p + 4);
            for (int c = 0; c < dp; c++) {
                g[2 * p * dp + c] = lanes(acc, 16 + 16 * c + 8 * p);
                g[(2 * p + 1) * dp + c] = lanes(acc, 16 + 16 * c + 8 * p + 4);
            }
        }
    }

    /** {@code (a0 + a1) + (a2 + a3)} of the 4 lanes stored at {@code a[at ..]}. */
    private static double lanes(double[] a, int at) {
        return (a[at] + a[at + 1]) + (a[at + 2] + a[at + 3]);
    }

    @Override public void reluPredict(double[] w4, double[] c4, SampleSet s, double[] f) {
        int dp = s.dp, nPad = s.nPad;
        double[] xb = s.xb;
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector nz = DoubleVector.broadcast(S, -0.0);
        DoubleVector c0 = DoubleVector.broadcast(S, c4[0]);
        DoubleVector c1 = DoubleVector.broadcast(S, c4[1]);
        DoubleVector c2 = DoubleVector.broadcast(S, c4[2]);
        DoubleVector c3 = DoubleVector.broadcast(S, c4[3]);
        int o1 = dp, o2 = 2 * dp, o3 = 3 * dp;
        for (int k = 0; k < nPad; k += 16) {                     // two blocks of 8 samples: 8 fma chains
            DoubleVector a0 = zero, a1 = zero, a2 = zero, a3 = zero, b0 = zero, b1 = zero, b2 = zero, b3 = zero;
            for (int c = 0, xo = k * dp; c < dp; c++) {
                DoubleVector x = DoubleVector.fromArray(S, xb, xo + 8 * c);
                DoubleVector y = DoubleVector.fromArray(S, xb, xo + 8 * dp + 8 * c);
                DoubleVector w = DoubleVector.broadcast(S, w4[c]);
                a0 = w.fma(x, a0);
                b0 = w.fma(y, b0);
                w = DoubleVector.broadcast(S, w4[o1 + c]);
                a1 = w.fma(x, a1);
                b1 = w.fma(y, b1);
                w = DoubleVector.broadcast(S, w4[o2 + c]);
                a2 = w.fma(x, a2);
                b2 = w.fma(y, b2);
                w = DoubleVector.broadcast(S, w4[o3 + c]);
                a3 = w.fma(x, a3);
                b3 = w.fma(y, b3);
            }
            a0 = nz.add(a0); a1 = nz.add(a1); a2 = nz.add(a2); a3 = nz.add(a3);   // the exact class
            b0 = nz.add(b0); b1 = nz.add(b1); b2 = nz.add(b2); b3 = nz.add(b3);
            DoubleVector v = DoubleVector.fromArray(S, f, k);
            v = c0.fma(a0.max(zero), v);
            v = c1.fma(a1.max(zero), v);
            v = c2.fma(a2.max(zero), v);
            v = c3.fma(a3.max(zero), v);
            v.intoArray(f, k);
            v = DoubleVector.fromArray(S, f, k + 8);
            v = c0.fma(b0.max(zero), v);
            v = c1.fma(b1.max(zero), v);
            v = c2.fma(b2.max(zero), v);
            v = c3.fma(b3.max(zero), v);
            v.intoArray(f, k + 8);
        }
    }

    @Override public void preactivations(double[] w4, SampleSet s, double[] z) { scalar.preactivations(w4, s, z); }

    @Override public void relu(double[] z, double[] r, int nPad, double[] h, double[] q) { scalar.relu(z, r, nPad, h, q); }

    @Override public void reluTile(double[] w4, SampleSet s, double[] r, double[] h, double[] q) {
        scalar.reluTile(w4, s, r, h, q);
    }

    @Override public void accumulate(double[] c4, double[] h, int nPad, double[] f) { scalar.accumulate(c4, h, nPad, f); }

    @Override public void dots(double[] r, double[] h, double[] q, SampleSet s, double[] s0, double[] g) {
        scalar.dots(r, h, q, s, s0, g);
    }

    @Override public void gram(double[] a, int aAt, double[] b, int bAt, int nPad, double[] out) {
        scalar.gram(a, aAt, b, bAt, nPad, out);
    }
}
