package lmo.model.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import lmo.dynamics.Dynamics;
import lmo.dynamics.Langevin;
import lmo.dynamics.Wasserstein;
import lmo.dynamics.WassersteinFisherRao;
import lmo.actor.ActorEngine;
import lmo.engine.LocalEngine;
import lmo.particles.Population;
import lmo.engine.Recorder;
import lmo.engine.RunOutcome;
import lmo.engine.Simulation;
import lmo.space.Euclidean;
import lmo.space.Space;
import lmo.space.Sphere;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The model in the real engine: every readout runs through {@link LocalEngine} (the reference loop: rounds, the
 * bilevel global step, metrics) with the dynamics of the issue, and the actor engine reproduces its
 * {@code stateSha256} with 1 and 3 shards, with and without Langevin noise; the metrics of step 0 are those of the
 * plain evaluation.
 */
class EngineRunTest {
    static final int N = 40, D = 3;

    record Setup(Simulation sim, TwoLayerModel model, double[] x0, double[] m0, int dim) {}

    static Setup setup(Readout r, boolean population, boolean noise) {
        boolean bias = !population;
        int dim = r.positionDim(D + (bias ? 1 : 0));
        Random rnd = new Random(3);
        double[] x = new double[N * dim];
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextGaussian();
        if (r.onSphere()) for (int i = 0; i < N; i++) Teacher.normalize(x, i * dim, dim);
        double[] m = new double[N];
        Arrays.fill(m, 1.0 / N);
        TwoLayerModel.Builder b = TwoLayerModel.builder(r).bias(bias).initialState(x, m)
            .regularization(r == Readout.BILEVEL ? 0.1 : 0.01).signs(Signs.BALANCED);
        Teacher t = Teacher.random(2, D, false, Activation.RELU, 8);   // the model may have a bias; the teacher has none
        TwoLayerModel model = population ? b.populationLoss(t).build()
            : b.data(Datasets.teacherStudent(t).count(50).testCount(20).seed(9).build()).build();
        Space space = r.onSphere() ? new Sphere(dim) : new Euclidean(dim);
        Dynamics dyn = noise ? new Langevin(0.2, 1e-3)
            : (r == Readout.CONE || r == Readout.MASS) ? new WassersteinFisherRao(0.5, 2.0, false) : new Wasserstein(0.5);
        Simulation sim = new Simulation("neural-" + r.key(), 5, 12, List.of(new Population("neurons", 0, space, x, m)),
            model, dyn, 7, 1, 4, 0);
        return new Setup(sim, model, x, m, dim);
    }

    @ParameterizedTest
    @EnumSource(Readout.class)
    void everyReadoutRunsInTheEngineShardInvariantly(Readout r) {
        for (boolean population : new boolean[] {false, true}) {
            for (boolean noise : new boolean[] {false, true}) {
                Setup s = setup(r, population, noise);
                Recorder local = new Recorder();
                RunOutcome ref = LocalEngine.run(s.sim(), local);
                String what = r.key() + (population ? " population" : " samples") + (noise ? " langevin" : "");
                assertEquals(RunOutcome.Status.COMPLETED, ref.status(), what);
                Harness.Result h = Harness.evaluate(s.model(), s.x0(), s.m0(), s.dim(), 7);
                double[] row0 = Arrays.copyOf(local.rows.get(0), h.metrics().length);
                assertArrayEquals(h.metrics(), row0, what + ": metrics of step 0");
                int loss = local.columns.indexOf("regularizedLoss");
                assertTrue(local.rows.get(local.rows.size() - 1)[loss] < local.rows.get(0)[loss], what + ": F decreases");
                for (int shards : new int[] {1, 3}) {
                    RunOutcome out = ActorEngine.run(s.sim().withShards(shards), new Recorder());
                    assertEquals(ref.stateSha256(), out.stateSha256(), what + ", " + shards + " shards");
                }
            }
        }
    }
}
