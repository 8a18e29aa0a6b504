package lmo.deep.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The backward pass is the gradient of {@code L = (1/(2n)) sum_i ||f(x_i) - y_i||^2}: every entry of
 * {@code dL/dtheta} against a central difference, for the plain MLP and the ResNet; and the documented initialisation.
 */
class GradientTest {
    static final double H = 1e-5;

    /**
     * Within one linear region of the ReLUs, L restricted to one coordinate of theta is a quadratic (the network is
     * linear in each single weight), so the central difference is exact up to rounding, about {@code 1e-16 L / H}.
     * Coordinates whose {@code +-H} perturbation flips a ReLU are skipped (and counted: they must be rare).
     */
    static void checkEveryEntry(Mlp net, long seed) {
        double[] theta = net.initialTheta(seed, 0);
        Batch batch = Batch.gaussian(seed + 1, 0, 7, net.dIn(), net.dOut());
        Mlp.Backward back = net.backward(theta, batch);
        double[] g = back.gradient();
        assertEquals(net.loss(theta, batch), back.loss(), 0.0);
        boolean[] base = Kinks.pattern(net, net.forward(theta, batch));
        double gMax = 0;
        for (double v : g) gMax = Math.max(gMax, Math.abs(v));
        double worst = 0;
        int skipped = 0;
        double errSq = 0, gSq = 0;
        for (int i = 0; i < theta.length; i++) {
            double[] e = new double[theta.length];
            e[i] = 1;
            if (Kinks.crosses(net, base, theta, e, H, batch) || Kinks.crosses(net, base, theta, e, -H, batch)) {
                skipped++;
                continue;
            }
            double keep = theta[i];
            theta[i] = keep + H;
            double up = net.loss(theta, batch);
            theta[i] = keep - H;
            double down = net.loss(theta, batch);
            theta[i] = keep;
            double fd = (up - down) / (2 * H);
            worst = Math.max(worst, Math.abs(fd - g[i]) / gMax);
            errSq += (fd - g[i]) * (fd - g[i]);
            gSq += g[i] * g[i];
        }
        double rel = Math.sqrt(errSq / gSq);
        System.out.printf("%s: %d entries, %d skipped at kinks, worst |fd - g| / max|g| = %.2e, ||fd - g|| / ||g|| = %.2e%n",
                net, theta.length, skipped, worst, rel);
        assertTrue(worst < 1e-6, net + ": worst entry error " + worst);
        assertTrue(rel < 1e-6, net + ": relative error " + rel);
        assertTrue(skipped <= theta.length / 100, net + ": " + skipped + " entries at kinks");
        assertTrue(gMax > 1e-3, "a non-trivial gradient");
    }

    @Test
    void plainGradientMatchesCentralDifferences() {
        checkEveryEntry(Mlp.plain(5, 12, 4, 3), 7);
    }

    @Test
    void residualGradientMatchesCentralDifferences() {
        checkEveryEntry(Mlp.residual(5, 12, 4, 3), 7);            // beta = 1/2
        checkEveryEntry(Mlp.residual(5, 12, 4, 3, 1.3), 8);       // a branch scale that is not 1/sqrt(depth)
    }

    /** Along a random direction through all blocks at once: d/dt L(theta + t v) = &lt;grad L, v&gt;. */
    @Test
    void directionalDerivativeMatches() {
        for (Mlp net : new Mlp[] {Mlp.plain(6, 20, 6, 2), Mlp.residual(6, 20, 6, 2)}) {
            double[] theta = net.initialTheta(3, 0);
            Batch batch = Batch.gaussian(4, 0, 9, 6, 2);
            double[] v = new double[theta.length];
            lmo.rng.CounterRng.gaussians(5, 0, 0, 0, 99, v, 0, v.length);
            double t = 1e-6;
            assertTrue(!Kinks.crosses(net, Kinks.pattern(net, net.forward(theta, batch)), theta, v, t, batch)
                    && !Kinks.crosses(net, Kinks.pattern(net, net.forward(theta, batch)), theta, v, -t, batch), "no kink");
            double[] up = theta.clone(), down = theta.clone();
            for (int i = 0; i < v.length; i++) {
                up[i] += t * v[i];
                down[i] -= t * v[i];
            }
            double fd = (net.loss(up, batch) - net.loss(down, batch)) / (2 * t);
            double exact = Dense.dot(net.backward(theta, batch).gradient(), v);
            System.out.printf("%s: directional derivative %.12e, central difference %.12e%n", net, exact, fd);
            assertEquals(exact, fd, 1e-6 * Math.abs(exact));
        }
    }

    /** Block k has empirical variance sigma_k^2 (2/fan-in He, 1/dIn embedding, 1/width readout) within 4 standard errors. */
    @Test
    void initialisationHasTheDocumentedVariances() {
        for (Mlp net : new Mlp[] {Mlp.plain(10, 64, 3, 4), Mlp.residual(10, 64, 3, 4)}) {
            double[] theta = net.initialTheta(11, 2);
            assertTrue(java.util.Arrays.equals(theta, net.initialTheta(11, 2)), "reproducible");
            assertTrue(!java.util.Arrays.equals(theta, net.initialTheta(12, 2)), "seeded");
            for (int k = 1; k <= net.blocks(); k++) {
                int len = net.size(k);
                double s2 = Dense.squaredNorm(theta, net.offset(k), len) / len;
                double expected = net.architecture() == Mlp.Architecture.PLAIN
                        ? (k <= net.depth() ? 2.0 / net.cols(k) : 1.0 / net.width())
                        : (k == 1 ? 1.0 / net.dIn() : k <= net.depth() ? 2.0 / net.width() : 1.0 / net.width());
                double se = expected * Math.sqrt(2.0 / len);
                assertEquals(expected, s2, 4 * se, net + " block " + k);
            }
        }
        Mlp net = Mlp.plain(3, 5, 2, 1);
        assertEquals(15 + 25 + 5, net.parameterCount());
        assertEquals(15, net.offset(2));
        assertEquals(40, net.offset(3));
    }
}
