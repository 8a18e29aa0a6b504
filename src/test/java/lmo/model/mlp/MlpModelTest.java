package lmo.model.mlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import lmo.deep.mlp.Batch;
import lmo.deep.mlp.FeatureSpeed;
import lmo.deep.mlp.Mlp;
import lmo.dynamics.Wasserstein;
import lmo.actor.ActorEngine;
import lmo.engine.LocalEngine;
import lmo.particles.Population;
import lmo.engine.Recorder;
import lmo.engine.Simulation;
import lmo.space.Euclidean;
import org.junit.jupiter.api.Test;

/**
 * The MLP in the engine: its neurons are the particles, a step is the library's gradient step
 * {@code theta - eta grad L} (the gradient is checked against central differences in lmo.deep.mlp), the logged
 * diagnostics are {@link FeatureSpeed}'s, and the state does not depend on shards or actors.
 */
class MlpModelTest {
    static final Batch BATCH = Batch.gaussian(1, 0, 4, 6, 2);

    static Simulation sim(Mlp net, int steps, int blockSize, int shards) {
        double[][] rows = MlpModel.neurons(net, net.initialTheta(3, 0));
        int dim = MlpModel.particleDimension(net);
        double[] x = new double[rows.length * dim];
        for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, x, i * dim, dim);
        double[] m = new double[rows.length];
        Arrays.fill(m, 1.0 / rows.length);
        Population p = new Population("neurons", 0, new Euclidean(dim), x, m);
        return new Simulation("t", 1, steps, List.of(p), new MlpModel(0, net, BATCH, 0.05), new Wasserstein(0.05),
                blockSize, shards, 1, 0);
    }

    @Test
    void engineStepsAreGradientDescentAndTheMetricsAreTheFeatureSpeedDiagnostics() {
        for (Mlp net : List.of(Mlp.plain(6, 8, 5, 2), Mlp.residual(6, 8, 5, 2))) {
            Recorder rec = new Recorder();
            Simulation sim = sim(net, 3, 5, 2);
            LocalEngine.run(sim, rec);
            double[] theta = net.initialTheta(3, 0);
            for (int t = 0; t < 3; t++) {
                double[] g = net.backward(theta, BATCH).gradient();
                for (int i = 0; i < theta.length; i++) theta[i] -= 0.05 * g[i];
            }
            MlpModel model = (MlpModel) sim.model();
            assertArrayEquals(theta, model.theta(rec.last.x()[0]), 1e-14, net.architecture().toString());
            double[] want = FeatureSpeed.metrics(net, theta, BATCH, FeatureSpeed.uniformStepSizes(net, 0.05)).values()
                    .stream().mapToDouble(Double::doubleValue).toArray();
            assertArrayEquals(want, Arrays.copyOf(rec.rows.get(rec.rows.size() - 1), want.length), 0.0, "then mass_neurons");
            assertEquals(FeatureSpeed.metricNames(5), rec.columns.subList(0, want.length));
        }
    }

    @Test
    void theStateIsTheSameWhateverTheShardsOrActors() {
        Mlp net = Mlp.residual(6, 8, 5, 2);
        String one = LocalEngine.run(sim(net, 4, 3, 1), new Recorder()).stateSha256();
        assertEquals(one, LocalEngine.run(sim(net, 4, 3, 4), new Recorder()).stateSha256());
        assertEquals(one, ActorEngine.run(sim(net, 4, 3, 3), new Recorder()).stateSha256());
    }
}
