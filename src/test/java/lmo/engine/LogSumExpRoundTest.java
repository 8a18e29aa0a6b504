package lmo.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lmo.actor.ActorEngine;
import lmo.particles.Reduction;
import org.junit.jupiter.api.Test;

/**
 * LOG_SUM_EXP rounds: block partials folded in block order equal the log-sum-exp over all particles, stay finite at
 * inverse temperatures where exp overflows or underflows, and do not depend on the shards or the actors.
 */
class LogSumExpRoundTest {

    @Test
    void foldingPairsIsTheLogSumExpOfTheUnion() {
        Reduction r = Reduction.logSumExp(2);
        double[] acc = r.identity();
        double[] a = {3, -1, 2, 1};                      // LSE: 3 + log 2, -1 + log 1
        double[] b = {Double.NEGATIVE_INFINITY, 4, 0, 3}; // term 0 empty, term 1: 4 + log 3
        r.fold(acc, a);
        r.fold(acc, b);
        assertEquals(3 + Math.log(2), Reduction.logSumExpOf(acc, 2, 0), 1e-15);
        double expected = 4 + Math.log(3 + Math.exp(-5));
        assertEquals(expected, Reduction.logSumExpOf(acc, 2, 1), 1e-15);
        double[] empty = r.identity();
        r.fold(empty, r.identity());
        assertEquals(Double.NEGATIVE_INFINITY, Reduction.logSumExpOf(empty, 2, 0));
    }

    @Test
    void aSoftMinimumAtBetaOneHundredThousandIsExactAndFinite() {
        double beta = 1e5;
        SoftMinDistance model = new SoftMinDistance(beta, 5, 0.013, -4);  // the cloud is in [-2, 2)
        Simulation sim = Fixtures.sim(257, 1, model, TestDynamics.euler(0.1), 2, 16, 3);
        Recorder rec = new Recorder();
        assertEquals(RunOutcome.Status.COMPLETED, LocalEngine.run(sim, rec).status());
        double[] x = sim.populations().get(0).x0(), m = sim.populations().get(0).m0();
        for (int j = 0; j < model.targets.length; j++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < x.length; i++) max = Math.max(max, Math.log(m[i]) - beta * sq(x[i] - model.targets[j]));
            double sum = 0;
            for (int i = 0; i < x.length; i++) sum += Math.exp(Math.log(m[i]) - beta * sq(x[i] - model.targets[j]) - max);
            double lse = max + Math.log(sum);
            assertTrue(Double.isFinite(rec.rows.get(0)[j]), "term " + j);
            assertTrue(max < -700 || j == 1, "exp would underflow to 0 without the shift: " + max);
            assertEquals(lse, rec.rows.get(0)[j], 1e-12 * Math.abs(lse), "term " + j);
        }
    }

    @Test
    void theFoldDoesNotDependOnShardsOrActors() {
        SoftMinDistance model = new SoftMinDistance(50, -1, 0.3, 2);
        List<double[]> one = run(model, 1, false), three = run(model, 3, false), actors = run(model, 2, true);
        for (int k = 0; k < one.size(); k++) {
            assertArrayEquals(one.get(k), three.get(k), 0.0);
            assertArrayEquals(one.get(k), actors.get(k), 0.0);
        }
    }

    private static List<double[]> run(SoftMinDistance model, int shards, boolean actors) {
        Simulation sim = Fixtures.sim(301, 1, model, TestDynamics.euler(0.1), 3, 8, shards);
        Recorder rec = new Recorder();
        if (actors) ActorEngine.run(sim, rec);
        else LocalEngine.run(sim, rec);
        return rec.rows;
    }

    private static double sq(double d) { return d * d; }
}
