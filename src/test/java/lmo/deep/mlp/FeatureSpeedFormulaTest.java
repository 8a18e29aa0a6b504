package lmo.deep.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The feature speed formula (Chizat &amp; Netrapalli, digest §3.1 and oracle §4.2): for the step
 * {@code dW_k = -eta_k grad_{W_k} L}, {@code -<b_l, dh_l> = sum_{k<=l} eta_k ||grad_{W_k} L||^2} exactly at first
 * order, the forward-mode {@code dh_l} is the derivative of {@code h_l} along the step, and a finite step's feature
 * change approaches {@code dh_l} at first order.
 */
class FeatureSpeedFormulaTest {
    static final Mlp[] NETS = {Mlp.plain(6, 32, 6, 2), Mlp.residual(6, 32, 6, 2)};

    /** Distinct per-block step sizes, so that a wrong block-to-layer pairing would show. */
    static double[] unevenStepSizes(Mlp net) {
        double[] eta = new double[net.blocks()];
        for (int k = 1; k <= net.blocks(); k++) eta[k - 1] = 0.01 * (1 + 0.37 * k + 0.11 * k * k);
        return eta;
    }

    /** Oracle §4.2 with the exact tangent: both sides agree to 1e-9 relative, at every layer. */
    @Test
    void identityHoldsExactlyWithTheTangent() {
        for (Mlp net : new Mlp[] {NETS[0], NETS[1], Mlp.plain(10, 128, 24, 3), Mlp.residual(10, 128, 24, 3, 0.3)}) {
            double[] theta = net.initialTheta(21, 0);
            FeatureSpeed fs = FeatureSpeed.measure(net, theta, Batch.gaussian(22, 0, 8, net.dIn(), net.dOut()), unevenStepSizes(net));
            double worst = 0;
            for (int l = 1; l <= net.depth(); l++) {
                double rel = Math.abs(fs.alignment(l) / fs.lossDecay(l) - 1);
                worst = Math.max(worst, rel);
                assertTrue(rel < 1e-9, net + " layer " + l + ": -<b, dh> = " + fs.alignment(l) + ", decay " + fs.lossDecay(l));
                // the formula as the paper writes it
                assertEquals(fs.lossDecay(l), fs.deltaHNorm(l) * fs.bNorm(l) * fs.cosTheta(l), 1e-9 * fs.lossDecay(l));
                assertTrue(fs.cosTheta(l) > 0 && fs.cosTheta(l) <= 1, "a descent step moves features against b");
            }
            // readout: the first-order loss change -<dL/df, df> is the decay of all blocks
            double total = -Dense.dot(fs.backward().bOut(), fs.tangent().dOut());
            assertEquals(fs.totalLossDecay(), total, 1e-9 * total);
            System.out.printf("%s: max |(-<b_l, dh_l>) / lossDecay_l - 1| = %.2e; total first-order decay %.6e%n", net, worst, total);
        }
    }

    /** dh_l = (h_l(theta + t v) - h_l(theta - t v)) / 2t + O(t^2), for v the GD step and for a random direction. */
    @Test
    void tangentIsTheCentralDifference() {
        for (Mlp net : NETS) {
            double[] theta = net.initialTheta(31, 0);
            Batch batch = Batch.gaussian(32, 0, 8, net.dIn(), net.dOut());
            FeatureSpeed fs = FeatureSpeed.measure(net, theta, batch, unevenStepSizes(net));
            double[] random = new double[theta.length];
            lmo.rng.CounterRng.gaussians(33, 0, 0, 0, 99, random, 0, random.length);
            for (double[] v : new double[][] {fs.step(), random}) {
                double scale = Math.sqrt(Dense.dot(theta, theta) / Dense.dot(v, v));
                double t = 1e-6 * scale;     // the parameters move by 1e-6 relative
                boolean[] base = Kinks.pattern(net, fs.forward());
                assertTrue(!Kinks.crosses(net, base, theta, v, t, batch) && !Kinks.crosses(net, base, theta, v, -t, batch));
                Mlp.Tangent tan = net.tangent(theta, fs.forward(), v);
                double[][] up = net.forward(shift(theta, v, t), batch).h();
                double[][] down = net.forward(shift(theta, v, -t), batch).h();
                double worst = 0;
                for (int l = 1; l <= net.depth(); l++) {
                    double[] fd = new double[up[l].length];
                    for (int i = 0; i < fd.length; i++) fd[i] = (up[l][i] - down[l][i]) / (2 * t);
                    double err = 0;
                    for (int i = 0; i < fd.length; i++) err += (fd[i] - tan.dh()[l][i]) * (fd[i] - tan.dh()[l][i]);
                    double rel = Math.sqrt(err / Dense.dot(fd, fd));
                    worst = Math.max(worst, rel);
                    assertTrue(rel < 1e-6, net + " layer " + l + ": ||dh - fd|| / ||fd|| = " + rel);
                }
                System.out.printf("%s, %s direction: max_l ||dh_l - fd_l|| / ||fd_l|| = %.2e%n", net, v == random ? "random" : "GD", worst);
            }
        }
    }

