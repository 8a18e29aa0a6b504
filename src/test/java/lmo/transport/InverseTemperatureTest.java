package lmo.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The schedules are the paper's closed forms. */
class InverseTemperatureTest {

    @Test
    void annealedIsBetaZeroTimesOnePlusTToTheKappa() {
        InverseTemperature s = InverseTemperature.annealed(10, 0.5);
        assertEquals(10, s.beta(0), 0.0);
        assertEquals(10 * Math.sqrt(2), s.beta(1), 1e-15);
        assertEquals(10 * Math.sqrt(1001), s.beta(1000), 1e-12);
        for (int t = 1; t <= 50; t++) assertEquals(0.0, s.theta(t), 0.0, "no debiasing");
    }

    @Test
    void debiasedThetaIsOneMinusTheRatioOfTheTwoPreviousBetas() {
        double kappa = 2.0 / 3;
        InverseTemperature s = InverseTemperature.debiasedAnnealed(10, kappa);
        assertEquals(0.0, s.theta(1), 0.0);
        for (int t = 2; t <= 200; t++) {
            // beta_s = beta_0 (1 + s)^kappa: theta_t = 1 - (t - 1)^kappa / t^kappa = 1 - ((t - 1) / t)^kappa
            assertEquals(1 - Math.pow((t - 1.0) / t, kappa), s.theta(t), 1e-15);
        }
    }

    @Test
    void constantAndEpsilonScaling() {
        assertEquals(100, InverseTemperature.constant(100).beta(77), 0.0);
        InverseTemperature e = InverseTemperature.epsilonScaling(2, 1.5, 10);
        assertEquals(2, e.beta(0), 0.0);
        assertEquals(4.5, e.beta(2), 1e-15);
        assertEquals(10, e.beta(5), 0.0);   // 2 * 1.5^5 = 15.2 > 10
    }
}
