package lmo.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jdk.incubator.vector.DoubleVector;
import org.junit.jupiter.api.Test;

/** {@link VectorExp#store} and {@link VectorExp#store512} store the bits of the vector, whatever they are. */
class VectorExpStoreTest {
    private static final double[] ODD = {-0.0, 0.0, Double.NaN, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE,
            Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 1.0 / 3, -7.25e-300, 4.9e307, -1.0};

    @Test
    void storingThroughMinusZeroKeepsEveryBit() {
        for (int at = 0; at + 4 <= ODD.length; at += 4) {
            double[] out = new double[6];
            VectorExp.store(DoubleVector.fromArray(VectorExp.SPECIES, ODD, at), out, 1);
            for (int l = 0; l < 4; l++) {
                assertEquals(Double.doubleToRawLongBits(ODD[at + l]), Double.doubleToRawLongBits(out[1 + l]),
                        "lane " + l + " of " + ODD[at + l]);
            }
            assertEquals(0L, Double.doubleToRawLongBits(out[0]));
            assertEquals(0L, Double.doubleToRawLongBits(out[5]));
        }
    }

    @Test
    void theWideStoreKeepsEveryBitToo() {
        double[] out = new double[8];
        VectorExp.store512(DoubleVector.fromArray(DoubleVector.SPECIES_512, ODD, 0), out, 0);
        for (int l = 0; l < 8; l++) {
            assertEquals(Double.doubleToRawLongBits(ODD[l]), Double.doubleToRawLongBits(out[l]), "lane " + l);
        }
    }

    @Test
    void accumulatorsStoredAfterTheirLoopKeepTheirSum() {
        double[] a = new double[64];
        for (int i = 0; i < a.length; i++) a[i] = Math.scalb(1.0 + i, -i);
        DoubleVector s = DoubleVector.zero(VectorExp.SPECIES);
        for (int i = 0; i < a.length; i += 4) s = s.add(DoubleVector.fromArray(VectorExp.SPECIES, a, i));
        double[] out = new double[4];
        VectorExp.store(s, out, 0);
        for (int l = 0; l < 4; l++) {
            double expected = 0;
            for (int i = l; i < a.length; i += 4) expected += a[i];
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(out[l]), "lane " + l);
        }
    }
}