    /**
     * A finite step: {@code r_l(s) = -<b_l, h_l(theta + s dtheta) - h_l(theta)> / (s lossDecay_l) = 1 + O(s)} and
     * {@code ||h_l(theta + s dtheta) - h_l(theta) - s dh_l|| / (s ||dh_l||) = O(s)}: both deviations shrink about 10
     * times from s = 1 to s = 1/10 (first order). Layer 1 is linear in W_1 within a ReLU region (h_1 = relu(W_1 x),
     * h_1 = W_1 x), so there r_1 = 1 to rounding at both steps (1e-10: the
     * difference of two close features loses about 4 digits at s = 1/10). The step is small enough to cross no ReLU kink
     * (checked): then r_l is a polynomial in s and the shrink factor is 10 to about 1e-3.
     */
    @Test
    void finiteStepsApproachTheFormulaAtFirstOrder() {
        for (Mlp net : NETS) {
            double[] theta = net.initialTheta(41, 0);
            Batch batch = Batch.gaussian(42, 0, 8, net.dIn(), net.dOut());
            Mlp.Backward back = net.backward(theta, batch);
            double[] eta = FeatureSpeed.equalDecayStepSizes(net, back, 0.002 * back.loss());
            FeatureSpeed fs = FeatureSpeed.measure(net, theta, batch, eta);
            assertTrue(!Kinks.crosses(net, Kinks.pattern(net, fs.forward()), theta, fs.step(), 1.0, batch),
                    "the step stays in theta's ReLU region (else r_l jumps by a kink term of relative size O(1) in s)");
            double[][] h0 = fs.forward().h();
            double[][] ratio = new double[2][net.depth() + 1];
            double[][] gap = new double[2][net.depth() + 1];
            double[] steps = {1.0, 0.1};
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < 2; j++) {
                double s = steps[j];
                double[][] h1 = net.forward(shift(theta, fs.step(), s), batch).h();
                for (int l = 1; l <= net.depth(); l++) {
                    double[] dh = fs.deltaH(l);
                    double[] b = fs.backward().b()[l];
                    double inner = 0, err = 0;
                    for (int i = 0; i < dh.length; i++) {
                        double change = h1[l][i] - h0[l][i];
                        inner += b[i] * change;
                        err += (change - s * dh[i]) * (change - s * dh[i]);
                    }
                    ratio[j][l] = -inner / (s * fs.lossDecay(l));
                    gap[j][l] = Math.sqrt(err) / (s * fs.deltaHNorm(l));
                }
            }
            for (int l = 1; l <= net.depth(); l++) {
                double d1 = Math.abs(ratio[0][l] - 1), d2 = Math.abs(ratio[1][l] - 1);
                sb.append(String.format("%n  l=%d: r(1) = %.8f, r(1/10) = %.8f, |r-1| shrinks %.3fx; gap %.2e -> %.2e (%.3fx)",
                        l, ratio[0][l], ratio[1][l], d1 / d2, gap[0][l], gap[1][l], gap[0][l] / gap[1][l]));
            }
            System.out.printf("%s, loss decay per block %.3e (total %.3e, loss %.4f):%s%n", net, fs.totalLossDecay() / net.blocks(),
                    fs.totalLossDecay(), fs.loss(), sb);
            for (int l = 1; l <= net.depth(); l++) {
                double d1 = Math.abs(ratio[0][l] - 1), d2 = Math.abs(ratio[1][l] - 1);
                if (l == 1) {
                    assertTrue(d1 < 1e-10 && d2 < 1e-10, net + " layer 1 is linear in W_1 (rounding of h(theta + s dtheta) - h(theta) only): " + d1 + ", " + d2);
                    continue;
                }
                assertTrue(d1 > 1e-6 && d1 < 1e-2, net + " layer " + l + ": |r - 1| = " + d1 + " at s = 1 (second order visible, small)");
                assertTrue(d1 / d2 > 9 && d1 / d2 < 11, net + " layer " + l + ": |r - 1| shrinks " + d1 / d2 + " times");
                assertTrue(gap[0][l] / gap[1][l] > 9 && gap[0][l] / gap[1][l] < 11, net + " layer " + l + ": gap shrinks " + gap[0][l] / gap[1][l]);
            }
        }
    }

    /** The metric vector: the documented names in order, and values that are the accessors'. */
    @Test
    void metricsNameEveryLayer() {
        Mlp net = NETS[1];
        double[] theta = net.initialTheta(51, 0);
        Batch batch = Batch.gaussian(52, 0, 5, net.dIn(), net.dOut());
        double[] eta = unevenStepSizes(net);
        FeatureSpeed fs = FeatureSpeed.measure(net, theta, batch, eta);
        Map<String, Double> m = FeatureSpeed.metrics(net, theta, batch, eta);
        List<String> names = FeatureSpeed.metricNames(net.depth());
        assertEquals(names, List.copyOf(m.keySet()));
        assertEquals(2 + 5 * net.depth(), names.size());
        assertEquals(net.loss(theta, batch), m.get("loss"), 0.0);
        for (int l = 1; l <= net.depth(); l++) {
            assertEquals(fs.cosTheta(l), m.get("cosTheta_" + l), 0.0);
            assertEquals(Math.sqrt(Dense.dot(fs.deltaH(l), fs.deltaH(l))), m.get("deltaH_" + l), 1e-15 * m.get("deltaH_" + l));
            assertEquals(fs.bNorm(l), m.get("b_" + l), 0.0);
            double decay = 0;
            for (int k = 1; k <= l; k++) decay += eta[k - 1] * fs.gradSq(k);
            assertEquals(decay, m.get("lossDecay_" + l), 1e-15 * decay);
        }
        assertEquals(fs.lossDecay(net.depth()) + eta[net.depth()] * fs.gradSq(net.blocks()), m.get("lossDecay"), 1e-15);
    }

    static double[] shift(double[] theta, double[] v, double t) {
        double[] out = theta.clone();
        for (int i = 0; i < out.length; i++) out[i] += t * v[i];
        return out;
    }
}
