package lmo.dynamics;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import lmo.particles.Block;
import lmo.space.Euclidean;
import lmo.space.Sphere;
import lmo.space.Torus;
import org.junit.jupiter.api.Test;

class DeterministicDynamicsTest {
    private static final StepContext CTX = new StepContext(1, 0);

    private static double[] random(Random r, int n, double scale) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = scale * (r.nextDouble() - 0.5);
        return a;
    }

    private static double[] positive(Random r, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = 0.1 + r.nextDouble();
        return a;
    }

    @Test
    void wassersteinOnEuclideanIsExactlyTheEulerStep() {
        Random r = new Random(3);
        int n = 50, dim = 3;
        double eta = 0.37;
        double[] x = random(r, n * dim, 10), m = positive(r, n), g = random(r, n * dim, 4);
        double[] x0 = x.clone(), m0 = m.clone(), g0 = g.clone();
        Block b = new Block(0, 0, 0, dim, x, m);
        new Wasserstein(eta).step(new Euclidean(dim), b, new double[n], g, CTX);
        for (int j = 0; j < n * dim; j++) assertEquals(x0[j] - eta * g0[j], b.xNext()[j], 0);
        assertArrayEquals(m0, b.mNext(), 0);
        assertArrayEquals(x0, b.x(), 0, "the current state is left intact");
    }

    @Test
    void wassersteinOnTheTorusWraps() {
        Block b = new Block(0, 0, 0, 1, new double[] {0.95, 0.05, 0.5}, new double[] {1, 1, 1});
        new Wasserstein(1).step(new Torus(1), b, new double[3], new double[] {-0.1, 0.1, 0.25}, CTX);
        assertEquals(0.05, b.xNext()[0], 1e-15);
        assertEquals(0.95, b.xNext()[1], 1e-15);
        assertEquals(0.25, b.xNext()[2], 1e-15);
    }

    @Test
    void wassersteinOnTheSphereProjectsThenRetracts() {
        double s = Math.sqrt(0.5);
        // particle 0: tangent gradient; particle 1: radial gradient with eta*c = 3, which without projection would
        // flip the point to -x; projected, it is zero and the point does not move
        double[] x = {1, 0, 0, 0, s, s};
        double[] g = {0, -1, 0, 0, 3 * s, 3 * s};
        Block b = new Block(0, 0, 0, 3, x, new double[] {1, 1});
        new Wasserstein(1).step(new Sphere(3), b, new double[2], g, CTX);
        double[] y = b.xNext();
        assertArrayEquals(new double[] {s, s, 0}, java.util.Arrays.copyOfRange(y, 0, 3), 1e-15);
        assertArrayEquals(new double[] {0, s, s}, java.util.Arrays.copyOfRange(y, 3, 6), 1e-15);
    }

    @Test
    void wassersteinKeepsRandomPointsOnTheSphere() {
        Random r = new Random(8);
        int n = 200, dim = 4;
        double[] x = random(r, n * dim, 2);
        Sphere sphere = new Sphere(dim);
        for (int i = 0; i < n; i++) sphere.canonicalize(x, i * dim);
        Block b = new Block(0, 0, 0, dim, x, new double[n]);
        new Wasserstein(0.8).step(sphere, b, new double[n], random(r, n * dim, 6), CTX);
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (int c = 0; c < dim; c++) norm += b.xNext()[i * dim + c] * b.xNext()[i * dim + c];
            assertEquals(1, norm, 1e-15);
        }
    }

    @Test
    void fisherRaoMultipliesMassesByExpMinusEtaVAndKeepsPositions() {
        Random r = new Random(4);
        int n = 30;
        double[] x = random(r, 2 * n, 1), m = positive(r, n), v = random(r, n, 6);
        double[] x0 = x.clone(), m0 = m.clone();
        Block b = new Block(0, 0, 0, 2, x, m);
        FisherRao fr = new FisherRao(0.2, true);
        fr.step(new Euclidean(2), b, v, random(r, 2 * n, 1), CTX);
        for (int i = 0; i < n; i++) assertEquals(m0[i] * Math.exp(-0.2 * v[i]), b.mNext()[i], 0);
        assertArrayEquals(x0, b.xNext(), 0);
        assertTrue(fr.normalizesMass());
        assertFalse(new FisherRao(0.2, false).normalizesMass());
        assertEquals(0.2, fr.timeStep());
        assertEquals("fisher-rao", fr.type());
    }

    @Test
    void wfrMovesLikeWassersteinAndReweightsLikeFisherRaoFromTheSameInputs() {
        Random r = new Random(5);
        int n = 40, dim = 2;
        double eta = 0.1, etaM = 0.4;
        double[] x = random(r, n * dim, 3), m = positive(r, n), v = random(r, n, 2), g = random(r, n * dim, 2);
        double[] x0 = x.clone(), m0 = m.clone(), v0 = v.clone(), g0 = g.clone();
        Block b = new Block(0, 0, 0, dim, x, m);
        WassersteinFisherRao wfr = new WassersteinFisherRao(eta, etaM, false);
        wfr.step(new Euclidean(dim), b, v, g, CTX);
        for (int j = 0; j < n * dim; j++) assertEquals(x0[j] - eta * g0[j], b.xNext()[j], 0);
        for (int i = 0; i < n; i++) assertEquals(m0[i] * Math.exp(-etaM * v0[i]), b.mNext()[i], 0);
        assertEquals(eta, wfr.timeStep());
        assertEquals("wfr", wfr.type());
        assertFalse(wfr.normalizesMass());
    }

    @Test
    void wfrOnTheSphereAgreesWithItsTwoHalves() {
        Random r = new Random(6);
        int n = 20, dim = 3;
        Sphere sphere = new Sphere(dim);
        double[] x = random(r, n * dim, 2);
        for (int i = 0; i < n; i++) sphere.canonicalize(x, i * dim);
        double[] m = positive(r, n), v = random(r, n, 2), g = random(r, n * dim, 2);
        Block both = new Block(0, 0, 0, dim, x.clone(), m.clone());
        Block w = new Block(0, 0, 0, dim, x.clone(), m.clone());
        Block f = new Block(0, 0, 0, dim, x.clone(), m.clone());
        new WassersteinFisherRao(0.3, 1.2, true).step(sphere, both, v.clone(), g.clone(), CTX);
        new Wasserstein(0.3).step(sphere, w, v.clone(), g.clone(), CTX);
        new FisherRao(1.2, true).step(sphere, f, v.clone(), g.clone(), CTX);
        assertArrayEquals(w.xNext(), both.xNext(), 0);
        assertArrayEquals(f.mNext(), both.mNext(), 0);
    }

    @Test
    void stepSizesMustBePositiveAndFinite() {
        assertThrows(IllegalArgumentException.class, () -> new Wasserstein(0));
        assertThrows(IllegalArgumentException.class, () -> new Wasserstein(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new FisherRao(-1, false));
        assertThrows(IllegalArgumentException.class, () -> new WassersteinFisherRao(0.1, Double.POSITIVE_INFINITY, false));
        assertThrows(IllegalArgumentException.class, () -> new Langevin(0.1, -1));
        assertThrows(IllegalArgumentException.class, () -> new Langevin(0.1, Double.NaN));
        assertEquals("wasserstein", new Wasserstein(0.5).type());
        assertEquals(0.5, new Wasserstein(0.5).timeStep());
    }

    @Test
    void theLinearMassUpdateIsTheEulerStepAndANegativeFactorIsNaN() {
        double[] m = {0.5, 0.25, 1.0, 0.0};
        double[] v = {1.0, -2.0, 5.0, 10.0};
        double etaM = 0.2;
        Block b = new Block(0, 0, 0, 1, new double[] {0.1, 0.2, 0.3, 0.4}, m.clone());
        new FisherRao(etaM, false, MassUpdate.LINEAR).step(new Euclidean(1), b, v.clone(), new double[4], CTX);
        assertEquals(0.5 * (1 - 0.2), b.mNext()[0], 0);
        assertEquals(0.25 * (1 + 0.4), b.mNext()[1], 0);
        assertEquals(0.0, b.mNext()[2], 0, "factor 1 - etaM V = 0: the mass vanishes");
        assertTrue(Double.isNaN(b.mNext()[3]), "1 - etaM V = -1 < 0: NaN, also for a zero mass");
        assertArrayEquals(new double[] {0.1, 0.2, 0.3, 0.4}, b.xNext(), 0);

        Block w = new Block(0, 0, 0, 1, new double[] {0.1, 0.2, 0.3, 0.4}, m.clone());
        new WassersteinFisherRao(0.1, etaM, false, MassUpdate.LINEAR).step(new Euclidean(1), w, v.clone(), new double[] {1, 1, 1, 1}, CTX);
        assertEquals(0.4, w.mNext()[0], 1e-16);
        assertEquals(0.0, w.xNext()[0], 1e-16, "positions move as for wasserstein");
        assertTrue(Double.isNaN(w.mNext()[3]));

        Block e = new Block(0, 0, 0, 1, new double[] {0.1, 0.2, 0.3, 0.4}, m.clone());
        new FisherRao(etaM, false, MassUpdate.EXPONENTIAL).step(new Euclidean(1), e, v.clone(), new double[4], CTX);
        assertEquals(0.5 * Math.exp(-0.2), e.mNext()[0], 0);
        assertEquals(MassUpdate.EXPONENTIAL, new FisherRao(0.2, true).massUpdate(), "the default");
        assertEquals(MassUpdate.LINEAR, MassUpdate.parse("linear"));
        assertThrows(IllegalArgumentException.class, () -> MassUpdate.parse("quadratic"));
    }
}
