package lmo.transport.barycenter;

import lmo.transport.NonFiniteException;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The grid solver (damped Sinkhorn, Algorithm 1 of arXiv 2307.13370) against the closed form of
 * {@link GaussianBarycenter}. Grid in d = 1: 801 points on [-9, 11] (h = 0.025), at least 7 standard deviations
 * beyond every input, with h well below every input's sd (>= 0.5) and the kernel's sqrt(lambda) (>= 0.22), so the
 * sampled Gaussians and Gibbs densities have their continuous moments to far below 1e-5.
 */
@Tag("slow")
class GridBarycenterTest {
    private static final double[] MEANS = {-1, 2, 4};
    private static final double[] SIGMA2 = {0.25, 2.25, 1};   // sd 0.5, 1.5, 1.0
    private static final double[] W = {0.2, 0.5, 0.3};
    private static final TensorGrid LINE = TensorGrid.line(-9, 11, 801);

    private static double[][] gaussianInputs(TensorGrid grid) {
        double[][] lb = new double[3][];
        for (int k = 0; k < 3; k++) {
            double[] m = new double[grid.dim()];
            java.util.Arrays.fill(m, MEANS[k]);
            lb[k] = grid.logGaussian(m, SIGMA2[k]);
        }
        return lb;
    }

    @Test
    void varianceAndMeanMatchTheClosedFormInOneDimension() {
        double[][] cases = {{0.2, 0.1}, {0.2, 0.2}, {0.5, 0.05}};
        for (double[] c : cases) {
            double lambda = c[0], tau = c[1];
            GridBarycenter.Result r = new GridBarycenter(LINE, gaussianInputs(LINE), W, lambda, tau)
                    .tolerance(1e-9).maxIterations(1000).solve();
            assertTrue(r.converged(), "converged, (lambda, tau) = " + lambda + ", " + tau);
            double s2 = GaussianBarycenter.variance(SIGMA2, W, lambda, tau);
            double mean = GaussianBarycenter.mean(new double[][] {{-1}, {2}, {4}}, W)[0];
            assertEquals(s2, r.variance()[0], 1e-5 * s2, "variance, (lambda, tau) = " + lambda + ", " + tau);
            assertEquals(mean, r.mean()[0], 1e-5 * mean, "mean, (lambda, tau) = " + lambda + ", " + tau);
            System.out.printf("grid d=1 lambda=%g tau=%g: iterations %d, variance %.10f, closed form %.10f, rel.err %.2e%n",
                    lambda, tau, r.iterations(), r.variance()[0], s2, Math.abs(r.variance()[0] / s2 - 1));
        }
    }

    @Test
    void dampingMinOneTauOverLambdaMakesTauBelowLambdaOverTwoConverge() {
        double lambda = 0.2, tau = lambda / 4;
        GridBarycenter damped = new GridBarycenter(LINE, gaussianInputs(LINE), W, lambda, tau);
        assertEquals(0.25, damped.damping(), 0, "eta = min(1, tau/lambda)");
        GridBarycenter.Result r = damped.tolerance(1e-9).maxIterations(1000).solve();
        assertTrue(r.converged(), "damped converges, final error " + r.finalMarginalError());
        double s2 = GaussianBarycenter.variance(SIGMA2, W, lambda, tau);
        assertEquals(s2, r.variance()[0], 1e-5 * s2);
        System.out.printf("grid tau = lambda/4, damping 1/4: %d iterations to 1e-9%n", r.iterations());

        double undampedError;
        try {
            undampedError = new GridBarycenter(LINE, gaussianInputs(LINE), W, lambda, tau).damping(1).maxIterations(150).solve()
                    .finalMarginalError();
        } catch (NonFiniteException e) {
            undampedError = Double.POSITIVE_INFINITY;
        }
        System.out.printf("grid tau = lambda/4, undamped: marginal error %.3e after 150 iterations (damped: %.3e)%n",
                undampedError, r.marginalErrors()[149][1]);
        assertTrue(undampedError > 1e-2, "undamped does not converge: " + undampedError);
    }

    @Test
    void halfLambdaIsDebiasedOnTheGrid() {
        // variance error against the Wasserstein barycenter's (sum_k w_k sigma_k)^2 = 1.3225, lambda = 0.2 and 0.1
        double s2w = GaussianBarycenter.wassersteinVariance(SIGMA2, W);
        double[][] err = new double[2][2];
        for (int c = 0; c < 2; c++)
            for (int h = 0; h < 2; h++) {
                double lambda = 0.2 / (1 << h), tau = c == 0 ? lambda / 2 : lambda;
                GridBarycenter.Result r = new GridBarycenter(LINE, gaussianInputs(LINE), W, lambda, tau).tolerance(1e-7).maxIterations(2000).solve();
                assertTrue(r.converged());
                err[c][h] = r.variance()[0] - s2w;
            }
        double debiased = err[0][0] / err[0][1], classical = err[1][0] / err[1][1];
        System.out.printf("grid error ratio when lambda halves (0.2 -> 0.1): tau = lambda/2 %.4f (errors %.3e, %.3e), tau = lambda %.4f (errors %.3e, %.3e)%n",
                debiased, err[0][0], err[0][1], classical, err[1][0], err[1][1]);
        assertEquals(4, debiased, 0.4, "tau = lambda/2: O(lambda^2)");
        assertEquals(2, classical, 0.1, "tau = lambda: O(lambda)");
    }

    @Test
    void twoDimensionalGridFactorisesPerCoordinate() {
        // 121 x 121 points on [-7, 9]^2 (h = 0.133): coarser, so 1e-4 relative
        TensorGrid square = new TensorGrid(new double[] {-7, -7}, new double[] {9, 9}, new int[] {121, 121});
        double lambda = 0.5, tau = 0.25;
        GridBarycenter.Result r = new GridBarycenter(square, gaussianInputs(square), W, lambda, tau).tolerance(1e-8).solve();
        assertTrue(r.converged());
        double s2 = GaussianBarycenter.variance(SIGMA2, W, lambda, tau);
        for (int a = 0; a < 2; a++) {
            assertEquals(s2, r.variance()[a], 1e-4 * s2, "variance, axis " + a);
            assertEquals(2.0, r.mean()[a], 1e-4, "mean, axis " + a);
        }
        double total = 0;
        for (double p : r.weights()) total += p;
        assertEquals(1, total, 1e-12);
    }

    @Test
    void aNonFiniteValueStopsTheSolveNamingIterationAndIndex() {
        NonFiniteException e = assertThrows(NonFiniteException.class,
                () -> new GridBarycenter(LINE, gaussianInputs(LINE), W, 0.2, 1e-310).maxIterations(5).solve());
        assertEquals(0, e.iteration());
        assertTrue(e.getMessage().contains("iteration 0") && e.getMessage().contains("index"), e.getMessage());
    }
}
