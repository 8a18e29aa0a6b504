package lmo.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import lmo.particles.Gathered;
import lmo.space.Space;
import lmo.space.Spaces;
import org.junit.jupiter.api.Test;

/** J = -D(field) by central differences against Jacobians known in closed form. */
class JacobianTest {

    static void assertMatrix(double[][] expected, double[][] actual, double tol) {
        assertEquals(expected.length, actual.length, "rows");
        for (int r = 0; r < expected.length; r++) {
            for (int c = 0; c < expected.length; c++) {
                assertEquals(expected[r][c], actual[r][c], tol, "entry (" + r + ", " + c + ")");
            }
        }
    }

    static double[][] random(Random rnd, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) for (int c = 0; c < cols; c++) row[c] = rnd.nextGaussian();
        return m;
    }

    @Test
    void linearFieldGivesItsMatrix() {
        double[][] m = random(new Random(1), 7, 7);
        VectorField f = new VectorField() {
            @Override public int dim() { return 7; }
            @Override public double[] at(double[] z) {
                double[] out = new double[7];
                for (int r = 0; r < 7; r++) for (int c = 0; c < 7; c++) out[r] -= m[r][c] * z[c];
                return out;
            }
        };
        assertMatrix(m, Jacobian.of(f), 1e-9);
        assertMatrix(m, Jacobian.of(f, 0.3), 1e-9);
    }

    @Test
    void positionsOfAQuadraticPotentialGiveItsHessian() {
        double[][] k = {{2.0, 0.5}, {0.5, 1.0}};
        double gamma = 0.8, beta = 1.5;
        double[] x = {0.3, -0.2, 1.0, 0.4, -0.7, 0.1};
        double[] m = {0.5, 0.25, 1.25}; // total 2: the model sees these masses
        Gathered s = new Gathered(new double[][] {x}, new double[][] {m}, new int[] {2});
        ConicField field = new ConicField(new QuadraticInteraction(k, gamma), List.of(Spaces.of("euclidean", 2)), s,
                1, beta, ConicField.Mode.POSITIONS);
        assertEquals(6, field.dim());
        double[][] expected = new double[6][6];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int c = 0; c < 2; c++) {
                    for (int e = 0; e < 2; e++) {
                        expected[2 * i + c][2 * j + e] = beta * ((i == j ? k[c][e] : 0) + (c == e ? gamma * m[j] : 0));
                    }
                }
            }
        }
        assertMatrix(expected, Jacobian.of(field), 1e-8);
        double[][] alone = new double[6][6];
        for (int i = 0; i < 3; i++) for (int c = 0; c < 2; c++) for (int e = 0; e < 2; e++) alone[2 * i + c][2 * i + e] = k[c][e];
        ConicField noInteraction = new ConicField(new QuadraticInteraction(k, 0), List.of(Spaces.of("euclidean", 2)), s,
                1, 1, ConicField.Mode.POSITIONS);
        assertMatrix(alone, Jacobian.of(noInteraction), 1e-8);
    }

    @Test
    void weightsOfALinearFirstVariationFollowTheReplicatorFormula() {
        int n = 4;
        double alpha = 0.7, c0 = 0.3;
        double[][] g = random(new Random(2), n, n);
        double[] a = {0.1, 0.2, 0.3, 0.4};
        Gathered s = new Gathered(new double[][] {{0.1, 0.2, 0.3, 0.4}}, new double[][] {a.clone()}, new int[] {1});
        ConicField field = new ConicField(new LinearWeights(c0, g), List.of(Spaces.of("torus", 1)), s, alpha, 1,
                ConicField.Mode.WEIGHTS);
        assertEquals(n - 1, field.dim());
        // g_i(a) = a_i (v_i - a.v), v = c0 + G a: Dg = diag(v - (a.v) 1) + diag(a) (G - 1 (v + G'a)')
        double[] v = new double[n], gta = new double[n];
        double av = 0;
        for (int i = 0; i < n; i++) {
            v[i] = c0;
            for (int k = 0; k < n; k++) {
                v[i] += g[i][k] * a[k];
                gta[i] += g[k][i] * a[k];
            }
        }
        for (int i = 0; i < n; i++) av += a[i] * v[i];
        double[][] dg = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) dg[i][j] = (i == j ? v[i] - av : 0) + a[i] * (g[i][j] - v[j] - gta[j]);
        }
        // J = -D(-alpha H' g(a* + H c)) = alpha H' Dg H
        double[][] h = new double[n][n - 1];
        for (int k = 0; k < n - 1; k++) {
            double[] e = new double[n - 1];
            e[k] = 1;
            double[] col = Helmert.apply(e);
            for (int i = 0; i < n; i++) h[i][k] = col[i];
        }
        double[][] expected = new double[n - 1][n - 1];
        for (int r = 0; r < n - 1; r++) {
            for (int c = 0; c < n - 1; c++) {
                for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) expected[r][c] += alpha * h[i][r] * dg[i][j] * h[j][c];
            }
        }
        assertMatrix(expected, Jacobian.of(field), 1e-9);
    }

    @Test
    void quadraticGameByDifferencesIsTheExactJacobian() {
        Random rnd = new Random(3);
        double[][] p = {{2, 0.3}, {0.3, 1}}, q = {{1, 0, 0.2}, {0, 0.5, 0}, {0.2, 0, 3}};
        double[][] b = random(rnd, 2, 3);
        Gathered s = new Gathered(new double[][] {{0.4, -1.2}, {0.3, 0.9, -0.5}}, new double[][] {{1}, {1}},
                new int[] {2, 3});
        List<Space> spaces = List.of(Spaces.of("euclidean", 2), Spaces.of("euclidean", 3));
        ConicField field = new ConicField(Games.quadratic(p, b, q), spaces, s, 1, 1, ConicField.Mode.POSITIONS);
        assertMatrix(new lmo.model.game.QuadraticPayoff(p, b, q).jacobian(), Jacobian.of(field), 1e-9);
        assertEquals(5, new ConicField(Games.quadratic(p, b, q), spaces, s, 1, 1, ConicField.Mode.CONIC).dim(),
                "one particle each: no weight coordinates");
    }

    @Test
    void aTorusPositionNextToTheSeamDoesNotWrapAcrossADifference() {
        double x0 = 1 - 1e-7, y0 = 2e-6;
        Gathered s = new Gathered(new double[][] {{x0}, {y0}}, new double[][] {{1}, {1}}, new int[] {1, 1});
        ConicField field = new ConicField(new CosinePair(), List.of(Spaces.of("torus", 1), Spaces.of("torus", 1)), s,
                1, 1, ConicField.Mode.POSITIONS);
        double c = 4 * Math.PI * Math.PI * Math.cos(2 * Math.PI * (x0 - y0));
        assertMatrix(new double[][] {{-c, c}, {0, 0}}, Jacobian.of(field), 1e-6 * c);
    }

    @Test
    void theSphereIsRejectedWithAReason() {
        Gathered s = new Gathered(new double[][] {{1, 0}}, new double[][] {{1}}, new int[] {2});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ConicField(
                new CosinePair(), List.of(Spaces.of("sphere", 2)), s, 1, 1, ConicField.Mode.CONIC));
        assertTrue(e.getMessage().contains("sphere"), e.getMessage());
    }
}
