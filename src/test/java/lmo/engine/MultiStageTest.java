package lmo.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lmo.actor.ActorEngine;
import lmo.dynamics.Gda;
import org.junit.jupiter.api.Test;

/**
 * The engine's multi-stage steps (a ghost substep, then the real one), on the mean-attraction model
 * {@code V(x) = 1/2 |x - xbar_a|^2} with {@code xbar_a} the weighted mean: against the extragradient closed form and
 * an inline transcription of the authors' mirror-prox update.
 */
class MultiStageTest {

    @Test
    void mirrorProxOnPositionsIsExtragradient() {
        double eta = 0.1;
        int steps = 20;
        Gda mp = new Gda(Gda.Method.CP_MP, Gda.Update.POSITIONS, Gda.Players.SIMULTANEOUS, eta, eta);
        Simulation sim = Fixtures.sim(200, 2, new MeanAttraction(2), mp, steps, 32, 2);
        Recorder rec = new Recorder();
        assertEquals(RunOutcome.Status.COMPLETED, LocalEngine.run(sim, rec).status());
        double v0 = rec.rows.get(0)[0];
        double contraction = 1 - eta + eta * eta; // x' = x - eta d, x+ = x - eta (1 - eta) d
        for (int k = 0; k <= steps; k++) {
            assertEquals(v0 * Math.pow(contraction, 2 * k), rec.rows.get(k)[0], 1e-12 * v0, "variance after " + k);
        }
    }

    @Test
    void conicMirrorProxMatchesTheAuthorsUpdateWrittenInline() {
        double eta = 0.05, etaM = 0.3;
        int steps = 15, n = 37, dim = 2;
        Gda mp = new Gda(Gda.Method.CP_MP, Gda.Update.CONIC, Gda.Players.SIMULTANEOUS, eta, etaM);
        Simulation sim = Fixtures.sim(n, dim, new MeanAttraction(dim), mp, steps, 8, 3);
        Recorder rec = new Recorder();
        assertEquals(RunOutcome.Status.COMPLETED, LocalEngine.run(sim, rec).status());

        double[] x = sim.populations().get(0).x0().clone();
        double[] a = sim.populations().get(0).m0().clone();
        for (int k = 0; k < steps; k++) {
            double[][] vg = meanAttraction(x, a, dim);
            double[] ga = a.clone(), gx = x.clone();
            for (int i = 0; i < n; i++) {
                ga[i] = a[i] * Math.exp(-etaM * vg[0][i]);
                for (int c = 0; c < dim; c++) gx[i * dim + c] = x[i * dim + c] - eta * vg[1][i * dim + c];
            }
            normalise(ga);
            double[][] at = meanAttraction(gx, ga, dim);
            double[] na = a.clone();
            for (int i = 0; i < n; i++) {
                na[i] = a[i] * Math.exp(-etaM * at[0][i]);
                for (int c = 0; c < dim; c++) x[i * dim + c] -= eta * ga[i] / a[i] * at[1][i * dim + c];
            }
            normalise(na);
            a = na;
        }
        assertArrayEquals(x, rec.last.x()[0], 1e-13);
        assertArrayEquals(a, rec.last.m()[0], 1e-15);
    }

    @Test
    void theStateDoesNotDependOnShardsOrActors() {
        Gda mp = new Gda(Gda.Method.CP_MP, Gda.Update.CONIC, Gda.Players.SIMULTANEOUS, 0.05, 0.2);
        String one = LocalEngine.run(Fixtures.sim(301, 2, new MeanAttraction(2), mp, 12, 16, 1), new Recorder()).stateSha256();
        String three = LocalEngine.run(Fixtures.sim(301, 2, new MeanAttraction(2), mp, 12, 16, 3), new Recorder()).stateSha256();
        String actors = ActorEngine.run(Fixtures.sim(301, 2, new MeanAttraction(2), mp, 12, 16, 2), new Recorder()).stateSha256();
        assertEquals(one, three);
        assertEquals(one, actors);
        Gda mda = new Gda(Gda.Method.CP_MDA, Gda.Update.CONIC, Gda.Players.SIMULTANEOUS, 0.05, 0.2);
        assertNotEquals(one, LocalEngine.run(Fixtures.sim(301, 2, new MeanAttraction(2), mda, 12, 16, 1), new Recorder()).stateSha256());
    }

    @Test
    void aGhostThatDivergesRollsTheStepBackWhole() {
        Gda mp = new Gda(Gda.Method.CP_MP, Gda.Update.CONIC, Gda.Players.SIMULTANEOUS, 1e-3, 1e308);
        Simulation sim = Fixtures.sim(50, 1, new MeanAttraction(1), mp, 5, 8, 2);
        Recorder rec = new Recorder();
        RunOutcome out = LocalEngine.run(sim, rec);
        assertEquals(RunOutcome.Status.DIVERGED, out.status());
        assertTrue(out.message().contains("step 0"), out.message());
        assertArrayEquals(sim.populations().get(0).x0(), rec.last.x()[0]);
        assertArrayEquals(sim.populations().get(0).m0(), rec.last.m()[0]);
        assertEquals(List.of(0L), rec.loggedSteps);
    }

    /** V_i = 1/2 |x_i - xbar_a|^2 and its gradient x_i - xbar_a. */
    private static double[][] meanAttraction(double[] x, double[] a, int dim) {
        int n = a.length;
        double total = 0;
        double[] mean = new double[dim];
        for (int i = 0; i < n; i++) {
            total += a[i];
            for (int c = 0; c < dim; c++) mean[c] += a[i] * x[i * dim + c];
        }
        double[] v = new double[n], g = new double[n * dim];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < dim; c++) {
                double d = x[i * dim + c] - mean[c] / total;
                g[i * dim + c] = d;
                v[i] += 0.5 * d * d;
            }
        }
        return new double[][] {v, g};
    }

    private static void normalise(double[] a) {
        double s = 0;
        for (double d : a) s += d;
        for (int i = 0; i < a.length; i++) a[i] /= s;
    }
}
