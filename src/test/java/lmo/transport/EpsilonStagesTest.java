package lmo.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The stage rule of epsilon scaling with inner iterations: beta_s = min(beta_0 sigma^s, beta_max), s advanced by data. */
class EpsilonStagesTest {
    private final EpsilonStages stages = new EpsilonStages(InverseTemperature.epsilonScaling(10, 2, 100), 5, 1e-3);

    @Test
    void theStagesRunAtTheGeometricBetasUpToTheCap() {
        assertEquals(4, stages.lastStage(), "10, 20, 40, 80, then 100");
        double[] want = {10, 20, 40, 80, 100};
        for (int s = 0; s <= 4; s++) assertEquals(want[s], stages.beta(new double[] {s, 0}), 0.0);
        assertArrayEquals(new double[] {0, 0}, EpsilonStages.initial(), 0.0);
    }

    @Test
    void aStageEndsAtTheInnerToleranceOrAfterItsInnerIterations() {
        assertArrayEquals(new double[] {0, 1}, stages.next(new double[] {0, 0}, 0.5), 0.0, "error above: stay");
        assertArrayEquals(new double[] {1, 0}, stages.next(new double[] {0, 1}, 1e-3), 0.0, "at the tolerance: next");
        assertArrayEquals(new double[] {2, 0}, stages.next(new double[] {1, 4}, 0.5), 0.0, "5th iteration: next");
        assertArrayEquals(new double[] {2, 4}, stages.next(new double[] {2, 3}, 0.5), 0.0);
        assertArrayEquals(new double[] {2, 1}, stages.next(new double[] {2, 0}, Double.NaN), 0.0, "NaN ends nothing");
    }

    @Test
    void theLastStageRunsToTheEnd() {
        assertArrayEquals(new double[] {4, 8}, stages.next(new double[] {4, 7}, 0.0), 0.0);
        assertArrayEquals(new double[] {4, 5}, stages.next(new double[] {4, 4}, 0.5), 0.0);
    }

    @Test
    void onlyAnEpsilonScalingScheduleHasStages() {
        assertThrows(IllegalArgumentException.class, () -> new EpsilonStages(InverseTemperature.constant(10), 5, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new EpsilonStages(InverseTemperature.epsilonScaling(10, 2, 100), 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new EpsilonStages(InverseTemperature.epsilonScaling(10, 2, 100), 5, Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> new EpsilonStages(InverseTemperature.epsilonScaling(10, 1, 100), 5, 0), "sigma = 1 never ends");
    }
}
