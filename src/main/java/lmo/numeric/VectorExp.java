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
 * <p>C2 (JDK 17) inlines this method at one call site per loop; a second call site in the same loop, or a vector
 * carried across an outer loop or merged after an if, is boxed (one allocation per iteration).
 */
public final class VectorExp {
    /** The species every lmo vector kernel uses, whatever the CPU prefers (the bits then depend on the JDK only). */
    public static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_256;

    private VectorExp() {}

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
}
