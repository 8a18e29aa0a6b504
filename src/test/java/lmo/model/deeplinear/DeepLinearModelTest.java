package lmo.model.deeplinear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import lmo.deep.linear.DeepLinearNetwork;
import lmo.deep.linear.GradientDescent;
import lmo.deep.linear.Regression;
import lmo.dynamics.Wasserstein;
import lmo.actor.ActorEngine;
import lmo.engine.LocalEngine;
import lmo.particles.Population;
import lmo.engine.Recorder;
import lmo.engine.Simulation;
import lmo.space.Euclidean;
import org.junit.jupiter.api.Test;

/**
 * The deep linear network in the engine: its layers are the particles, an engine step is the library's gradient step
 * {@code theta - eta grad R} (the gradient itself is checked against central differences in lmo.deep.linear), the
 * minimisers it reaches are at least as sharp as the bound, and the state does not depend on shards or actors.
 */
class DeepLinearModelTest {
    static final Regression DATA = Regression.paper(50, 5, 1.0, 0);

    static Simulation sim(DeepLinearNetwork net, double[] theta, double eta, int steps, int blockSize, int shards) {
        DeepLinearModel model = new DeepLinearModel(0, net, DATA, 50, 1e-10, steps);
        double[][] rows = DeepLinearModel.rows(net, theta);
        double[] x = new double[rows.length * 25];
        for (int k = 0; k < rows.length; k++) System.arraycopy(rows[k], 0, x, k * 25, 25);
        double[] m = new double[rows.length];
        Arrays.fill(m, 1.0 / rows.length);
        Population p = new Population("layers", 0, new Euclidean(25), x, m);
        return new Simulation("t", 0, steps, List.of(p), model, new Wasserstein(eta), blockSize, shards, 50, 0);
    }

    @Test
    void engineStepsAreTheLibrarysGradientDescent() {
        for (DeepLinearNetwork net : List.of(DeepLinearNetwork.plain(10, 5),
                DeepLinearNetwork.residual(6, 5, DeepLinearNetwork.randomReadout(5, 3)))) {
            double[] theta = net.kind() == DeepLinearNetwork.Kind.PLAIN ? net.gaussianInit(0.35, 1) : net.residualInit(0.25, 1);
            Recorder rec = new Recorder();
            Simulation sim = sim(net, theta, 0.02, 200, 3, 2);
            LocalEngine.run(sim, rec);
            double[] lib = GradientDescent.run(net, DATA, theta, 0.02, 200).theta();
            assertArrayEquals(lib, ((DeepLinearModel) sim.model()).theta(rec.last), 1e-12, net.kind().toString());
        }
    }

    @Test
    void everyMinimiserReachedIsAtLeastAsSharpAsTheBound() {
        DeepLinearNetwork net = DeepLinearNetwork.plain(10, 5);
        for (double scale : new double[] {0.25, 0.35, 0.45}) {
            Recorder rec = new Recorder();
            LocalEngine.run(sim(net, net.gaussianInit(scale, 7), 0.02, 3000, 10, 1), rec);
            double[] last = rec.rows.get(rec.rows.size() - 1);
            double excess = last[rec.columns.indexOf("excessLoss")], ratio = last[rec.columns.indexOf("sharpnessRatio")];
            assertTrue(excess < 1e-12, "a minimiser: excess loss " + excess);
            assertTrue(ratio >= 1 - 1e-8, "scale " + scale + ": sharpness / bound = " + ratio);
            assertTrue(ratio <= 4 * DATA.kappa(), "scale " + scale + ": within 4 kappa of the bound: " + ratio);
            assertEquals(2 / last[rec.columns.indexOf("sharpnessLowerBound")], last[rec.columns.indexOf("criticalStep")], 0.0);
        }
    }

    @Test
    void theStateIsTheSameWhateverTheShardsOrActors() {
        DeepLinearNetwork net = DeepLinearNetwork.plain(10, 5);
        double[] theta = net.gaussianInit(0.35, 2);
        String one = LocalEngine.run(sim(net, theta, 0.02, 30, 2, 1), new Recorder()).stateSha256();
        assertEquals(one, LocalEngine.run(sim(net, theta, 0.02, 30, 2, 4), new Recorder()).stateSha256());
        assertEquals(one, ActorEngine.run(sim(net, theta, 0.02, 30, 2, 3), new Recorder()).stateSha256());
    }
}
