package lmo.dynamics;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.Random;
import lmo.particles.Block;
import lmo.rng.CounterRng;
import lmo.rng.Stats;
import lmo.space.Euclidean;
import lmo.space.Space;
import lmo.space.Sphere;
import org.junit.jupiter.api.Test;

class LangevinTest {

    @Test
    void zeroTemperatureIsBitwiseTheWassersteinStep() {
        Random r = new Random(1);
        int n = 25, dim = 3;
        Sphere sphere = new Sphere(dim);
        double[] x = new double[n * dim], g = new double[n * dim];
        for (int j = 0; j < x.length; j++) { x[j] = r.nextGaussian(); g[j] = r.nextGaussian(); }
        for (int i = 0; i < n; i++) sphere.canonicalize(x, i * dim);
        for (Space space : new Space[] {new Euclidean(dim), sphere}) {
            Block a = new Block(0, 0, 0, dim, x.clone(), new double[n]);
            Block b = new Block(0, 0, 0, dim, x.clone(), new double[n]);
            new Langevin(0.2, 0).step(space, a, new double[n], g.clone(), new StepContext(9, 4));
            new Wasserstein(0.2).step(space, b, new double[n], g.clone(), new StepContext(9, 4));
            assertArrayEquals(b.xNext(), a.xNext(), 0);
        }
        assertEquals("langevin", new Langevin(0.2, 0).type());
        assertEquals(0.2, new Langevin(0.2, 1).timeStep());
    }

    @Test
    void stepIsDriftPlusNoiseKeyedByPopulationIdAndStep() {
        int n = 6, dim = 2, pop = 3;
        long firstId = 40, seed = 77, step = 12;
        double eta = 0.05, t = 0.3;
        double[] x = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, g = {1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6};
        Block b = new Block(pop, 0, firstId, dim, x.clone(), new double[] {1, 2, 3, 4, 5, 6});
        new Langevin(eta, t).step(new Euclidean(dim), b, new double[n], g.clone(), new StepContext(seed, step));
        double[] xi = new double[dim];
        for (int i = 0; i < n; i++) {
            CounterRng.gaussians(seed, pop, firstId + i, step, CounterRng.STREAM_LANGEVIN, xi, 0, dim);
            for (int c = 0; c < dim; c++) {
                double expected = x[i * dim + c] + (-eta * g[i * dim + c] + Math.sqrt(2 * eta * t) * xi[c]);
                assertEquals(expected, b.xNext()[i * dim + c], 0);
            }
        }
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, b.mNext(), 0);
    }

    @Test
    void onTheSphereNoiseIsProjectedOnTheTangentSpaceBeforeOneRetraction() {
        double[] x = {0, 0, 1};
        double eta = 0.1, t = 2;
        Block b = new Block(0, 0, 5, 3, x.clone(), new double[] {1});
        new Langevin(eta, t).step(new Sphere(3), b, new double[1], new double[] {0, 0, 7}, new StepContext(3, 8));
        double[] xi = new double[3];
        CounterRng.gaussians(3, 0, 5, 8, CounterRng.STREAM_LANGEVIN, xi, 0, 3);
        double s = Math.sqrt(2 * eta * t);
        // radial gradient and radial noise both vanish: x + s (xi_0, xi_1, 0), normalised
        double[] y = {s * xi[0], s * xi[1], 1};
        double norm = Math.sqrt(y[0] * y[0] + y[1] * y[1] + 1);
        for (int c = 0; c < 3; c++) assertEquals(y[c] / norm, b.xNext()[c], 1e-15);
    }

    @Test
    void freeDiffusionHasMeanZeroAndVarianceTwoEtaT() {
        int n = 100_000, dim = 2;
        double eta = 0.01, t = 0.7;
        double[] x = new double[n * dim];
        Block b = new Block(0, 0, 0, dim, x, new double[n]);
        new Langevin(eta, t).step(new Euclidean(dim), b, new double[n], new double[n * dim], new StepContext(11, 0));
        double var = 2 * eta * t;
        for (int c = 0; c < dim; c++) {
            assertEquals(0, Stats.mean(b.xNext(), c, dim, n), 5 * Math.sqrt(var / n));
            assertEquals(var, Stats.variance(b.xNext(), c, dim, n), 5 * Math.sqrt(2.0 / n) * var);
        }
    }

    @Test
    void eulerMaruyamaOnTheQuadraticPotentialReachesVarianceTwoTOverTwoMinusEta() {
        int blocks = 10, per = 5_000, n = blocks * per, steps = 60;
        double eta = 0.5, t = 1;
        Block[] bs = new Block[blocks];
        for (int k = 0; k < blocks; k++) bs[k] = new Block(0, k, (long) k * per, 1, new double[per], new double[per]);
        Langevin langevin = new Langevin(eta, t);
        Euclidean line = new Euclidean(1);
        double[] v = new double[per], g = new double[per];
        for (int s = 0; s < steps; s++) {
            StepContext ctx = new StepContext(2024, s);
            for (Block b : bs) {
                System.arraycopy(b.x(), 0, g, 0, per); // V = x^2/2, grad V = x
                langevin.step(line, b, v, g, ctx);
                b.commit();
            }
        }
        double[] all = new double[n];
        for (int k = 0; k < blocks; k++) System.arraycopy(bs[k].x(), 0, all, k * per, per);
        double stationary = 2 * t / (2 - eta); // 4/3, not the continuous-time T = 1
        assertEquals(0, Stats.mean(all), 5 * Math.sqrt(stationary / n));
        assertEquals(stationary, Stats.variance(all), 5 * Math.sqrt(2.0 / n) * stationary);
    }

    @Test
    void noiseDoesNotDependOnHowParticlesAreSplitIntoBlocks() {
        int n = 10, dim = 3;
        double[] x = new double[n * dim];
        for (int j = 0; j < x.length; j++) x[j] = j * 0.1;
        Langevin langevin = new Langevin(0.1, 0.5);
        Euclidean space = new Euclidean(dim);
        StepContext ctx = new StepContext(5, 7);
        Block whole = new Block(1, 0, 0, dim, x.clone(), new double[n]);
        langevin.step(space, whole, new double[n], new double[n * dim], ctx);
        double[] split = new double[n * dim];
        int[] starts = {0, 3, 6, 10};
        for (int k = 0; k < 3; k++) {
            int from = starts[k], cnt = starts[k + 1] - from;
            Block b = new Block(1, 7 - k, from, dim, Arrays.copyOfRange(x, from * dim, (from + cnt) * dim), new double[cnt]);
            langevin.step(space, b, new double[cnt], new double[cnt * dim], ctx);
            System.arraycopy(b.xNext(), 0, split, from * dim, cnt * dim);
        }
        assertArrayEquals(whole.xNext(), split, 0);

        Block otherStep = new Block(1, 0, 0, dim, x.clone(), new double[n]);
        langevin.step(space, otherStep, new double[n], new double[n * dim], new StepContext(5, 8));
        Block otherPopulation = new Block(2, 0, 0, dim, x.clone(), new double[n]);
        langevin.step(space, otherPopulation, new double[n], new double[n * dim], ctx);
        assertNotEquals(whole.xNext()[0], otherStep.xNext()[0]);
        assertNotEquals(whole.xNext()[0], otherPopulation.xNext()[0]);
    }
}
