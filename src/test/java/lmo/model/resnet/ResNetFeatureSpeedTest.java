package lmo.model.resnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lmo.particles.Block;
import lmo.particles.Gathered;
import lmo.particles.Summaries;
import org.junit.jupiter.api.Test;

/**
 * The ResNet's feature speed diagnostics: the identity {@code -<b_l, delta h_l> = sum_{k <= l} eta_k |grad_k|^2} holds
 * exactly between the forward-mode delta h_l and the gradients, and with finite steps the ratio
 * {@code -<b_l, h_l(theta - eta g) - h_l(theta)> / lossDecay_l} tends to 1 at first order as eta goes to 0.
 */
class ResNetFeatureSpeedTest {
    static final ResNetShape SHAPE = new ResNetShape(4, 6, 8, 3, 2, 5);

    /** Every round reduced over one block holding all units; the summaries, the gradient into {@code grad}. */
    static Summaries step(ResNetModel model, double[] x, double[] grad) {
        int dim = 2 * SHAPE.embedding(), count = SHAPE.units();
        Block b = new Block(0, 0, 0, dim, x.clone(), new double[count]);
        Summaries s = new Summaries(model.rounds());
        for (int r = 0; r < model.rounds(); r++) {
            if (model.reduction(r).kind() == lmo.particles.Reduction.Kind.GATHER) {
                s.set(r, new Gathered(new double[][] {x.clone()}, new double[][] {new double[count]}, new int[] {dim}));
            } else {
                double[] out = new double[SHAPE.embedding() * SHAPE.samples()];
                model.partial(r, b, s, out);
                s.set(r, out);
            }
            model.globalStep(r, s);
        }
        model.firstVariation(b, s, new double[count], grad, new double[0]);
        return s;
    }

    @Test
    void theIdentityHoldsExactlyAndTheFiniteStepRatioTendsToOne() {
        double eta = 0.3;
        ResNetModel model = ResNetModelTest.model(SHAPE, Activation.TANH).withFeatureSpeed(eta);
        double[] x = ResNetModelTest.units(SHAPE, 5), g = new double[x.length];
        Summaries s = step(model, x, g);
        double[] m = model.metrics(s, new double[0]);
        int depth = SHAPE.depth(), d = SHAPE.embedding();
        for (int l = 0; l < depth; l++) {
            double cos = m[1 + 5 * l], dh = m[2 + 5 * l], b = m[3 + 5 * l], decay = m[5 + 5 * l];
            assertEquals(decay, b * dh * cos, 1e-10 * decay, "identity at block output " + (l + 1));
            assertTrue(cos > 0 && cos <= 1, "cos theta " + cos);
        }
        double[][] before = model.streams(x);
        double[] previous = new double[depth];
        for (int k = 0; k < 2; k++) {
            double step = k == 0 ? eta : eta / 10;
            double[] moved = x.clone();
            for (int i = 0; i < x.length; i++) moved[i] -= step * g[i];
            double[][] after = model.streams(moved);
            for (int l = 0; l < depth; l++) {
                double[] bOut = l == depth - 1 ? java.util.Arrays.copyOfRange(s.sum(depth - 1), d * SHAPE.samples(),
                        2 * d * SHAPE.samples()) : s.sum(2 * depth - 2 - l);
                double dot = 0;
                for (int q = 0; q < bOut.length; q++) dot += bOut[q] / d * (after[l + 1][q] - before[l + 1][q]);
                double decay = m[5 + 5 * l] * step / eta;
                double deviation = Math.abs(-dot / decay - 1);
                if (k == 1) {
                    assertTrue(deviation < previous[l] / 8 && deviation > previous[l] / 12,
                            "block " + (l + 1) + ": deviation " + previous[l] + " -> " + deviation + " when eta / 10");
                }
                previous[l] = deviation;
            }
        }
    }
}
