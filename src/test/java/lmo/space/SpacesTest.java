package lmo.space;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class SpacesTest {

    @Test
    void euclideanRetractionAddsTheStepAndProjectionIsIdentity() {
        Space s = new Euclidean(2);
        double[] x = {9, 1.5, -2, 9};
        double[] step = {0.25, 4};
        s.retract(x, 1, step, 0);
        assertArrayEquals(new double[] {9, 1.75, 2, 9}, x, 0);
        double[] v = {3, -7};
        s.projectTangent(x, 1, v, 0);
        assertArrayEquals(new double[] {3, -7}, v, 0);
        s.canonicalize(x, 1);
        assertArrayEquals(new double[] {9, 1.75, 2, 9}, x, 0);
    }

    @Test
    void torusWrapsIntoTheHalfOpenUnitInterval() {
        assertEquals(0.25, Torus.wrap(1.25), 0);
        assertEquals(0.75, Torus.wrap(-0.25), 0);
        assertEquals(0.0, Torus.wrap(3.0), 0);
        assertEquals(0.0, Torus.wrap(-1e-20), 0, "x - floor(x) rounds to 1.0 here; it must become 0.0");
        assertEquals(0.0, Torus.wrap(-0x1.0p-54), 0);
        assertEquals(1 - 0x1.0p-53, Torus.wrap(-0x1.0p-53), 0, "the largest double below 1 is a valid coordinate");
        assertTrue(Double.isNaN(Torus.wrap(Double.NaN)));
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < 100_000; i++) {
            double y = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(20) - 15);
            double w = Torus.wrap(y);
            assertTrue(w >= 0 && w < 1, y + " wrapped to " + w);
        }
    }

    @Test
    void torusRetractionWrapsEachCoordinate() {
        Space s = new Torus(2);
        double[] x = {0.9, 0.1};
        s.retract(x, 0, new double[] {0.35, -0.3}, 0);
        assertEquals(0.25, x[0], 1e-15);
        assertEquals(0.8, x[1], 1e-15);
        double[] y = {2.5, -3.75};
        s.canonicalize(y, 0);
        assertArrayEquals(new double[] {0.5, 0.25}, y, 0);
    }

    @Test
    void sphereRetractionNormalisesTheSum() {
        Space s = new Sphere(2);
        double[] x = {1, 0};
        s.retract(x, 0, new double[] {0, 1}, 0);
        assertEquals(Math.sqrt(0.5), x[0], 2e-16);
        assertEquals(Math.sqrt(0.5), x[1], 2e-16);
    }

    @Test
    void sphereProjectionRemovesTheNormalComponent() {
        Space s = new Sphere(3);
        double[] x = {0.6, 0, 0.8};
        double[] v = {1, 2, 3};
        s.projectTangent(x, 0, v, 0);
        double dot = v[0] * 0.6 + v[2] * 0.8;
        assertEquals(0, dot, 1e-15, "projected vector is tangent");
        // <v,x> = 3, so v - 3x = (1 - 1.8, 2, 3 - 2.4)
        assertArrayEquals(new double[] {-0.8, 2, 0.6}, v, 1e-15);
    }

    @Test
    void sphereCanonicalizeNormalisesAndRejectsZero() {
        Space s = new Sphere(2);
        double[] x = {3, 4};
        s.canonicalize(x, 0);
        assertArrayEquals(new double[] {0.6, 0.8}, x, 2e-16);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.canonicalize(new double[] {0, 0}, 0));
        assertTrue(e.getMessage().contains("zero vector"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.retract(new double[] {1, 0}, 0, new double[] {-1, 0}, 0));
    }

    @Test
    void factoryBuildsEachTypeAndNamesTheChoicesOnError() {
        assertEquals("euclidean", Spaces.of("euclidean", 3).type());
        assertEquals("torus", Spaces.of("torus", 1).type());
        assertEquals("sphere", Spaces.of("sphere", 3).type());
        assertEquals(3, Spaces.of("sphere", 3).dim());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Spaces.of("hyperbolic", 2));
        assertTrue(e.getMessage().contains("hyperbolic") && e.getMessage().contains("torus"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Spaces.of(null, 2));
        assertThrows(IllegalArgumentException.class, () -> Spaces.of("torus", 0));
        assertThrows(IllegalArgumentException.class, () -> Spaces.of("sphere", 1));
    }
}
