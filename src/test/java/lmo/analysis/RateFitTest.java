package lmo.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import lmo.io.RunLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fitted rate of an oscillating exponential decay, read from a metrics.csv. */
class RateFitTest {
    @TempDir Path dir;

    /** {@code exp(-0.05 t)(1 + 0.3 sin 2t)} at t = 0, 0.5, ..., 200, as metrics.csv rows; one row non-positive. */
    Path csv() throws IOException {
        StringBuilder s = new StringBuilder("step,wallSeconds,time,energy,niError\n");
        for (int k = 0; k <= 400; k++) {
            double t = 0.5 * k;
            double ni = k == 300 ? 0 : Math.exp(-0.05 * t) * (1 + 0.3 * Math.sin(2 * t));
            s.append(String.format(Locale.ROOT, "%d,0.0,%s,1.0,%s%n", 50 * k, t, ni));
        }
        return Files.writeString(dir.resolve(RunLayout.METRICS), s);
    }

    @Test
    void recoversTheRateOnTheSecondHalf() throws IOException {
        RateFit f = RateFit.of(csv(), RateFit.DEFAULT_METRIC, null, null);
        assertEquals(0.05, f.rate(), 0.02 * 0.05);
        assertEquals(100.0, f.from(), 0.0);
        assertEquals(200.0, f.to(), 0.0);
        assertEquals(200, f.rows(), "201 rows in the second half, less the one with value 0");
        assertEquals("niError", f.metric());
    }

    @Test
    void anExplicitWindow() throws IOException {
        RateFit f = RateFit.of(csv(), "niError", 20.0, 80.0);
        assertEquals(0.05, f.rate(), 0.02 * 0.05);
        assertEquals(121, f.rows());
        assertEquals(20.0, f.from(), 0.0);
        assertEquals(80.0, f.to(), 0.0);
        assertEquals(0.0, RateFit.of(csv(), "energy", null, null).rate(), 1e-15, "a constant does not decay");
    }

    @Test
    void unknownColumnOrEmptyWindowIsRejected() throws IOException {
        Path file = csv();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RateFit.of(file, "loss", null, null));
        assertTrue(e.getMessage().contains("metrics.csv") && e.getMessage().contains("loss"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RateFit.of(file, "niError", 500.0, null));
    }
}
