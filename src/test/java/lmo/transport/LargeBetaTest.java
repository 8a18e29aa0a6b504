package lmo.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The log domain does not break at small epsilon (POT #54: kernel Sinkhorn at reg = 1e-3 returns 0 or NaN): at
 * beta = 1e5 on a normalised cost, exp(-beta c) underflows to 0 for every c > 0.0075, yet every potential stays
 * finite and the marginal error falls. A non-finite input is reported with iteration, side and index.
 */
class LargeBetaTest {

    @Test
    void betaOneHundredThousandOnANormalisedCostStaysFiniteAndConverges() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 120, m = 90, d = 2;
        Cost cost = Cost.of(OnlineSinkhornTest.points(r, n * d), n, OnlineSinkhornTest.points(r, m * d), m, d,
                Cost.Kind.SQEUCLIDEAN, Cost.Normalize.MAX);
        TransportProblem pr = TransportProblem.uniform(cost);
        int underflow = 0;
        for (int i = 0; i < n; i++) for (int j = 0; j < m; j++) if (Math.exp(-1e5 * cost.at(i, j)) == 0) underflow++;
        assertTrue(underflow > 0.9 * n * m, "the kernel form would underflow on " + underflow + " of " + n * m);
        for (InverseTemperature s : new InverseTemperature[] {InverseTemperature.constant(1e5),
                InverseTemperature.epsilonScaling(10, 1.5, 1e5)}) {
            SinkhornResult res = OnlineSinkhorn.solve(pr, OnlineSinkhorn.Options.fixed(s, 300).withBlockSize(32));
            for (double z : res.u()) assertTrue(Double.isFinite(z));
            for (double z : res.v()) assertTrue(Double.isFinite(z));
            for (PlanMetrics pm : res.history()) {
                assertTrue(Double.isFinite(pm.marginalError()) && Double.isFinite(pm.cost())
                        && Double.isFinite(pm.dual()) && Double.isFinite(pm.primal()), s + " " + pm);
            }
            PlanMetrics atMax = res.history().stream().filter(pm -> pm.beta() == 1e5).findFirst().orElseThrow();
            double first = atMax.marginalError(), last = res.last().marginalError();   // from the first plan at 1e5
            assertTrue(last < 0.5 * first, s + ": marginal error " + first + " -> " + last);
            assertEquals(1e5, res.beta(), 0.0);
        }
    }

    @Test
    void aNonFiniteValueNamesIterationSideAndIndex() {
        double[] x = {0, 0, 1, 1, Double.NaN, 0.5};
        double[] y = {0, 1, 1, 0};
        Cost cost = Cost.of(x, 3, y, 2, 2, Cost.Kind.SQEUCLIDEAN, Cost.Normalize.MAX);
        NonFiniteException e = assertThrows(NonFiniteException.class, () -> OnlineSinkhorn.solve(
                TransportProblem.uniform(cost), OnlineSinkhorn.Options.fixed(InverseTemperature.constant(10), 5)));
        assertEquals(1, e.iteration());
        assertEquals("u", e.side());
        assertEquals(2, e.index());
        assertTrue(e.getMessage().contains("u[2]") && e.getMessage().contains("iteration 1"), e.getMessage());
    }
}
