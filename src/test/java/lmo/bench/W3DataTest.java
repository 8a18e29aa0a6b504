package lmo.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import lmo.io.Npy;
import lmo.io.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The W3 data made in lmo are the shared benchmark's: the first values, sums and sums of squares of
 * {@code data/checksums.json} (copied here), and, when the dumped arrays of {@code ../shared/bench/data} are on this
 * machine, every value to 1e-14: NumPy's vectorised {@code cos} and {@code sin} (AVX-512) are a few ulps off
 * {@link StrictMath}'s, and even off NumPy's own for arrays of another length.
 */
class W3DataTest {
    private static final W3Data DATA = W3Data.of(10000);

    /** Relative agreement allowed: a few ulps of the libm's log, cos and sin, summed over the arrays. */
    private static final double SUM_TOLERANCE = 1e-12;

    @Test
    void theFirstValuesAreTheChecksumsOnes() {
        assertClose(new double[] {-0.008908198414337041, -0.33602898283347793, -0.6499223200299581, 0.23694659445791125},
                head(DATA.inputs()), "w3_X");
        assertClose(new double[] {0.051950218969453135, 0.038269909060404464, 0.3051646481555619, 0.025975898782547753},
                head(DATA.labels()), "w3_y");
        assertClose(new double[] {-0.0022597707880339037, -0.42296065905659563, 0.041162984165382, -0.42354999884279887},
                head(DATA.inputWeights()), "w3_W0");
        assertClose(new double[] {-0.15078931135351337, -0.46701055898018695, 1.2359666661472442, 0.6090293398554849},
                head(DATA.outputWeights()), "w3_a0");
    }

    @Test
    void theSumsAndSumsOfSquaresAreTheChecksumsOnes() {
        assertSums(DATA.inputs(), -13.719118339832221, 2047.9999999999998, "w3_X");
        assertSums(DATA.labels(), 262.96296628779186, 46.76208415264643, "w3_y");
        assertSums(DATA.inputWeights(), -37.13700797112993, 9975.862450443055, "w3_W0");
        assertSums(DATA.outputWeights(), -81.23744874336268, 9832.005301885973, "w3_a0");
    }

    @Test
    void fewerNeuronsAreThePrefixOfMore() {
        W3Data small = W3Data.of(1000);
        assertArrayEquals(Arrays.copyOf(DATA.outputWeights(), 1000), small.outputWeights());
        assertArrayEquals(Arrays.copyOf(DATA.inputWeights(), 1000 * W3Data.DIM), small.inputWeights());
        assertArrayEquals(DATA.inputs(), small.inputs());
        assertThrows(IllegalArgumentException.class, () -> W3Data.of(0));
    }

    @Test
    void theNeuronRowsAreTheOutputWeightThenTheInputWeights(@TempDir Path dir) throws IOException {
        W3Data small = W3Data.of(3);
        small.write(dir);
        Table rows = Npy.read(dir.resolve(W3Data.NEURONS));
        assertEquals(3, rows.rows());
        assertEquals(1 + W3Data.DIM, rows.cols());
        assertEquals(small.outputWeights()[2], rows.get(2, 0));
        assertEquals(small.inputWeights()[2 * W3Data.DIM + 9], rows.get(2, 10));
        assertEquals(W3Data.SAMPLES, Npy.read(dir.resolve(W3Data.LABELS)).rows());
        assertEquals(W3Data.DIM, Npy.read(dir.resolve(W3Data.INPUTS)).cols());
    }

    @Test
    void everyValueIsTheDumpedOneToAFewUlps() throws IOException {
        Path data = Path.of("../shared/bench/data");
        assumeTrue(Files.isRegularFile(data.resolve("w3_X.npy")), "the shared benchmark data are not on this machine");
        assertWithin(Npy.read(data.resolve("w3_X.npy")).data(), DATA.inputs(), "w3_X");
        assertWithin(Npy.read(data.resolve("w3_y.npy")).data(), DATA.labels(), "w3_y");
        assertWithin(Npy.read(data.resolve("w3_W0.npy")).data(), DATA.inputWeights(), "w3_W0");
        assertWithin(Npy.read(data.resolve("w3_a0.npy")).data(), DATA.outputWeights(), "w3_a0");
    }

    @Test
    void numpysPairwiseSumKeepsItsOrder() {
        double[] a = {1e16, 1, -1e16, 1, 1, 1, 1, 1, 1, 1};
        // ((1e16 + 1) + (-1e16 + 1)) + ((1 + 1) + (1 + 1)) = 4, then + 1 + 1: 6 (left to right it would be 7 or 8)
        assertEquals(6.0, W3Data.pairwiseSum(a, 0, 10));
        assertEquals(3.0, W3Data.pairwiseSum(new double[] {1, 1, 1}, 0, 3));
        double[] many = new double[300];
        Arrays.fill(many, 0.5);
        assertEquals(150.0, W3Data.pairwiseSum(many, 0, 300));
    }

    private static double[] head(double[] a) { return Arrays.copyOf(a, 4); }

    private static void assertClose(double[] want, double[] got, String name) {
        for (int i = 0; i < want.length; i++) assertEquals(want[i], got[i], 1e-14 * Math.max(1, Math.abs(want[i])), name + "[" + i + "]");
    }

    private static void assertSums(double[] a, double sum, double sumSq, String name) {
        double s = 0, q = 0;
        for (double v : a) {
            s += v;
            q += v * v;
        }
        assertEquals(sum, s, SUM_TOLERANCE * Math.abs(sumSq), name + " sum");
        assertEquals(sumSq, q, SUM_TOLERANCE * sumSq, name + " sum of squares");
    }

    private static void assertWithin(double[] want, double[] got, String name) {
        assertEquals(want.length, got.length, name + " length");
        double worst = 0;
        for (int i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(want[i] - got[i]) / Math.max(1, Math.abs(want[i])));
        assertTrue(worst <= 1e-14, name + ": largest difference " + worst);
    }
}
