package lmo.deep.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The network's formulas: the layout of theta, f(x) = (W_L ... W_1 x) against explicit matrix products, the exact
 * gradient against central finite differences of the loss, and the exact Hessian-vector product against central
 * differences of the gradient (both to 1e-6 relative, in the 2-norm over all parameters), for the plain network
 * with Gaussian entries and the residual network with residual init, L = 4 and 10.
 */
class DeepLinearNetworkTest {

    static DeepLinearNetwork network(String kind, int depth, int d) {
        return kind.equals("plain") ? DeepLinearNetwork.plain(depth, d)
            : DeepLinearNetwork.residual(depth, d, DeepLinearNetwork.randomReadout(d, 5));
    }

    /** A generic (non-minimising) theta with an O(1) end-to-end vector. */
    static double[] randomTheta(DeepLinearNetwork net, long seed) {
        return net.kind() == DeepLinearNetwork.Kind.PLAIN
            ? net.gaussianInit(1.0 / Math.sqrt(net.d()), seed)
            : net.residualInit(1.0, seed);
    }

    static double relativeError(double[] exact, double[] approx) {
        double num = 0, den = 0;
        for (int p = 0; p < exact.length; p++) {
            num += (exact[p] - approx[p]) * (exact[p] - approx[p]);
            den += exact[p] * exact[p];
        }
        return Math.sqrt(num / den);
    }

    @Test
    void layoutAndEndToEndProductAreTheMatrixProduct() {
        int d = 3, depth = 4;
        Regression data = Regression.paper(20, d, 1.0, 3);
        for (String kind : new String[] {"plain", "residual"}) {
            DeepLinearNetwork net = network(kind, depth, d);
            double[] theta = randomTheta(net, 7);
            int rowsL = kind.equals("plain") ? 1 : d;
            assertEquals((depth - 1) * d * d + rowsL * d, net.parameterCount());
            assertEquals(rowsL, net.rows(depth));
            // explicit product M = W_L ... W_1 (rowsL x d), then the read-out
            double[] m = net.layer(theta, 1);
            for (int k = 2; k <= depth; k++) m = Dense.multiply(net.layer(theta, k), m, net.rows(k), d, d);
            double[] w = kind.equals("plain") ? m : Dense.multiply(net.readout(), m, 1, d, d);
            assertArrayEquals(w, net.endToEnd(theta), 1e-14);
            assertEquals(theta[net.offset(3) + 1 * d + 2], net.layer(theta, 3)[1 * d + 2], 0.0);
            // the loss is the mean squared error without 1/2
            double[] x = data.x(), y = data.y();
            double s = 0;
            for (int i = 0; i < data.n(); i++) {
                double f = 0;
                for (int p = 0; p < d; p++) f += w[p] * x[i * d + p];
                s += (y[i] - f) * (y[i] - f);
            }
            assertEquals(s / data.n(), net.loss(theta, data), 1e-14);
        }
        double[] r = DeepLinearNetwork.randomReadout(6, 9);
        assertEquals(1.0, Dense.norm(r), 1e-15);
    }

    @ParameterizedTest
    @CsvSource({"plain, 4", "plain, 10", "residual, 4", "residual, 10"})
    void gradientMatchesCentralDifferencesOfTheLoss(String kind, int depth) {
        int d = 5;
        Regression data = Regression.paper(50, d, 1.0, 1);
        DeepLinearNetwork net = network(kind, depth, d);
        double[] theta = randomTheta(net, 11 + depth);
        double[] grad = new double[net.parameterCount()];
        double loss = net.gradient(theta, data, grad);
        assertEquals(net.loss(theta, data), loss, 0.0);
        double[] fd = new double[grad.length];
        double h = 1e-5;
        for (int p = 0; p < theta.length; p++) {
            double[] tp = theta.clone(), tm = theta.clone();
            tp[p] += h;
            tm[p] -= h;
            fd[p] = (net.loss(tp, data) - net.loss(tm, data)) / (2 * h);
        }
        double err = relativeError(grad, fd);
        System.out.printf("gradient %s L=%d: |grad| = %.3e, relative error vs central differences %.2e%n",
            kind, depth, Dense.norm(grad), err);
        assertTrue(Dense.norm(grad) > 1e-3, "a non-trivial gradient");
        assertTrue(err < 1e-6, "relative error " + err);
    }

    @ParameterizedTest
    @CsvSource({"plain, 4", "plain, 10", "residual, 4", "residual, 10"})
    void hessianVectorProductMatchesCentralDifferencesOfTheGradient(String kind, int depth) {
        int d = 5;
        Regression data = Regression.paper(50, d, 1.0, 2);
        DeepLinearNetwork net = network(kind, depth, d);
        double[] theta = randomTheta(net, 21 + depth);
        int np = net.parameterCount();
        for (long dir = 0; dir < 3; dir++) {
            double[] v = new double[np];
            lmo.rng.CounterRng.gaussians(99, 0, dir, 0, 0, v, 0, np);
            double[] hv = new double[np];
            net.hessianVector(theta, v, data, hv);
            double h = 1e-5;
            double[] tp = theta.clone(), tm = theta.clone();
            for (int p = 0; p < np; p++) { tp[p] += h * v[p]; tm[p] -= h * v[p]; }
            double[] gp = new double[np], gm = new double[np], fd = new double[np];
            net.gradient(tp, data, gp);
            net.gradient(tm, data, gm);
            for (int p = 0; p < np; p++) fd[p] = (gp[p] - gm[p]) / (2 * h);
            double err = relativeError(hv, fd);
            System.out.printf("hvp %s L=%d direction %d: |Hv| = %.3e, relative error %.2e%n", kind, depth, dir, Dense.norm(hv), err);
            assertTrue(Dense.norm(hv) > 1e-3);
            assertTrue(err < 1e-6, "relative error " + err);
        }
        // symmetry: u'Hv = v'Hu
        double[] u = new double[np], v = new double[np], hu = new double[np], hv = new double[np];
        lmo.rng.CounterRng.gaussians(7, 0, 0, 0, 0, u, 0, np);
        lmo.rng.CounterRng.gaussians(7, 0, 1, 0, 0, v, 0, np);
        net.hessianVector(theta, u, data, hu);
        net.hessianVector(theta, v, data, hv);
        assertEquals(Dense.dot(u, hv), Dense.dot(v, hu), 1e-12 * Dense.norm(hu) * Dense.norm(v));
    }
}
