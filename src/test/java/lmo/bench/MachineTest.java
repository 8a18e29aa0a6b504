package lmo.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import lmo.numeric.VectorWidth;
import org.junit.jupiter.api.Test;

/** The line above the bench table names what the figures depend on: cores, JDK, vector width, repeats. */
class MachineTest {

    @Test
    void theHeadlineNamesTheJdkTheVectorWidthAndTheRepeats() {
        String h = Machine.headline(3, 1.25);
        assertTrue(h.matches("lmo bench, \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC: .+, \\d+ cores?, Java .+; medians of 3 runs;"
                + " load average 1\\.25 at the start, .+ at the end"), h);
        int bits = VectorWidth.bits();
        assertTrue(h.contains(bits == 0 ? ", no vector module;" : ", " + bits + "-bit vectors;"), h);
        assertTrue(h.contains("Java " + System.getProperty("java.version") + ","), h);
    }
}
