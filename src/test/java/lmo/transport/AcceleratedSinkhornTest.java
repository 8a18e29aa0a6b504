package lmo.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Over-relaxed Sinkhorn ({@link Overrelaxation}, {@link OmegaSchedule}) solves the same entropic problem as plain
 * Sinkhorn in fewer iterations, and its safe factor never lets it diverge: on W1 (n = 1000) it reaches the plain
 * solve's potentials and cost and POT's cost; on a stress set (epsilon 1e-1 to 1e-4 on the normalised cost, unbalanced
 * sizes, d = 1, 2, 3, duplicated points) the dual rises at every iteration and both marginal errors reach 1e-9.
 */
class AcceleratedSinkhornTest {

    static TransportProblem w1(int n) {
        double[] x = PotW1Test.kronecker(n, PotW1Test.A1, PotW1Test.A2);
        double[] y = PotW1Test.kronecker(n, PotW1Test.B1, PotW1Test.B2);
        for (int j = 0; j < n; j++) {
            y[2 * j] = 0.5 * y[2 * j] + 0.5;
            y[2 * j + 1] = 0.5 * y[2 * j + 1] + 0.25;
        }
        return TransportProblem.uniform(Cost.of(y, n, x, n, 2, Cost.Kind.SQEUCLIDEAN, Cost.Normalize.MAX));
    }

    /** max_k |(a_k - b_k) - mean(a - b)|: equality up to the additive constant of the potentials. */
    static double upToConstant(double[] a, double[] b) {
        double mean = 0;
        for (int k = 0; k < a.length; k++) mean += (a[k] - b[k]) / a.length;
        double worst = 0;
        for (int k = 0; k < a.length; k++) worst = Math.max(worst, Math.abs(a[k] - b[k] - mean));
        return worst;
    }

    @Test
    void onW1TheAcceleratedSolveReachesThePlainSolvesPotentialsAndCostInAThirdOfTheIterations() throws IOException {
        TransportProblem pr = w1(1000);
        InverseTemperature beta = InverseTemperature.constant(100);
        OnlineSinkhorn.Options plain = new OnlineSinkhorn.Options(beta, 2000, 1e-6, 64);
        SinkhornResult p6 = OnlineSinkhorn.solve(pr, plain);
        SinkhornResult a6 = OnlineSinkhorn.solve(pr, plain.withOmega(Double.NaN));
        System.out.printf("W1 n=1000 to 1e-6: plain %d iterations, accelerated %d%n", p6.iterations(), a6.iterations());
        assertTrue(p6.converged() && a6.converged());
        assertTrue(a6.iterations() * 3 <= p6.iterations(), a6.iterations() + " against " + p6.iterations());

        // to the rounding floor: fixed counts well past convergence (the plain rate is 0.857 per iteration)
        SinkhornResult p = OnlineSinkhorn.solve(pr, OnlineSinkhorn.Options.fixed(beta, 400));
        SinkhornResult a = OnlineSinkhorn.solve(pr, OnlineSinkhorn.Options.fixed(beta, 150).withOmega(Double.NaN));
        double du = upToConstant(a.u(), p.u()) / 100, dv = upToConstant(a.v(), p.v()) / 100;  // f = u / beta
        double dc = Math.abs(a.last().cost() - p.last().cost());
        System.out.printf("potentials f = u / beta: %.2e, g: %.2e, cost %.2e (errors %.1e %.1e)%n", du, dv, dc,
                a.last().marginalError(), a.last().secondMarginalError());
        assertTrue(du <= 1e-12 && dv <= 1e-12, "potentials " + du + " " + dv);
        assertEquals(p.last().cost(), a.last().cost(), 1e-12, "cost");

        Properties ref = PotW1Test.reference();
        double pot = Double.parseDouble(ref.getProperty("cost_normalized"));
        assertEquals(pot, a.last().cost(), 1e-8 * pot, "POT's ot.sinkhorn cost after 200 iterations");
    }

    /** n x d points with some repeated exactly (every fifth is a copy of an earlier one). */
    static double[] cloud(SplittableRandom r, int n, int d) {
        double[] x = new double[n * d];
        for (int i = 0; i < n; i++) {
            int from = i % 5 == 4 ? r.nextInt(i) : -1;
            for (int k = 0; k < d; k++) x[i * d + k] = from >= 0 ? x[from * d + k] : r.nextDouble();
        }
        return x;
    }

    @Test
    void onTheStressSetTheDualRisesAtEveryIterationAndBothMarginalsConverge() {
        SplittableRandom r = new SplittableRandom(17);
        int[][] shapes = {{60, 60}, {40, 130}, {150, 35}};
        double[] epsilons = {1e-1, 1e-2, 1e-3, 1e-4};
        for (int d = 1; d <= 3; d++) {
            for (int[] nm : shapes) {
                int n = nm[0], m = nm[1];
                TransportProblem pr = TransportProblem.of(Cost.of(cloud(r, n, d), n, cloud(r, m, d), m, d,
                        Cost.Kind.SQEUCLIDEAN, Cost.Normalize.MAX), OnlineSinkhornTest.weights(r, n),
                        OnlineSinkhornTest.weights(r, m));
                for (double eps : epsilons) {
                    String at = "d " + d + " n " + n + " m " + m + " eps " + eps;
                    SinkhornResult res = OnlineSinkhorn.solve(pr, new OnlineSinkhorn.Options(
                            InverseTemperature.constant(1 / eps), 20000, 1e-9, 16, Double.NaN));
                    assertTrue(res.converged(), at + ": " + res.last());
                    assertTrue(res.last().worstMarginalError() <= 1e-9, at);
                    List<PlanMetrics> h = res.history();
                    for (int t = 1; t < h.size(); t++) {
                        double before = h.get(t - 1).dual(), after = h.get(t).dual();
                        assertTrue(after >= before - 1e-12 * Math.max(1, Math.abs(before)),
                                at + ": the dual fell at iteration " + (t + 1) + ": " + before + " -> " + after);
                    }
                }
            }
        }
    }

    @Test
    void aFixedFactorOutOfRangeIsRefused() {
        InverseTemperature b = InverseTemperature.constant(10);
        for (double w : new double[] {0.5, 2.0, Double.POSITIVE_INFINITY}) {
            try {
                new OnlineSinkhorn.Options(b, 10, Double.NaN, 8, w);
                throw new AssertionError("omega " + w + " accepted");
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage().contains("omega"), expected.getMessage());
            }
        }
    }
}
