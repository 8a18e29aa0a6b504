package lmo.model.potential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import lmo.dynamics.Langevin;
import lmo.actor.ActorEngine;
import lmo.engine.LocalEngine;
import lmo.particles.Population;
import lmo.engine.Recorder;
import lmo.engine.RunOutcome;
import lmo.engine.Simulation;
import lmo.init.GaussianInit;
import lmo.space.Euclidean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Langevin noise is right: N = 20000 particles in the quadratic potential kappa |x|^2 / 2 in d = 2 reach the
 * stationary variance of the explicit Euler chain, T / (kappa (1 - eta kappa / 2)), within 2 % (averaged over the
 * second half of the run), whatever the number of shards; and the shards do not change the result at all.
 */
class StationaryVarianceTest {

    @ParameterizedTest(name = "{0} shards")
    @ValueSource(ints = {1, 3})
    void reachesTheStationaryVarianceOfTheEulerChain(int shards) {
        double kappa = 2.0, eta = 0.2, temperature = 0.5;
        int n = 20000, steps = 300;
        Euclidean space = new Euclidean(2);
        double[] x = new GaussianInit(new double[] {1, -1}, new double[] {0.1, 0.1}).positions(space, n, 5, 0);
        double[] m = new double[n];
        java.util.Arrays.fill(m, 1.0 / n);
        Simulation sim = new Simulation("ou", 5, steps, List.of(new Population("p", 0, space, x, m)),
                new PotentialModel(0, 2, new QuadraticPotential(kappa)), new Langevin(eta, temperature), 1024, shards, 1, 0);
        Recorder rec = new Recorder();
        RunOutcome out = ActorEngine.run(sim, rec);
        assertEquals(List.of("energy", "variance", "temperature", "mass_p"), rec.columns);
        double mean = 0;
        for (int k = steps / 2; k <= steps; k++) mean += rec.rows.get(k)[1] / (steps / 2 + 1);
        double expected = temperature / (kappa * (1 - eta * kappa / 2));
        assertEquals(expected, mean, 0.02 * expected, "stationary variance");
        assertEquals(0.5, rec.rows.get(steps)[2], "the temperature column");
        assertEquals(LocalEngine.run(sim, new Recorder()).stateSha256(), out.stateSha256());
    }
}
