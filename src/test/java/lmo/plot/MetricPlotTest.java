package lmo.plot;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which metric curves get a log axis although they span less than two decades. */
class MetricPlotTest {
    @Test
    void distancesToASolutionAreDrawnOnALogAxisWhenPositive() {
        assertTrue(MetricPlot.errorLike("niError"));
        assertTrue(MetricPlot.errorLike("localNiError"));
        assertTrue(MetricPlot.errorLike("flowNorm"));
        assertFalse(MetricPlot.errorLike("energy"));
        assertFalse(MetricPlot.errorLike("value"));
        assertTrue(Charts.positive(new double[] {0.8, 0.05, Double.NaN}));
        assertFalse(Charts.positive(new double[] {0.8, 0.0}), "a zero cannot go on a log axis");
        assertFalse(Charts.positive(new double[] {Double.NaN}));
    }
}
