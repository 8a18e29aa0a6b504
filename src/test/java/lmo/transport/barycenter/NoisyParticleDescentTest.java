package lmo.transport.barycenter;

import lmo.transport.NonFiniteException;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import lmo.rng.CounterRng;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Noisy particle gradient descent against the closed form of {@link GaussianBarycenter} (cost 1/2 |x - y|^2).
 * Inputs: three Gaussians N(m_k, sigma_k^2 I_2), m = (-1, 2), (2, 1), (4, 3), sigma = (0.5, 1.5, 1), w = (0.2, 0.5, 0.3),
 * each as a weighted lattice of q x q points over +-5 sigma_k ({@link PointCloud#gaussianLattice}), so that the only
 * errors left are the particles' (O(1/sqrt N) noise) and the time step's. The Euler chain with step eta maps a
 * Gaussian N(m, v) to N(m', (1 - eta a(v))^2 v + 2 eta tau) with a(v) = 1 - sum_k w_k rho_k sigma_k / sqrt(v) (the
 * entropic maps are affine), so its stationary variance v_eta is computed here from the EOT closed form: it differs
 * from the barycenter's s^2 by about eta tau^2 / s^2.
 */
@Tag("slow")
class NoisyParticleDescentTest {
    private static final double[][] MEANS = {{-1, 2}, {2, 1}, {4, 3}};
    private static final double[] SIGMA2 = {0.25, 2.25, 1};
    private static final double[] W = {0.2, 0.5, 0.3};

    private static List<PointCloud> lattices(int q) {
        List<PointCloud> in = new ArrayList<>();
        for (int k = 0; k < 3; k++) in.add(PointCloud.gaussianLattice(MEANS[k], SIGMA2[k], q, 5));
        return in;
    }

    /** N standard Gaussian points in R^2 (the start, away from the barycenter's mean (2, 1.8)). */
    private static double[] start(int n) {
        double[] x0 = new double[2 * n];
        for (int i = 0; i < n; i++) CounterRng.gaussians(7, 0, i, 0, CounterRng.STREAM_INIT, x0, 2 * i, 2);
        return x0;
    }

    /** The stationary variance of the Gaussian mean-field Euler chain: v = (1 - eta a(v))^2 v + 2 eta tau, by bisection. */
    static double eulerChainVariance(double lambda, double tau, double eta) {
        double lo = 1e-6, hi = 100;
        for (int it = 0; it < 200; it++) {
            double v = (lo + hi) / 2, slope = 0;
            for (int k = 0; k < 3; k++) slope += W[k] * GaussianEot.mapSlope(v, SIGMA2[k], lambda);
            double next = (1 - eta * (1 - slope)) * (1 - eta * (1 - slope)) * v + 2 * eta * tau;
            if (next > v) lo = v; else hi = v;
        }
        return (lo + hi) / 2;
    }

    /** Runs burn-in then averages mean and variance (both coordinates) over the last steps: {mean_0, mean_1, variance}. */
    private static double[] averaged(NoisyParticleDescent npgd, int burnIn, int steps) {
        npgd.run(burnIn);
        double[] acc = new double[3];
        for (int t = 0; t < steps; t++) {
            npgd.step();
            double[] m = npgd.mean(), v = npgd.variances();
            acc[0] += m[0] / steps;
            acc[1] += m[1] / steps;
            acc[2] += (v[0] + v[1]) / 2 / steps;
        }
        return acc;
    }

    @Test
    void fourThousandParticlesInTwoDimensionsReachTheClosedFormWithinThreePercent() {
        double lambda = 0.5, tau = 0.25, eta = 0.5;
        long t0 = System.nanoTime();
        NoisyParticleDescent npgd = new NoisyParticleDescent(2, start(4000), lattices(21), W,
                new NoisyParticleDescent.Settings(lambda, tau, eta, 1, 42), 256);
        double[] r = averaged(npgd, 20, 30);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double[] mean = GaussianBarycenter.mean(MEANS, W);
        double s2 = GaussianBarycenter.variance(SIGMA2, W, lambda, tau), vEta = eulerChainVariance(lambda, tau, eta);
        System.out.printf("NPGD N=4000 d=2 lambda=%g tau=%g eta=%g: mean (%.4f, %.4f) vs (%.4f, %.4f); variance %.5f, closed form %.5f "
                        + "(rel. %.4f), Euler chain %.5f (rel. %.4f); marginal errors %s; %.1f s%n",
                lambda, tau, eta, r[0], r[1], mean[0], mean[1], r[2], s2, r[2] / s2 - 1, vEta, r[2] / vEta - 1,
                java.util.Arrays.toString(npgd.marginalErrors()), seconds);
        assertEquals(mean[0], r[0], 0.03 * Math.abs(mean[0]));
        assertEquals(mean[1], r[1], 0.03 * Math.abs(mean[1]));
        assertEquals(s2, r[2], 0.03 * s2);
        assertEquals(vEta, r[2], 0.01 * vEta, "the chain's own stationary variance, to the particles' noise");
        double[] cov = npgd.covariance();
        assertEquals(0, cov[1] / s2, 0.05, "isotropic: no correlation between the coordinates");
    }

    @Test
    void halfLambdaOuterStrengthIsDebiased() {
        // error of the particle variance against the Wasserstein barycenter's S^2 = 1.3225, for lambda and lambda/2
        double eta = 0.5, bigLambda = 1.6;
        double s2w = GaussianBarycenter.wassersteinVariance(SIGMA2, W);
        double[][] err = new double[2][2];   // [tau = lambda/2 or lambda][lambda or lambda/2]
        for (int c = 0; c < 2; c++) {
            for (int h = 0; h < 2; h++) {
                double lambda = bigLambda / (1 << h), tau = c == 0 ? lambda / 2 : lambda;
                NoisyParticleDescent npgd = new NoisyParticleDescent(2, start(1000), lattices(15), W,
                        new NoisyParticleDescent.Settings(lambda, tau, eta, 1, 5), 128);
                double v = averaged(npgd, 20, 100)[2];
                double vEta = eulerChainVariance(lambda, tau, eta);
                assertEquals(vEta, v, 0.02 * vEta, "lambda " + lambda + ", tau " + tau);
                err[c][h] = v - s2w;
                System.out.printf("NPGD N=1000 lambda=%g tau=%g: variance %.5f, error vs W2 barycenter %.5f (closed form %.5f, Euler chain %.5f)%n",
                        lambda, tau, v, v - s2w, GaussianBarycenter.variance(SIGMA2, W, lambda, tau) - s2w, vEta - s2w);
            }
        }
        double debiased = err[0][0] / err[0][1], classical = err[1][0] / err[1][1];
        System.out.printf("NPGD error ratio when lambda halves: tau = lambda/2 %.3f, tau = lambda %.3f%n", debiased, classical);
        assertTrue(debiased > 2.8, "tau = lambda/2: O(lambda^2), ratio " + debiased);
        assertEquals(2, classical, 0.3, "tau = lambda: O(lambda)");
        assertTrue(err[0][1] < err[1][1] / 4, "tau = lambda/2 is visibly closer to the Wasserstein barycenter");
    }

    @Test
    void oneStepMatchesADenseReference() {
        // 37 particles, lattice inputs of 25 points, two Sinkhorn iterations; the reference holds the full matrices
        int n = 37, dim = 2, s = 2;
        double lambda = 0.3, tau = 0.2, eta = 0.4;
        List<PointCloud> in = lattices(5);
        double[] x = start(n);
        NoisyParticleDescent npgd = new NoisyParticleDescent(dim, x, in, W, new NoisyParticleDescent.Settings(lambda, tau, eta, s, 9), 8);
        npgd.step();
        double[] drift = new double[n * dim];
        for (int k = 0; k < 3; k++) {
            PointCloud p = in.get(k);
            int m = p.size();
            double[][] c = new double[n][m];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < m; j++) {
                    double dx = x[2 * i] - p.points()[2 * j], dy = x[2 * i + 1] - p.points()[2 * j + 1];
                    c[i][j] = 0.5 * (dx * dx + dy * dy);
                }
            double[] f = new double[n], g = new double[m];
            f = rowTransform(c, g, p.weights(), lambda);
            for (int it = 0; it < s; it++) {
                g = columnTransform(c, f, n, lambda);
                if (it + 1 < s) f = rowTransform(c, g, p.weights(), lambda);
            }
            for (int i = 0; i < n; i++) {
                double z = 0, ex = 0, ey = 0;
                for (int j = 0; j < m; j++) {
                    double e = Math.exp((g[j] - c[i][j]) / lambda) * p.weights()[j];
                    z += e;
                    ex += e * p.points()[2 * j];
                    ey += e * p.points()[2 * j + 1];
                }
                drift[2 * i] += W[k] * (x[2 * i] - ex / z);
                drift[2 * i + 1] += W[k] * (x[2 * i + 1] - ey / z);
            }
            assertArrayEquals(g, npgd.potential(k), 1e-11, "potential of input " + k);
        }
        double[] expected = new double[n * dim], xi = new double[dim];
        for (int i = 0; i < n; i++) {
            CounterRng.gaussians(9, 0, i, 0, NoisyParticleDescent.STREAM_NOISE, xi, 0, dim);
            for (int a = 0; a < dim; a++)
                expected[2 * i + a] = x[2 * i + a] - eta * drift[2 * i + a] + Math.sqrt(2 * eta * tau) * xi[a];
        }
        assertArrayEquals(expected, npgd.positions(), 1e-12);
    }

    private static double[] rowTransform(double[][] c, double[] g, double[] b, double lambda) {
        double[] f = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            double z = 0;
            for (int j = 0; j < g.length; j++) z += Math.exp((g[j] - c[i][j]) / lambda) * b[j];
            f[i] = -lambda * Math.log(z);
        }
        return f;
    }

    private static double[] columnTransform(double[][] c, double[] f, int n, double lambda) {
        double[] g = new double[c[0].length];
        for (int j = 0; j < g.length; j++) {
            double z = 0;
            for (int i = 0; i < n; i++) z += Math.exp((f[i] - c[i][j]) / lambda) / n;
            g[j] = -lambda * Math.log(z);
        }
        return g;
    }

    @Test
    void sameSeedSameBitsWhateverTheOrderOfTheBlocks() {
        int n = 300;
        NoisyParticleDescent.Settings settings = new NoisyParticleDescent.Settings(0.4, 0.2, 0.5, 2, 11);
        NoisyParticleDescent parallel = new NoisyParticleDescent(2, start(n), lattices(9), W, settings, 64).parallel(true);
        NoisyParticleDescent forward = new NoisyParticleDescent(2, start(n), lattices(9), W, settings, 64).parallel(false);
        NoisyParticleDescent reversed = new NoisyParticleDescent(2, start(n), lattices(9), W, settings, 64).blockOrder(new int[] {4, 3, 2, 1, 0});
        NoisyParticleDescent shuffled = new NoisyParticleDescent(2, start(n), lattices(9), W, settings, 64).blockOrder(new int[] {2, 0, 4, 1, 3});
        for (NoisyParticleDescent p : List.of(parallel, forward, reversed, shuffled)) p.run(5);
        for (NoisyParticleDescent p : List.of(forward, reversed, shuffled)) {
            assertArrayEquals(parallel.positions(), p.positions(), 0);
            for (int k = 0; k < 3; k++) assertArrayEquals(parallel.potential(k), p.potential(k), 0);
            assertArrayEquals(parallel.marginalErrors(), p.marginalErrors(), 0);
        }
        NoisyParticleDescent otherSeed = new NoisyParticleDescent(2, start(n), lattices(9), W,
                new NoisyParticleDescent.Settings(0.4, 0.2, 0.5, 2, 12), 64);
        otherSeed.run(5);
        assertFalse(java.util.Arrays.equals(parallel.positions(), otherSeed.positions()), "another seed, other noise");
    }

    @Test
    void sampledInputsAreMomentMatched() {
        PointCloud p = PointCloud.gaussianSample(new double[] {1, -2}, 2.25, 500, 3, 1);
        double[] m = new double[2], cov = new double[4];
        for (int j = 0; j < 500; j++) for (int a = 0; a < 2; a++) m[a] += p.points()[2 * j + a] / 500;
        for (int j = 0; j < 500; j++)
            for (int a = 0; a < 2; a++)
                for (int b = 0; b < 2; b++) cov[2 * a + b] += (p.points()[2 * j + a] - m[a]) * (p.points()[2 * j + b] - m[b]) / 500;
        assertArrayEquals(new double[] {1, -2}, m, 1e-12);
        assertArrayEquals(new double[] {2.25, 0, 0, 2.25}, cov, 1e-12);
    }

    @Test
    void aNonFiniteValueStopsTheRunNamingStepAndParticle() {
        double[] x0 = start(10);
        x0[7] = 1e300;
        NoisyParticleDescent npgd = new NoisyParticleDescent(2, x0, lattices(5), W, new NoisyParticleDescent.Settings(0.5, 0.1, 0.5, 1, 1), 4);
        NonFiniteException e = assertThrows(NonFiniteException.class, npgd::step);
        assertEquals(0, e.iteration());
        assertTrue(e.getMessage().contains("iteration 0"), e.getMessage());
    }
}
