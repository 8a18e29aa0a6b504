package lmo.model.barycenter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import lmo.dynamics.Langevin;
import lmo.actor.ActorEngine;
import lmo.engine.LocalEngine;
import lmo.particles.Population;
import lmo.engine.Recorder;
import lmo.engine.RunOutcome;
import lmo.engine.Simulation;
import lmo.rng.CounterRng;
import lmo.space.Euclidean;
import lmo.transport.barycenter.NoisyParticleDescent;
import lmo.transport.barycenter.PointCloud;
import org.junit.jupiter.api.Test;

/**
 * Noisy particle descent in the engine: one step is the library's {@link NoisyParticleDescent} step (the drift
 * {@code sum_k w_k (X - E_k[Y | X])} from warm-started Sinkhorn potentials kept as the model's global state), and the
 * state does not depend on shards or actors.
 */
class ParticleBarycenterTest {
    static final double[][] MEANS = {{-1, 2}, {2, 1}, {4, 3}};
    static final double[] SIGMA2 = {0.25, 2.25, 1};
    static final double[] W = {0.2, 0.5, 0.3};
    static final double LAMBDA = 0.5;

    static List<PointCloud> lattices(int q) {
        List<PointCloud> in = new ArrayList<>();
        for (int k = 0; k < 3; k++) in.add(PointCloud.gaussianLattice(MEANS[k], SIGMA2[k], q, 5));
        return in;
    }

    static double[] start(int n) {
        double[] x0 = new double[2 * n];
        for (int i = 0; i < n; i++) CounterRng.gaussians(7, 0, i, 0, CounterRng.STREAM_INIT, x0, 2 * i, 2);
        return x0;
    }

    static Simulation sim(int n, double tau, int iterations, int steps, int shards) {
        return sim(n, tau, ParticleBarycenter.Inner.fixed(iterations), steps, shards);
    }

    static Simulation sim(int n, double tau, ParticleBarycenter.Inner inner, int steps, int shards) {
        double[] m = new double[n];
        Arrays.fill(m, 1.0 / n);
        Population x = new Population("x", 0, new Euclidean(2), start(n), m);
        ParticleBarycenter model = new ParticleBarycenter(0, 2, lattices(7), W, LAMBDA, inner, x.initialMass(),
                new BarycenterMetrics(2, 3, null, 0));
        return new Simulation("t", 42, steps, List.of(x), model, new Langevin(0.5, tau), 32, shards, 1, 0);
    }

    @Test
    void withoutNoiseAnEngineStepIsTheLibrarysStep() {
        int n = 300, steps = 6;
        Recorder rec = new Recorder();
        assertEquals(RunOutcome.Status.COMPLETED, LocalEngine.run(sim(n, 0, 2, steps, 3), rec).status());
        NoisyParticleDescent lib = new NoisyParticleDescent(2, start(n), lattices(7), W,
                new NoisyParticleDescent.Settings(LAMBDA, 0, 0.5, 2, 42), 32).parallel(false);
        lib.run(steps);
        double[] x = rec.last.x()[0], ref = lib.positions();
        double worst = 0;
        for (int i = 0; i < x.length; i++) worst = Math.max(worst, Math.abs(x[i] - ref[i]));
        assertTrue(worst < 1e-12, "positions differ by " + worst);
        double[] g = rec.last.global();
        for (int k = 0, at = 0; k < 3; k++) {
            double[] gk = lib.potential(k);
            for (int j = 0; j < gk.length; j++, at++) {
                assertEquals(gk[j], g[at], 1e-12 * Math.max(1, Math.abs(gk[j])), "g^" + k + "_" + j);
            }
        }
        int[] errColumn = {rec.columns.indexOf("marginalError_0"), rec.columns.indexOf("marginalError_1"),
                rec.columns.indexOf("marginalError_2")};
        lib.step();  // the library's step 6 computes the plan the engine logs at state 6
        double[] row = rec.rows.get(rec.rows.size() - 1);
        for (int k = 0; k < 3; k++) assertEquals(lib.marginalErrors()[k], row[errColumn[k]], 1e-12, "marginal error " + k);
    }

    @Test
    void theStateIsTheSameWhateverTheShardsOrActors() {
        String one = LocalEngine.run(sim(200, 0.25, 2, 5, 1), new Recorder()).stateSha256();
        assertEquals(one, LocalEngine.run(sim(200, 0.25, 2, 5, 4), new Recorder()).stateSha256());
        assertEquals(one, ActorEngine.run(sim(200, 0.25, 2, 5, 3), new Recorder()).stateSha256());
    }

    /**
     * To a tolerance: the rounds each input takes are decided on the scheduler from the folded sums, so they, the
     * state and the metrics are the same on any number of shards; below the cap the inner error is below the
     * tolerance, and the cap does not matter once it is not reached.
     */
    @Test
    void toAToleranceTheStateIsTheSameWhateverTheShardsOrActorsOrTheUnusedCap() {
        ParticleBarycenter.Inner inner = ParticleBarycenter.Inner.toTolerance(40, 1e-6, 1.5);
        Recorder rec = new Recorder();
        String one = LocalEngine.run(sim(200, 0.25, inner, 5, 1), rec).stateSha256();
        Recorder four = new Recorder();
        assertEquals(one, LocalEngine.run(sim(200, 0.25, inner, 5, 4), four).stateSha256());
        assertEquals(one, ActorEngine.run(sim(200, 0.25, inner, 5, 3), new Recorder()).stateSha256());
        for (int r = 0; r < rec.rows.size(); r++) assertArrayEquals(rec.rows.get(r), four.rows.get(r), "row " + r);
        assertEquals(one, LocalEngine.run(sim(200, 0.25, ParticleBarycenter.Inner.toTolerance(60, 1e-6, 1.5), 5, 2),
                new Recorder()).stateSha256(), "a cap of 60 instead of 40");
        for (double[] row : rec.rows) {
            for (int k = 0; k < 3; k++) {
                double rounds = row[rec.columns.indexOf("innerIterations_" + k)];
                assertTrue(rounds < 40 && row[rec.columns.indexOf("marginalError_" + k)] < 1e-6, "input " + k);
            }
        }
    }
}
