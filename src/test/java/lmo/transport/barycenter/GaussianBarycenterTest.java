package lmo.transport.barycenter;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The closed forms of shared/papers/transport.md §2.5 (cost 1/2 |x - y|^2), against the digest's reference values and independent formulas. */
class GaussianBarycenterTest {
    private static final double[] SIGMA2 = {0.25, 1, 4};      // sigma = (0.5, 1, 2)
    private static final double[] W = {0.2, 0.5, 0.3};

    @Test
    void entropicCostBetweenGaussiansMatchesTheDigestsReferenceValues() {
        assertEquals(0.93628596, GaussianEot.cost(0, 1, 1, 0.25, 0.5), 1e-8);
        assertEquals(0.64093964, GaussianEot.cost(0.3, 0.5, -0.2, 2, 0.2), 1e-8);
    }

    @Test
    void entropicCostTendsToHalfTheSquaredWassersteinDistance() {
        double halfW2 = 0.5 * (0.3 + 0.2) * (0.3 + 0.2) + 0.5 * Math.pow(Math.sqrt(0.5) - Math.sqrt(2), 2);
        assertEquals(halfW2, GaussianEot.cost(0.3, 0.5, -0.2, 2, 1e-9), 1e-7);
    }

    @Test
    void barycenterVarianceMatchesTheDigestsReferenceValues() {
        double[][] cases = {{1, 0.5, 0.25, 1.059016994375}, {2, 0.3, 0.05, 1.806917857361}, {0.5, 0.1, 0, 0.4}};
        for (double[] c : cases) {
            assertEquals(c[3], GaussianBarycenter.variance(new double[] {c[0], c[0]}, new double[] {0.5, 0.5}, c[1], c[2]), 1e-12);
            assertEquals(c[3], GaussianBarycenter.varianceEqualSigma(c[0], c[1], c[2]), 1e-12);
        }
    }

    @Test
    void equalSigmaSpecialCases() {
        double sigma2 = 1.7, lambda = 0.3;
        double[] one = {1};
        assertEquals(sigma2 - lambda, GaussianBarycenter.variance(new double[] {sigma2}, one, lambda, 0), 1e-13, "tau = 0 shrinks by lambda");
        assertEquals(sigma2 + lambda, GaussianBarycenter.variance(new double[] {sigma2}, one, lambda, lambda), 1e-13, "tau = lambda blurs by lambda");
        assertEquals((sigma2 + Math.sqrt(sigma2 * sigma2 + lambda * lambda)) / 2,
                GaussianBarycenter.variance(new double[] {sigma2}, one, lambda, lambda / 2), 1e-13, "tau = lambda/2");
        assertEquals(sigma2, GaussianBarycenter.variance(new double[] {sigma2, sigma2}, new double[] {0.4, 0.6}, 0, 0), 1e-13,
                "equal inputs: the barycenter is the input");
    }

    @Test
    void vanishingRegularisationGivesTheWassersteinBarycenter() {
        assertEquals(1.44, GaussianBarycenter.wassersteinVariance(SIGMA2, W), 1e-14);
        assertEquals(1.44, GaussianBarycenter.variance(SIGMA2, W, 1e-12, 1e-12), 1e-10);
    }

    @Test
    void firstOrderBiasIsTwoTauMinusLambda() {
        double lambda = 1e-6;
        for (double ratio : new double[] {0, 0.25, 1, 2}) {
            double bias = GaussianBarycenter.variance(SIGMA2, W, lambda, ratio * lambda) - 1.44;
            assertEquals(2 * ratio - 1, bias / lambda, 1e-4, "tau/lambda = " + ratio);
        }
    }

    @Test
    void debiasedBarycenterIsOffBySecondOrder() {
        // lambda^2 / (4 S) sum_k w_k / sigma_k, S = sum_k w_k sigma_k = 1.2: 2.1875e-5 at lambda = 0.01
        double lambda = 0.01;
        double bias = GaussianBarycenter.variance(SIGMA2, W, lambda, lambda / 2) - 1.44;
        assertEquals(2.1875e-5, bias, 2.1875e-5 * 1e-3);
        double half = GaussianBarycenter.variance(SIGMA2, W, lambda / 2, lambda / 4) - 1.44;
        assertEquals(4, bias / half, 1e-3, "halving lambda divides the bias by 4");
    }

    @Test
    void tooStrongInnerRegularisationWithoutEntropyCollapsesToADirac() {
        double meanSigma2 = 0.2 * 0.25 + 0.5 + 0.3 * 4;
        assertEquals(0, GaussianBarycenter.variance(SIGMA2, W, meanSigma2, 0));
        assertTrue(GaussianBarycenter.variance(SIGMA2, W, 0.99 * meanSigma2, 0) > 0);
    }

    @Test
    void varianceMinimisesTheObjectiveBuiltFromTheEntropicCost() {
        // F(v) = sum_k w_k T_lambda(N(0, v), N(0, sigma_k^2)) - (tau/2) log(2 pi e v), per coordinate; golden section
        double lambda = 0.4, tau = 0.15;
        double lo = 0.1, hi = 5, phi = (Math.sqrt(5) - 1) / 2;
        while (hi - lo > 1e-9) {
            double a = hi - phi * (hi - lo), b = lo + phi * (hi - lo);
            if (objective(a, lambda, tau) < objective(b, lambda, tau)) hi = b; else lo = a;
        }
        assertEquals((lo + hi) / 2, GaussianBarycenter.variance(SIGMA2, W, lambda, tau), 1e-7);
    }

    private static double objective(double v, double lambda, double tau) {
        double f = -0.5 * tau * Math.log(2 * Math.PI * Math.E * v);
        for (int k = 0; k < W.length; k++) f += W[k] * GaussianEot.cost(0, v, 0, SIGMA2[k], lambda);
        return f;
    }

    @Test
    void gibbsStationarity() {
        // mu ∝ exp(-sum_k w_k phi_k / tau) with grad phi_k(x) = x - E[Y|X=x]: tau / s^2 = 1 - sum_k w_k rho_k sigma_k / s
        double lambda = 0.7, tau = 0.2;
        double v = GaussianBarycenter.variance(SIGMA2, W, lambda, tau), s = Math.sqrt(v);
        double slope = 0;
        for (int k = 0; k < W.length; k++) slope += W[k] * GaussianEot.mapSlope(v, SIGMA2[k], lambda);
        assertEquals(tau / v, 1 - slope, 1e-13);
        assertEquals(GaussianEot.correlation(v, SIGMA2[0], lambda) * Math.sqrt(SIGMA2[0]) / s, GaussianEot.mapSlope(v, SIGMA2[0], lambda), 1e-15);
    }

    @Test
    void meanIsTheWeightedMeanOfTheMeans() {
        double[] m = GaussianBarycenter.mean(new double[][] {{-1, 0}, {2, 1}, {4, 3}}, W);
        assertArrayEquals(new double[] {-0.2 + 1 + 1.2, 0.5 + 0.9}, m, 1e-15);
    }
}
