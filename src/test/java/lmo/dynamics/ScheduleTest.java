package lmo.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Each schedule gives the value its formula says, step by step. */
class ScheduleTest {

    @Test
    void geometricStagesDivideByTheFactor() {
        Schedule s = Schedule.geometric(0.8, 2, 100);
        assertEquals(0.8, s.value(0));
        assertEquals(0.8, s.value(99));
        assertEquals(0.4, s.value(100));
        assertEquals(0.1, s.value(350));
    }

    @Test
    void logarithmicInMeanFieldTime() {
        Schedule s = Schedule.logarithmic(2.0, 0.5);
        assertEquals(2.0, s.value(0), 1e-15);
        assertEquals(2.0 / Math.log(5 + Math.E), s.value(10), 1e-15);
    }

    @Test
    void piecewiseHoldsEachValueFromItsStep() {
        Schedule s = Schedule.piecewise(new long[] {0, 10, 50}, new double[] {1, 0.5, 0});
        assertEquals(1, s.value(9));
        assertEquals(0.5, s.value(10));
        assertEquals(0.5, s.value(49));
        assertEquals(0, s.value(1_000_000));
        assertThrows(IllegalArgumentException.class, () -> Schedule.piecewise(new long[] {1}, new double[] {1}));
    }

    @Test
    void langevinLogsItsTemperature() {
        Langevin l = new Langevin(0.1, Schedule.geometric(1, 10, 5));
        assertEquals(java.util.List.of("temperature"), l.metricNames());
        assertEquals(0.1, l.metrics(7)[0], 1e-15);
    }
}
