package lmo.numeric;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ExpPoly#exp} lane-wise on the fixed 256-bit species (4 doubles): {@code exp(a) = 2^n p(r)} with the same
 * fmas, multiplies and shifts in the same order, so every lane has the bits of the scalar {@link ExpPoly#exp} of its
 * argument, interpreted or compiled, on every JDK (unlike {@code lanewise(EXP)}). Only loaded when the
 * {@code jdk.incubator.vector} module is present.
 *
 * <p>C2 (JDK 17) inlines {@link #exp} at one call site per loop; a second call site in the same loop, or a vector
 * carried across an outer loop or merged after an if, is boxed (one allocation per iteration). And it inlines it only
 * while {@link #exp} has not been compiled on its own: called from a loop that C1 runs first, it often is (C1 does not
 * inline a method this long), and from then on its argument and result are boxed, 10 to 30 times slower; which
 * compilation comes first varies from run to run. {@link #expInPlace} and {@link #expInPlace512} hold the same
 * operations in a loop over an array: no vector crosses a call, so they compile alike inlined or not. They are
 * written out rather than calling {@link #exp}, for that reason, and once per species because C2 needs the species
 * constant.
 */
public final class VectorExp {
    /** The 4-lane species of lmo's vector arithmetic, whatever the CPU prefers (the bits then depend on the JDK only). */
    public static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_256;
    private static final VectorSpecies<Double> WIDE = DoubleVector.SPECIES_512;

    /** -0.0 in every lane, of a known class: {@code x + (-0.0)} is x, bit for bit, for every x. */
    private static final DoubleVector NEG_ZERO = DoubleVector.broadcast(SPECIES, -0.0);
    private static final DoubleVector NEG_ZERO_WIDE = DoubleVector.broadcast(WIDE, -0.0);

    private VectorExp() {}

    /**
     * {@code v.intoArray(a, i)} for a 4-lane vector carried by a loop (an accumulator), the same bits: stored as
     * {@code (-0.0) + v}, whose class C2 knows. Once vectors of both widths have run in a JVM, C2 (JDK 17) compiles
     * {@code intoArray} on a loop-carried vector, whose exact class it has lost, by the shared type profile, which then
     * names two classes; the store's intrinsic fails and every vector of the loop is boxed (rows of the Sinkhorn pass
     * 4x slower, measured). Use it for every accumulator stored after its loop.
     */
    public static void store(DoubleVector v, double[] a, int i) {
        NEG_ZERO.add(v).intoArray(a, i);
    }

    /** {@link #store} for an 8-lane vector. */
    public static void store512(DoubleVector v, double[] a, int i) {
        NEG_ZERO_WIDE.add(v).intoArray(a, i);
    }

    /** {@link ExpPoly#exp}, lane-wise. */
    public static DoubleVector exp(DoubleVector a) {
        VectorSpecies<Double> s = SPECIES;
        DoubleVector t = a.fma(ExpPoly.LOG2E, ExpPoly.SHIFT);
        DoubleVector n = t.sub(ExpPoly.SHIFT);
        DoubleVector r = n.fma(DoubleVector.broadcast(s, -ExpPoly.LN2_HI), a);
        r = n.fma(DoubleVector.broadcast(s, -ExpPoly.LN2_LO), r);
        DoubleVector p = DoubleVector.broadcast(s, ExpPoly.C13).fma(r, DoubleVector.broadcast(s, ExpPoly.C12));
        p = p.fma(r, DoubleVector.broadcast(s, ExpPoly.C11));
        p = p.fma(r, DoubleVector.broadcast(s, ExpPoly.C10));
        p = p.fma(r, DoubleVector.broadcast(s, ExpPoly.C9));
        p = p.fma(r, DoubleVector.broadcast(s, ExpPoly.C8));
        p = p.fma(r, DoubleVector.broadcast(s, ExpPoly.C7));
        p = p.fma(r, DoubleVector.broadcast(s, ExpPoly.C6));
        p = p.fma(r, DoubleVector.broadcast(s, ExpPoly.C5));
        p = p.fma(r, DoubleVector.broadcast(s, ExpPoly.C4));
        p = p.fma(r, DoubleVector.broadcast(s, ExpPoly.C3));
        p = p.fma(r, DoubleVector.broadcast(s, ExpPoly.C2));
        DoubleVector one = DoubleVector.broadcast(s, 1.0);
        p = p.fma(r, one);
        p = p.fma(r, one);
        DoubleVector scale = t.reinterpretAsLongs().lanewise(VectorOperators.LSHL, 52).add(ExpPoly.BIAS).reinterpretAsDoubles();
        return p.mul(scale).blend(0.0, a.compare(VectorOperators.LT, ExpPoly.UNDERFLOW));
    }

    /**
     * {@code v[i] = exp(v[i])} for i in {@code from .. to} (a multiple of 4 apart), the operations of {@link #exp} in a
     * loop of their own: no vector crosses a method boundary, so C2 compiles the same loop whether it inlines this
     * method or not (a call of {@link #exp} from a loop is inlined only while {@link #exp} has not been compiled on its
     * own; after that, its argument and result are boxed).
     */
    public static void expInPlace(double[] v, int from, int to) {
        for (int i = from; i < to; i += 4) {
            DoubleVector a = DoubleVector.fromArray(SPECIES, v, i);
            DoubleVector t = a.fma(ExpPoly.LOG2E, ExpPoly.SHIFT);
            DoubleVector n = t.sub(ExpPoly.SHIFT);
            DoubleVector r = n.fma(DoubleVector.broadcast(SPECIES, -ExpPoly.LN2_HI), a);
            r = n.fma(DoubleVector.broadcast(SPECIES, -ExpPoly.LN2_LO), r);
            DoubleVector p = DoubleVector.broadcast(SPECIES, ExpPoly.C13).fma(r, DoubleVector.broadcast(SPECIES, ExpPoly.C12));
            p = p.fma(r, DoubleVector.broadcast(SPECIES, ExpPoly.C11));
            p = p.fma(r, DoubleVector.broadcast(SPECIES, ExpPoly.C10));
            p = p.fma(r, DoubleVector.broadcast(SPECIES, ExpPoly.C9));
            p = p.fma(r, DoubleVector.broadcast(SPECIES, ExpPoly.C8));
            p = p.fma(r, DoubleVector.broadcast(SPECIES, ExpPoly.C7));
            p = p.fma(r, DoubleVector.broadcast(SPECIES, ExpPoly.C6));
            p = p.fma(r, DoubleVector.broadcast(SPECIES, ExpPoly.C5));
            p = p.fma(r, DoubleVector.broadcast(SPECIES, ExpPoly.C4));
            p = p.fma(r, DoubleVector.broadcast(SPECIES, ExpPoly.C3));
            p = p.fma(r, DoubleVector.broadcast(SPECIES, ExpPoly.C2));
            DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
            p = p.fma(r, one);
            p = p.fma(r, one);
            DoubleVector scale = t.reinterpretAsLongs().lanewise(VectorOperators.LSHL, 52).add(ExpPoly.BIAS).reinterpretAsDoubles();
            p.mul(scale).blend(0.0, a.compare(VectorOperators.LT, ExpPoly.UNDERFLOW)).intoArray(v, i);
        }
    }

    /**
     * {@link #expInPlace} on 512-bit vectors (to - from a multiple of 8): the same function of every element,
     * so the same bits; a copy with the other species, because C2 needs the species constant.
     */
    public static void expInPlace512(double[] v, int from, int to) {
        for (int i = from; i < to; i += 8) {
            DoubleVector a = DoubleVector.fromArray(WIDE, v, i);
            DoubleVector t = a.fma(ExpPoly.LOG2E, ExpPoly.SHIFT);
            DoubleVector n = t.sub(ExpPoly.SHIFT);
            DoubleVector r = n.fma(DoubleVector.broadcast(WIDE, -ExpPoly.LN2_HI), a);
            r = n.fma(DoubleVector.broadcast(WIDE, -ExpPoly.LN2_LO), r);
            DoubleVector p = DoubleVector.broadcast(WIDE, ExpPoly.C13).fma(r, DoubleVector.broadcast(WIDE, ExpPoly.C12));
            p = p.fma(r, DoubleVector.broadcast(WIDE, ExpPoly.C11));
            p = p.fma(r, DoubleVector.broadcast(WIDE, ExpPoly.C10));
            p = p.fma(r, DoubleVector.broadcast(WIDE, ExpPoly.C9));
            p = p.fma(r, DoubleVector.broadcast(WIDE, ExpPoly.C8));
            p = p.fma(r, DoubleVector.broadcast(WIDE, ExpPoly.C7));
            p = p.fma(r, DoubleVector.broadcast(WIDE, ExpPoly.C6));
            p = p.fma(r, DoubleVector.broadcast(WIDE, ExpPoly.C5));
            p = p.fma(r, DoubleVector.broadcast(WIDE, ExpPoly.C4));
            p = p.fma(r, DoubleVector.broadcast(WIDE, ExpPoly.C3));
            p = p.fma(r, DoubleVector.broadcast(WIDE, ExpPoly.C2));
            DoubleVector one = DoubleVector.broadcast(WIDE, 1.0);
            p = p.fma(r, one);
            p = p.fma(r, one);
            DoubleVector scale = t.reinterpretAsLongs().lanewise(VectorOperators.LSHL, 52).add(ExpPoly.BIAS).reinterpretAsDoubles();
            p.mul(scale).blend(0.0, a.compare(VectorOperators.LT, ExpPoly.UNDERFLOW)).intoArray(v, i);
        }
    }
}
