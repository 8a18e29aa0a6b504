package lmo.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The register width rule, and exp on arrays of either width against the scalar {@link ExpPoly#exp}, bit for bit. */
class VectorWidthTest {

    @Test
    void autoIs512OnlyWithA512BitCpuAndJdk25() {
        assertEquals(512, VectorWidth.resolve(null, 512, 25));
        assertEquals(512, VectorWidth.resolve("auto", 512, 26));
        assertEquals(256, VectorWidth.resolve("auto", 512, 17));
        assertEquals(256, VectorWidth.resolve("auto", 256, 25));
        assertEquals(256, VectorWidth.resolve("256", 512, 25));
        assertEquals(512, VectorWidth.resolve(" 512 ", 512, 17));
        assertEquals(0, VectorWidth.resolve("512", 0, 25), "no Vector API module: the scalar twins");
    }

    @Test
    void aJvmOfOneScenarioTakes512BitsOnJdk17Too() {
        assertEquals(512, VectorWidth.resolve(null, 512, 17, true));
        assertEquals(512, VectorWidth.resolve("auto", 512, 25, true));
        assertEquals(256, VectorWidth.resolve("auto", 256, 17, true), "a CPU without 512-bit vectors");
        assertEquals(256, VectorWidth.resolve("256", 512, 17, true), "an explicit width wins");
        assertEquals(0, VectorWidth.resolve("auto", 0, 17, true));
        assertEquals(256, VectorWidth.resolve("auto", 512, 17, false));
    }

    @Test
    void refusesWhatIsNotAWidth() {
        var e = assertThrows(IllegalArgumentException.class, () -> VectorWidth.resolve("1024", 512, 25));
        assertTrue(e.getMessage().contains("-Dlmo.vectorBits: '1024' is not a width (auto, 256 or 512)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> VectorWidth.resolve("wide", 0, 25));
        e = assertThrows(IllegalArgumentException.class, () -> VectorWidth.resolve("512", 256, 25));
        assertTrue(e.getMessage().contains("this CPU's widest vector of doubles has 256 bits"), e.getMessage());
    }

    @Test
    void expInPlaceOfEitherWidthIsTheScalarExp() {
        Random r = new Random(5);
        double[] a = new double[4096];
        for (int i = 0; i < a.length; i++) a[i] = -Math.abs(r.nextGaussian()) * Math.pow(10, r.nextInt(6) - 2);
        double[] special = {0.0, -0.0, -1e-300, Double.MIN_VALUE, -708.0, -708.0000001, -745.2, -1e6,
            Double.NEGATIVE_INFINITY, -0.34657359027997264, 0.34657359027997264, 1.0, 700.0};
        System.arraycopy(special, 0, a, 8, special.length);
        double[] w4 = a.clone();
        double[] w8 = a.clone();
        VectorExp.expInPlace(w4, 0, a.length);
        VectorExp.expInPlace512(w8, 8, a.length);                 // from an offset: only [8, length) changes
        for (int i = 0; i < a.length; i++) {
            double e = ExpPoly.exp(a[i]);
            assertEquals(Double.doubleToRawLongBits(e), Double.doubleToRawLongBits(w4[i]), "256 bits at " + a[i]);
            double e8 = i < 8 ? a[i] : e;
            assertEquals(Double.doubleToRawLongBits(e8), Double.doubleToRawLongBits(w8[i]), "512 bits at " + a[i]);
        }
    }
}
