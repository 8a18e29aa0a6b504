package lmo.deep.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Gradient descent and the paper's two numerical claims (Marion & Chizat, arXiv 2405.13456; |w*| = 1):
 * <ul>
 *   <li>from small Gaussian initialisation, with a step below the critical 1/(L a), GD converges to a global
 *   minimiser whose sharpness lies between the bound 2 L a and 4 kappa times it (the authors' upper line 8 L Lambda
 *   is 4 Lambda / a <= 4 kappa times the bound), and below the stability limit 2 / eta;</li>
 *   <li>from residual initialisation (scale 0.25), L = 5, 10, 20, GD at 0.7 / (L a) converges (excess loss
 *   {@code R - R(w*)} below 1e-12 after 1000 steps) and at 1.5 / (L a) fails: it diverges (loss not finite or
 *   above 1e6) or does not learn (excess loss above 1e-3 after 1000 steps).</li>
 * </ul>
 */
class GradientDescentTest {
    static final Regression DATA = Regression.paper(50, 5, 1.0, 0);

    @Test
    void divergenceIsDetectedAndReported() {
        DeepLinearNetwork net = DeepLinearNetwork.plain(3, 5);
        double[] theta0 = net.gaussianInit(1.0, 4);
        GradientDescent.Run run = GradientDescent.run(net, DATA, theta0, 5.0, 200);
        assertTrue(run.diverged());
        assertTrue(run.divergedAt() > 0 && run.divergedAt() < 200, "at step " + run.divergedAt());
        assertEquals(run.divergedAt() + 1, run.losses().length);
        double last = run.losses()[run.divergedAt()];
        assertTrue(!Double.isFinite(last) || last > GradientDescent.DEFAULT_DIVERGENCE_THRESHOLD);
        assertEquals(net.loss(theta0, DATA), run.losses()[0], 0.0);
        // one step by hand
        double[] g = new double[net.parameterCount()];
        net.gradient(theta0, DATA, g);
        GradientDescent.Run one = GradientDescent.run(net, DATA, theta0, 0.01, 1);
        for (int p = 0; p < g.length; p++) assertEquals(theta0[p] - 0.01 * g[p], one.theta()[p], 0.0);
        assertEquals(1, one.steps());
        assertFalse(one.diverged());
    }

    @Test
    void smallInitialisationEndsBetweenTheBoundAndFourKappaTimesIt() {
        int depth = 10;
        DeepLinearNetwork net = DeepLinearNetwork.plain(depth, 5);
        double bound = Sharpness.lowerBound(DATA, depth);
        double eta = 0.02;
        assertEquals(1.0, DATA.wStarNorm(), 1e-14);
        assertEquals(2 * depth * DATA.a(), bound, 1e-12);
        assertEquals(1 / (depth * DATA.a()), GradientDescent.criticalStep(DATA, depth), 1e-15);
        assertTrue(eta < GradientDescent.criticalStep(DATA, depth));
        assertEquals(4 * DATA.lambdaMax() / DATA.a(), Sharpness.upperLine(DATA, depth) / bound, 1e-12);
        System.out.printf("data: a = %.4f, Lambda = %.4f, kappa = %.3f, bound 2La = %.3f, 8 L Lambda = %.3f, "
            + "4 kappa bound = %.3f, critical step 1/(La) = %.4f, 2/eta = %.1f%n", DATA.a(), DATA.lambdaMax(), DATA.kappa(),
            bound, Sharpness.upperLine(DATA, depth), 4 * DATA.kappa() * bound, GradientDescent.criticalStep(DATA, depth), 2 / eta);
        long start = System.nanoTime();
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (double scale : new double[] {0.25, 0.35, 0.45}) {
            for (long seed = 1; seed <= 3; seed++) {
                double[] theta0 = net.gaussianInit(scale, seed);
                double s0 = Sharpness.of(net, theta0, DATA).value();
                GradientDescent.Run run = GradientDescent.run(net, DATA, theta0, eta, 4000);
                assertFalse(run.diverged());
                assertTrue(run.excessLoss() < 1e-12, "converged: excess loss " + run.excessLoss());
                double[] g = new double[net.parameterCount()];
                net.gradient(run.theta(), DATA, g);
                assertTrue(Dense.norm(g) < 1e-10, "|grad| = " + Dense.norm(g));
                Sharpness.Estimate s = Sharpness.of(net, run.theta(), DATA);
                assertTrue(s.converged());
                double ratio = s.value() / bound;
                System.out.printf("scale %.2f seed %d: sharpness at init %.3g, after %d steps %.3f = %.3f x bound%n",
                    scale, seed, s0, run.steps(), s.value(), ratio);
                assertTrue(s.value() >= bound * SharpnessTest.BOUND_SLACK, "above the bound");
                assertTrue(s.value() <= 4 * DATA.kappa() * bound, "below 4 kappa x bound");
                assertTrue(s.value() <= Sharpness.upperLine(DATA, depth), "below the authors' 8 L Lambda");
                assertTrue(s.value() <= 2 / eta * (1 + 1e-6), "stable for GD at this step");
                lo = Math.min(lo, ratio);
                hi = Math.max(hi, ratio);
            }
        }
        System.out.printf("final sharpness / bound in [%.3f, %.3f]; 9 runs of 4000 steps + sharpness: %.0f ms%n",
            lo, hi, (System.nanoTime() - start) / 1e6);
    }

    @Test
    void residualInitialisationLearnsBelowTheCriticalStepAndNotAbove() {
        for (int depth : new int[] {5, 10, 20}) {
            for (long seed = 0; seed < 4; seed++) {
                DeepLinearNetwork net = DeepLinearNetwork.residual(depth, 5, DeepLinearNetwork.randomReadout(5, seed));
                double critical = GradientDescent.criticalStep(net, DATA);
                assertEquals(1 / (depth * DATA.a()), critical, 1e-14, "unit read-out, |w*| = 1: 1/(L a)");
                double[] theta0 = net.residualInit(0.25, seed);

                GradientDescent.Run below = GradientDescent.run(net, DATA, theta0, 0.7 * critical, 1000);
                assertFalse(below.diverged());
                assertTrue(below.excessLoss() < 1e-12, "0.7/(La) learns: excess " + below.excessLoss());
                Sharpness.Estimate s = Sharpness.of(net, below.theta(), DATA);
                double bound = Sharpness.lowerBound(net, DATA);
                assertTrue(s.value() >= bound * SharpnessTest.BOUND_SLACK, "a minimiser GD reached obeys the bound");
                assertTrue(s.value() <= 2 / (0.7 * critical) * (1 + 1e-6));

                GradientDescent.Run above = GradientDescent.run(net, DATA, theta0, 1.5 * critical, 1000);
                boolean fails = above.diverged() || above.excessLoss() > 1e-3;
                System.out.printf("residual L = %2d seed %d: 0.7/(La): excess %.1e, sharpness %.3f = %.3f x bound; "
                    + "1.5/(La): %s, excess %.3g%n", depth, seed, below.excessLoss(), s.value(), s.value() / bound,
                    above.diverged() ? "diverged at step " + above.divergedAt() : "no divergence", above.excessLoss());
                assertTrue(fails, "1.5/(La) must not learn");
            }
        }
    }
}
