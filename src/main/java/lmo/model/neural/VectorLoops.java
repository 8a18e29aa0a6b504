package lmo.model.neural;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Loops} with the Vector API on the fixed 256-bit species (4 doubles), whatever the CPU prefers, so the bits
 * depend on the JDK only; only exact lane-wise operations (fma, max, compare, blend, add), never transcendental ones.
 * Samples are the vector lanes; a tile of 4 neurons shares every load of the inputs.
 *
 * <p>The sums over samples are written once: {@link #gradient4x4} (4 neurons x 4 input coordinates, 16 fma chains),
 * {@link #dots1x4} (one row against 4: the {@code r.h} sums, a single coordinate, the Gram entries), both reading and
 * writing their accumulators in memory so a sum continues chunk after chunk with the same bits. The 4 x 8
 * pre-activation block stays inline in each fused loop ({@link #preactivations}, {@link #reluTile},
 * {@link #reluGradient}, {@link #reluPredict}): as a method called per 8 samples it is not inlined by C2 (over
 * FreqInlineSize) and benchmark W3 ran 40-60% slower, measured. Its loop over the input coordinates reads the block's
 * inputs from {@link SampleSet#xb} and the weights coordinate-major ({@link #transposed}), both at constant strides, so
 * C2 hoists the range checks and addresses the 4 weights from one base: 20 to 25% less time for the W3 loops
 * (measured, 2026-12-07), the same fmas in the same order.
 *
 * <p>An accumulator carried by a loop is re-typed after it, {@code a = nz.add(a)} with {@code nz} all -0.0
 * ({@code (-0.0) + x} is x, bit for bit), before anything else uses it: C2 (JDK 17) loses the exact class of a
 * loop-carried vector, and once vectors of both widths have run in the JVM (the 512-bit Sinkhorn exponentials, W4's
 * two-point tiles) it compiles the next call on it by a type profile that names two classes, the intrinsic fails,
 * and every vector of the loop is boxed (W3 2.8x slower, measured in one {@code bin/lmo bench} JVM at
 * {@code -Dlmo.vectorBits=512}). Written out in each method rather than through a helper, which a method this long
 * may not inline (a vector passed to a call that is not inlined is boxed too).
 */
final class VectorLoops implements Loops {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;

    VectorLoops() {
        if (S.length() != 4) throw new IllegalStateException("species has " + S.length() + " lanes");
    }

    /**
     * One vector against 4 rows: {@code acc_j = fma(a_k, b_jk, acc_j)} for k = 0, 4, .. < len (lanes k mod 4), a at
     * {@code a[aAt + k]}, row j at {@code b[bAt + j stride + k]}; the 4 accumulators are loaded from and stored
     * back to {@code acc[at + 4 j ..]}, so a sum can go on chunk after chunk with the same bits.
     */
    private static void dots1x4(double[] a, int aAt, double[] b, int bAt, int stride, int len, double[] acc, int at) {
        DoubleVector s0 = DoubleVector.fromArray(S, acc, at);
        DoubleVector s1 = DoubleVector.fromArray(S, acc, at + 4);
        DoubleVector s2 = DoubleVector.fromArray(S, acc, at + 8);
        DoubleVector s3 = DoubleVector.fromArray(S, acc, at + 12);
        int b1 = bAt + stride, b2 = bAt + 2 * stride, b3 = bAt + 3 * stride;
        DoubleVector nz = DoubleVector.broadcast(S, -0.0);
        for (int k = 0; k < len; k += 4) {
            DoubleVector va = DoubleVector.fromArray(S, a, aAt + k);
            s0 = va.fma(DoubleVector.fromArray(S, b, bAt + k), s0);
            s1 = va.fma(DoubleVector.fromArray(S, b, b1 + k), s1);
            s2 = va.fma(DoubleVector.fromArray(S, b, b2 + k), s2);
            s3 = va.fma(DoubleVector.fromArray(S, b, b3 + k), s3);
        }
        nz.add(s0).intoArray(acc, at);
        nz.add(s1).intoArray(acc, at + 4);
        nz.add(s2).intoArray(acc, at + 8);
        nz.add(s3).intoArray(acc, at + 12);
    }

    /**
     * The 4 x 4 gradient micro-kernel: for the 4 rows q_j ({@code q[j qStride + k]}) and the 4 input coordinates
     * c .. c+3 ({@code xt[xAt + i nPad + k]}), {@code g_ji = fma(q_jk, x_ik, g_ji)} for k = 0, 4, .. < len; the 16
     * accumulators are loaded from and stored back to {@code acc[at + 16 i + 4 j ..]}.
     */
    private static void gradient4x4(double[] q, int qStride, double[] xt, int xAt, int nPad, int len,
                                    double[] acc, int at) {
        int x0 = xAt, x1 = x0 + nPad, x2 = x1 + nPad, x3 = x2 + nPad;
        int o1 = qStride, o2 = 2 * qStride, o3 = 3 * qStride;
        DoubleVector nz = DoubleVector.broadcast(S, -0.0);
        DoubleVector g00 = DoubleVector.fromArray(S, acc, at), g10 = DoubleVector.fromArray(S, acc, at + 4);
        DoubleVector g20 = DoubleVector.fromArray(S, acc, at + 8), g30 = DoubleVector.fromArray(S, acc, at + 12);
        DoubleVector g01 = DoubleVector.fromArray(S, acc, at + 16), g11 = DoubleVector.fromArray(S, acc, at + 20);
        DoubleVector g21 = DoubleVector.fromArray(S, acc, at + 24), g31 = DoubleVector.fromArray(S, acc, at + 28);
        DoubleVector g02 = DoubleVector.fromArray(S, acc, at + 32), g12 = DoubleVector.fromArray(S, acc, at + 36);
        DoubleVector g22 = DoubleVector.fromArray(S, acc, at + 40), g32 = DoubleVector.fromArray(S, acc, at + 44);
        DoubleVector g03 = DoubleVector.fromArray(S, acc, at + 48), g13 = DoubleVector.fromArray(S, acc, at + 52);
        DoubleVector g23 = DoubleVector.fromArray(S, acc, at + 56), g33 = DoubleVector.fromArray(S, acc, at + 60);
        for (int k = 0; k < len; k += 4) {
            DoubleVector v0 = DoubleVector.fromArray(S, xt, x0 + k);
            DoubleVector v1 = DoubleVector.fromArray(S, xt, x1 + k);
            DoubleVector v2 = DoubleVector.fromArray(S, xt, x2 + k);
            DoubleVector v3 = DoubleVector.fromArray(S, xt, x3 + k);
            DoubleVector q0 = DoubleVector.fromArray(S, q, k);
            g00 = q0.fma(v0, g00);
            g01 = q0.fma(v1, g01);
            g02 = q0.fma(v2, g02);
            g03 = q0.fma(v3, g03);
            DoubleVector q1 = DoubleVector.fromArray(S, q, o1 + k);
            g10 = q1.fma(v0, g10);
            g11 = q1.fma(v1, g11);
            g12 = q1.fma(v2, g12);
            g13 = q1.fma(v3, g13);
            DoubleVector q2 = DoubleVector.fromArray(S, q, o2 + k);
            g20 = q2.fma(v0, g20);
            g21 = q2.fma(v1, g21);
            g22 = q2.fma(v2, g22);
            g23 = q2.fma(v3, g23);
            DoubleVector q3 = DoubleVector.fromArray(S, q, o3 + k);
            g30 = q3.fma(v0, g30);
            g31 = q3.fma(v1, g31);
            g32 = q3.fma(v2, g32);
            g33 = q3.fma(v3, g33);
        }
        nz.add(g00).intoArray(acc, at); nz.add(g10).intoArray(acc, at + 4); nz.add(g20).intoArray(acc, at + 8); nz.add(g30).intoArray(acc, at + 12);
        nz.add(g01).intoArray(acc, at + 16); nz.add(g11).intoArray(acc, at + 20); nz.add(g21).intoArray(acc, at + 24); nz.add(g31).intoArray(acc, at + 28);
        nz.add(g02).intoArray(acc, at + 32); nz.add(g12).intoArray(acc, at + 36); nz.add(g22).intoArray(acc, at + 40); nz.add(g32).intoArray(acc, at + 44);
        nz.add(g03).intoArray(acc, at + 48); nz.add(g13).intoArray(acc, at + 52); nz.add(g23).intoArray(acc, at + 56); nz.add(g33).intoArray(acc, at + 60);
    }

    /**
     * The gradient sums of the tile ({@code q} rows at stride {@code qStride}) over samples {@code k0 .. k0+len}:
     * coordinates in quadruples by {@link #gradient4x4}, the rest one by one ({@link #dots1x4} with the input row as
     * the vector: same fmas, fma being symmetric); (neuron j, coordinate c) at {@code acc[at + 16 c + 4 j]}.
     */
    private static void gradient(double[] q, int qStride, double[] xt, int k0, int dp, int nPad, int len,
                                 double[] acc, int at) {
        int c = 0;
        for (; c + 4 <= dp; c += 4) gradient4x4(q, qStride, xt, c * nPad + k0, nPad, len, acc, at + c * 16);
        for (; c < dp; c++) dots1x4(xt, c * nPad + k0, q, 0, qStride, len, acc, at + c * 16);
    }

    /** The tile's input weights coordinate-major, {@code wt[4 c + j] = w4[j dp + c]}: the 4 loads of a coordinate at
     *  one base address. */
    private static double[] transposed(double[] w4, int dp) {
        double[] wt = new double[TILE * dp];
        for (int j = 0; j < TILE; j++) {
            for (int c = 0; c < dp; c++) wt[TILE * c + j] = w4[j * dp + c];
        }
        return wt;
    }

    @Override public void preactivations(double[] w4, SampleSet s, double[] z) {
        int dp = s.dp, nPad = s.nPad;
        double[] xb = s.xb;
        double[] wt = transposed(w4, dp);
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector nz = DoubleVector.broadcast(S, -0.0);
        for (int k = 0; k < nPad; k += 8) {
            DoubleVector a0 = zero, b0 = zero, a1 = zero, b1 = zero, a2 = zero, b2 = zero, a3 = zero, b3 = zero;
            for (int c = 0, xo = k * dp; c < dp; c++) {
                DoubleVector x0 = DoubleVector.fromArray(S, xb, xo + 8 * c);
                DoubleVector x1 = DoubleVector.fromArray(S, xb, xo + 8 * c + 4);
                DoubleVector w = DoubleVector.broadcast(S, wt[4 * c]);
                a0 = w.fma(x0, a0);
                b0 = w.fma(x1, b0);
                w = DoubleVector.broadcast(S, wt[4 * c + 1]);
                a1 = w.fma(x0, a1);
                b1 = w.fma(x1, b1);
                w = DoubleVector.broadcast(S, wt[4 * c + 2]);
                a2 = w.fma(x0, a2);
                b2 = w.fma(x1, b2);
                w = DoubleVector.broadcast(S, wt[4 * c + 3]);
                a3 = w.fma(x0, a3);
                b3 = w.fma(x1, b3);
            }
            a0 = nz.add(a0); b0 = nz.add(b0); a1 = nz.add(a1); b1 = nz.add(b1);   // the exact class
            a2 = nz.add(a2); b2 = nz.add(b2); a3 = nz.add(a3); b3 = nz.add(b3);
            a0.intoArray(z, k);
            b0.intoArray(z, k + 4);
            a1.intoArray(z, nPad + k);
            b1.intoArray(z, nPad + k + 4);
            a2.intoArray(z, 2 * nPad + k);
            b2.intoArray(z, 2 * nPad + k + 4);
            a3.intoArray(z, 3 * nPad + k);
            b3.intoArray(z, 3 * nPad + k + 4);
        }
    }

    @Override public void reluTile(double[] w4, SampleSet s, double[] r, double[] h, double[] q) {
        int dp = s.dp, nPad = s.nPad;
        double[] xb = s.xb;
        double[] wt = transposed(w4, dp);
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector nz = DoubleVector.broadcast(S, -0.0);
        int o1 = nPad, o2 = 2 * nPad, o3 = 3 * nPad;
        for (int k = 0; k < nPad; k += 8) {
            DoubleVector a0 = zero, b0 = zero, a1 = zero, b1 = zero, a2 = zero, b2 = zero, a3 = zero, b3 = zero;
            for (int c = 0, xo = k * dp; c < dp; c++) {
                DoubleVector x0 = DoubleVector.fromArray(S, xb, xo + 8 * c);
                DoubleVector x1 = DoubleVector.fromArray(S, xb, xo + 8 * c + 4);
                DoubleVector w = DoubleVector.broadcast(S, wt[4 * c]);
                a0 = w.fma(x0, a0);
                b0 = w.fma(x1, b0);
                w = DoubleVector.broadcast(S, wt[4 * c + 1]);
                a1 = w.fma(x0, a1);
                b1 = w.fma(x1, b1);
                w = DoubleVector.broadcast(S, wt[4 * c + 2]);
                a2 = w.fma(x0, a2);
                b2 = w.fma(x1, b2);
                w = DoubleVector.broadcast(S, wt[4 * c + 3]);
                a3 = w.fma(x0, a3);
                b3 = w.fma(x1, b3);
            }
            a0 = nz.add(a0); b0 = nz.add(b0); a1 = nz.add(a1); b1 = nz.add(b1);   // the exact class
            a2 = nz.add(a2); b2 = nz.add(b2); a3 = nz.add(a3); b3 = nz.add(b3);
            DoubleVector ra = DoubleVector.fromArray(S, r, k);
            DoubleVector rb = DoubleVector.fromArray(S, r, k + 4);
            a0.max(zero).intoArray(h, k);
            b0.max(zero).intoArray(h, k + 4);
            a1.max(zero).intoArray(h, o1 + k);
            b1.max(zero).intoArray(h, o1 + k + 4);
            a2.max(zero).intoArray(h, o2 + k);
            b2.max(zero).intoArray(h, o2 + k + 4);
            a3.max(zero).intoArray(h, o3 + k);
            b3.max(zero).intoArray(h, o3 + k + 4);
            zero.blend(ra, a0.compare(VectorOperators.GT, 0.0)).intoArray(q, k);
            zero.blend(rb, b0.compare(VectorOperators.GT, 0.0)).intoArray(q, k + 4);
            zero.blend(ra, a1.compare(VectorOperators.GT, 0.0)).intoArray(q, o1 + k);
            zero.blend(rb, b1.compare(VectorOperators.GT, 0.0)).intoArray(q, o1 + k + 4);
            zero.blend(ra, a2.compare(VectorOperators.GT, 0.0)).intoArray(q, o2 + k);
            zero.blend(rb, b2.compare(VectorOperators.GT, 0.0)).intoArray(q, o2 + k + 4);
            zero.blend(ra, a3.compare(VectorOperators.GT, 0.0)).intoArray(q, o3 + k);
            zero.blend(rb, b3.compare(VectorOperators.GT, 0.0)).intoArray(q, o3 + k + 4);
        }
    }

    /** Samples per chunk of {@link #reluGradient}: the chunk's activations and inputs stay in the L1 cache. */
    private static final int CHUNK = 512;

    /** {@link #reluGradient} keeps one chunk's h and q. */
    @Override public int gradientScratch(int nPad) {
        return TILE * Math.min(CHUNK, nPad);
    }

    /**
     * {@link #reluTile} and {@link #dots} fused chunk by chunk of samples: each accumulator is stored after a chunk
     * and reloaded for the next, so every (neuron, coordinate) sum sees the same fmas in the same order as
     * {@link #dots} (same bits), while the chunk's h, q and inputs stay in L1.
     */
    @Override public void reluGradient(double[] w4, SampleSet s, double[] r, double[] h, double[] q, double[] s0, double[] g) {
        int dp = s.dp, nPad = s.nPad;
        double[] xb = s.xb;
        double[] wt = transposed(w4, dp);
        double[] acc = new double[(TILE + TILE * dp) * 4];
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector nz = DoubleVector.broadcast(S, -0.0);
        final int ch = Math.min(CHUNK, nPad);
        int o1 = ch, o2 = 2 * ch, o3 = 3 * ch;
        for (int k0 = 0; k0 < nPad; k0 += ch) {
            int len = Math.min(ch, nPad - k0);
            // activations of the chunk: h, q at [j * ch + (k - k0)]
            for (int k = 0; k < len; k += 8) {
                DoubleVector a0 = zero, b0 = zero, a1 = zero, b1 = zero, a2 = zero, b2 = zero, a3 = zero, b3 = zero;
                for (int c = 0, xo = (k0 + k) * dp; c < dp; c++) {
                    DoubleVector x0 = DoubleVector.fromArray(S, xb, xo + 8 * c);
                    DoubleVector x1 = DoubleVector.fromArray(S, xb, xo + 8 * c + 4);
                    DoubleVector w = DoubleVector.broadcast(S, wt[4 * c]);
                    a0 = w.fma(x0, a0);
                    b0 = w.fma(x1, b0);
                    w = DoubleVector.broadcast(S, wt[4 * c + 1]);
                    a1 = w.fma(x0, a1);
                    b1 = w.fma(x1, b1);
                    w = DoubleVector.broadcast(S, wt[4 * c + 2]);
                    a2 = w.fma(x0, a2);
                    b2 = w.fma(x1, b2);
                    w = DoubleVector.broadcast(S, wt[4 * c + 3]);
                    a3 = w.fma(x0, a3);
                    b3 = w.fma(x1, b3);
                }
                a0 = nz.add(a0); b0 = nz.add(b0); a1 = nz.add(a1); b1 = nz.add(b1);   // the exact class
                a2 = nz.add(a2); b2 = nz.add(b2); a3 = nz.add(a3); b3 = nz.add(b3);
                DoubleVector ra = DoubleVector.fromArray(S, r, k0 + k);
                DoubleVector rb = DoubleVector.fromArray(S, r, k0 + k + 4);
                a0.max(zero).intoArray(h, k);
                b0.max(zero).intoArray(h, k + 4);
                a1.max(zero).intoArray(h, o1 + k);
                b1.max(zero).intoArray(h, o1 + k + 4);
                a2.max(zero).intoArray(h, o2 + k);
                b2.max(zero).intoArray(h, o2 + k + 4);
                a3.max(zero).intoArray(h, o3 + k);
                b3.max(zero).intoArray(h, o3 + k + 4);
                zero.blend(ra, a0.compare(VectorOperators.GT, 0.0)).intoArray(q, k);
                zero.blend(rb, b0.compare(VectorOperators.GT, 0.0)).intoArray(q, k + 4);
                zero.blend(ra, a1.compare(VectorOperators.GT, 0.0)).intoArray(q, o1 + k);
                zero.blend(rb, b1.compare(VectorOperators.GT, 0.0)).intoArray(q, o1 + k + 4);
                zero.blend(ra, a2.compare(VectorOperators.GT, 0.0)).intoArray(q, o2 + k);
                zero.blend(rb, b2.compare(VectorOperators.GT, 0.0)).intoArray(q, o2 + k + 4);
                zero.blend(ra, a3.compare(VectorOperators.GT, 0.0)).intoArray(q, o3 + k);
                zero.blend(rb, b3.compare(VectorOperators.GT, 0.0)).intoArray(q, o3 + k + 4);
            }
            dots1x4(r, k0, h, 0, ch, len, acc, 0);                // s0 accumulators at acc[0 .. 16)
            gradient(q, ch, s.xt, k0, dp, nPad, len, acc, 16);    // (j, c) at acc[16 + (c * 4 + j) * 4]
        }
        for (int j = 0; j < TILE; j++) {
            s0[j] = lanes(acc, 4 * j);
            for (int c = 0; c < dp; c++) g[j * dp + c] = lanes(acc, 16 + c * 16 + 4 * j);
        }
    }

    @Override public void reluPredict(double[] w4, double[] c4, SampleSet s, double[] f) {
        int dp = s.dp, nPad = s.nPad;
        double[] xb = s.xb;
        double[] wt = transposed(w4, dp);
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector nz = DoubleVector.broadcast(S, -0.0);
        DoubleVector c0 = DoubleVector.broadcast(S, c4[0]);
        DoubleVector c1 = DoubleVector.broadcast(S, c4[1]);
        DoubleVector c2 = DoubleVector.broadcast(S, c4[2]);
        DoubleVector c3 = DoubleVector.broadcast(S, c4[3]);
        for (int k = 0; k < nPad; k += 8) {
            DoubleVector a0 = zero, b0 = zero, a1 = zero, b1 = zero, a2 = zero, b2 = zero, a3 = zero, b3 = zero;
            for (int c = 0, xo = k * dp; c < dp; c++) {
                DoubleVector x0 = DoubleVector.fromArray(S, xb, xo + 8 * c);
                DoubleVector x1 = DoubleVector.fromArray(S, xb, xo + 8 * c + 4);
                DoubleVector w = DoubleVector.broadcast(S, wt[4 * c]);
                a0 = w.fma(x0, a0);
                b0 = w.fma(x1, b0);
                w = DoubleVector.broadcast(S, wt[4 * c + 1]);
                a1 = w.fma(x0, a1);
                b1 = w.fma(x1, b1);
                w = DoubleVector.broadcast(S, wt[4 * c + 2]);
                a2 = w.fma(x0, a2);
                b2 = w.fma(x1, b2);
                w = DoubleVector.broadcast(S, wt[4 * c + 3]);
                a3 = w.fma(x0, a3);
                b3 = w.fma(x1, b3);
            }
            a0 = nz.add(a0); b0 = nz.add(b0); a1 = nz.add(a1); b1 = nz.add(b1);   // the exact class
            a2 = nz.add(a2); b2 = nz.add(b2); a3 = nz.add(a3); b3 = nz.add(b3);
            DoubleVector fa = DoubleVector.fromArray(S, f, k);
            DoubleVector fb = DoubleVector.fromArray(S, f, k + 4);
            fa = c0.fma(a0.max(zero), fa);
            fb = c0.fma(b0.max(zero), fb);
            fa = c1.fma(a1.max(zero), fa);
            fb = c1.fma(b1.max(zero), fb);
            fa = c2.fma(a2.max(zero), fa);
            fb = c2.fma(b2.max(zero), fb);
            fa = c3.fma(a3.max(zero), fa);
            fb = c3.fma(b3.max(zero), fb);
            fa.intoArray(f, k);
            fb.intoArray(f, k + 4);
        }
    }

    @Override public void relu(double[] z, double[] r, int nPad, double[] h, double[] q) {
        int len = TILE * nPad;
        DoubleVector zero = DoubleVector.zero(S);
        if (q == null) {
            for (int i = 0; i < len; i += 4) DoubleVector.fromArray(S, z, i).max(zero).intoArray(h, i);
            return;
        }
        for (int j = 0; j < TILE; j++) {
            int o = j * nPad;
            for (int k = 0; k < nPad; k += 4) {
                DoubleVector v = DoubleVector.fromArray(S, z, o + k);
                v.max(zero).intoArray(h, o + k);
                zero.blend(DoubleVector.fromArray(S, r, k), v.compare(VectorOperators.GT, 0.0)).intoArray(q, o + k);
            }
        }
    }

    @Override public void accumulate(double[] c4, double[] h, int nPad, double[] f) {
        DoubleVector c0 = DoubleVector.broadcast(S, c4[0]);
        DoubleVector c1 = DoubleVector.broadcast(S, c4[1]);
        DoubleVector c2 = DoubleVector.broadcast(S, c4[2]);
        DoubleVector c3 = DoubleVector.broadcast(S, c4[3]);
        for (int k = 0; k < nPad; k += 4) {
            DoubleVector v = DoubleVector.fromArray(S, f, k);
            v = c0.fma(DoubleVector.fromArray(S, h, k), v);
            v = c1.fma(DoubleVector.fromArray(S, h, nPad + k), v);
            v = c2.fma(DoubleVector.fromArray(S, h, 2 * nPad + k), v);
            v = c3.fma(DoubleVector.fromArray(S, h, 3 * nPad + k), v);
            v.intoArray(f, k);
        }
    }

    /** {@code (a0 + a1) + (a2 + a3)} of the 4 lanes stored at {@code a[at ..]} (a vector passed to a call C2 does not
     *  inline is boxed, so the sums are read from the accumulator arrays). */
    private static double lanes(double[] a, int at) {
        return (a[at] + a[at + 1]) + (a[at + 2] + a[at + 3]);
    }

    @Override public void dots(double[] r, double[] h, double[] q, SampleSet s, double[] s0, double[] g) {
        int dp = s.dp, nPad = s.nPad;
        double[] acc = new double[(TILE + TILE * dp) * 4];
        dots1x4(r, 0, h, 0, nPad, nPad, acc, 0);
        gradient(q, nPad, s.xt, 0, dp, nPad, nPad, acc, 16);
        for (int j = 0; j < TILE; j++) {
            s0[j] = lanes(acc, 4 * j);
            for (int c = 0; c < dp; c++) g[j * dp + c] = lanes(acc, 16 + c * 16 + 4 * j);
        }
    }

    @Override public void gram(double[] a, int aAt, double[] b, int bAt, int nPad, double[] out) {
        double[] acc = new double[TILE * 4];
        for (int i = 0; i < TILE; i++) {
            java.util.Arrays.fill(acc, 0.0);
            dots1x4(a, aAt + i * nPad, b, bAt, nPad, nPad, acc, 0);
            for (int j = 0; j < TILE; j++) out[i * TILE + j] = lanes(acc, 4 * j);
        }
    }
}
