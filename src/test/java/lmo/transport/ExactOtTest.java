package lmo.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The exact OT value: the network simplex equals brute force on tiny problems (every vertex of Gamma(p, q), or
 * every permutation for uniform weights), equals the Hungarian assignment value for uniform n = m, and both come
 * with a dual certificate: {@code u_i + v_j <= c_ij}, equality where mass moves, {@code <u,p> + <v,q> = OT}.
 */
class ExactOtTest {

    static double[] randomCost(SplittableRandom r, int n, int m) {
        double[] c = new double[n * m];
        for (int k = 0; k < c.length; k++) c[k] = r.nextDouble();
        return c;
    }

    /** min over the vertices of Gamma(p, q): every set of n + m - 1 cells whose balance equations have a unique, >= 0 solution. */
    static double bruteForceVertices(double[] c, int n, int m, double[] p, double[] q) {
        int cells = n * m, k = n + m - 1;
        double best = Double.POSITIVE_INFINITY;
        for (int mask = 0; mask < (1 << cells); mask++) {
            if (Integer.bitCount(mask) != k) continue;
            int[] sel = new int[k];
            for (int s = 0, t = 0; s < cells; s++) if ((mask >> s & 1) == 1) sel[t++] = s;
            // equations: rows 0..n-1 and columns 0..m-2 (the last column is implied by the balance)
            double[][] a = new double[k][k + 1];
            for (int e = 0; e < k; e++) {
                for (int t = 0; t < k; t++) {
                    int i = sel[t] / m, j = sel[t] % m;
                    a[e][t] = e < n ? (i == e ? 1 : 0) : (j == e - n ? 1 : 0);
                }
                a[e][k] = e < n ? p[e] : q[e - n];
            }
            double[] x = solve(a, k);
            if (x == null) continue;
            boolean ok = true;
            double cost = 0;
            for (int t = 0; t < k; t++) {
                if (x[t] < -1e-12) ok = false;
                cost += x[t] * c[sel[t]];
            }
            if (ok) best = Math.min(best, cost);
        }
        return best;
    }

    static double[] solve(double[][] a, int k) {
        for (int col = 0; col < k; col++) {
            int piv = col;
            for (int r = col; r < k; r++) if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) piv = r;
            if (Math.abs(a[piv][col]) < 1e-12) return null;
            double[] sw = a[col];
            a[col] = a[piv];
            a[piv] = sw;
            for (int r = 0; r < k; r++) {
                if (r == col) continue;
                double f = a[r][col] / a[col][col];
                for (int t = col; t <= k; t++) a[r][t] -= f * a[col][t];
            }
        }
        double[] x = new double[k];
        for (int t = 0; t < k; t++) x[t] = a[t][k] / a[t][t];
        return x;
    }

    static double bruteForcePermutations(double[] c, int n) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) perm[i] = i;
        double[] best = {Double.POSITIVE_INFINITY};
        permute(perm, 0, c, n, best);
        return best[0] / n;
    }

    static void permute(int[] a, int k, double[] c, int n, double[] best) {
        if (k == n) {
            double s = 0;
            for (int i = 0; i < n; i++) s += c[i * n + a[i]];
            best[0] = Math.min(best[0], s);
            return;
        }
        for (int t = k; t < n; t++) {
            int sw = a[k]; a[k] = a[t]; a[t] = sw;
            permute(a, k + 1, c, n, best);
            sw = a[k]; a[k] = a[t]; a[t] = sw;
        }
    }

    static void certificate(ExactOt ot, double[] c, int n, int m, double[] p, double[] q) {
        double dual = 0;
        for (int i = 0; i < n; i++) dual += ot.u()[i] * p[i];
        for (int j = 0; j < m; j++) dual += ot.v()[j] * q[j];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                assertTrue(ot.u()[i] + ot.v()[j] <= c[i * m + j] + 1e-12, "dual feasibility at " + i + "," + j);
            }
        }
        double[] rows = new double[n], cols = new double[m];
        double primal = 0;
        for (int k = 0; k < ot.rows().length; k++) {
            int i = ot.rows()[k], j = ot.cols()[k];
            double x = ot.mass()[k];
            assertTrue(x >= 0, "mass >= 0");
            rows[i] += x;
            cols[j] += x;
            primal += x * c[i * m + j];
            if (x > 0) assertEquals(c[i * m + j], ot.u()[i] + ot.v()[j], 1e-12, "complementary slackness");
        }
        for (int i = 0; i < n; i++) assertEquals(p[i], rows[i], 1e-12, "row marginal");
        for (int j = 0; j < m; j++) assertEquals(q[j], cols[j], 1e-12, "column marginal");
        assertEquals(primal, ot.value(), 1e-12);
        assertEquals(primal, dual, 1e-12, "strong duality");
    }

    @Test
    void networkSimplexIsTheMinimumOverAllVerticesOnTinyProblems() {
        SplittableRandom r = new SplittableRandom(2);
        int[][] shapes = {{1, 1}, {1, 4}, {3, 1}, {2, 2}, {2, 3}, {3, 3}, {3, 4}, {4, 3}};
        for (int rep = 0; rep < 6; rep++) {
            for (int[] s : shapes) {
                int n = s[0], m = s[1];
                double[] c = randomCost(r, n, m);
                double[] p = OnlineSinkhornTest.weights(r, n), q = OnlineSinkhornTest.weights(r, m);
                ExactOt ot = ExactOt.networkSimplex(c, n, m, p, q);
                assertEquals(bruteForceVertices(c, n, m, p, q), ot.value(), 1e-12, n + "x" + m);
                certificate(ot, c, n, m, p, q);
            }
        }
    }

    @Test
    void uniformSquareProblemsAreAssignmentsBySimplexHungarianAndBruteForce() {
        SplittableRandom r = new SplittableRandom(4);
        for (int n = 1; n <= 7; n++) {
            double[] c = randomCost(r, n, n);
            double[] w = new double[n];
            java.util.Arrays.fill(w, 1.0 / n);
            double brute = bruteForcePermutations(c, n);
            assertEquals(brute, ExactOt.assignment(c, n).value(), 1e-12);
            assertEquals(brute, ExactOt.networkSimplex(c, n, n, w, w).value(), 1e-12);
        }
    }

    @Test
    void simplexAndHungarianAgreeWithCertificatesOnLargerProblems() {
        SplittableRandom r = new SplittableRandom(9);
        for (int n : new int[] {40, 150}) {
            double[] x = OnlineSinkhornTest.points(r, 2 * n), y = OnlineSinkhornTest.points(r, 2 * n);
            Cost cost = Cost.of(x, n, y, n, 2, Cost.Kind.SQEUCLIDEAN, Cost.Normalize.OSCILLATION);
            double[] c = ExactOt.dense(cost);
            double[] w = new double[n];
            java.util.Arrays.fill(w, 1.0 / n);
            ExactOt simplex = ExactOt.networkSimplex(c, n, n, w, w);
            ExactOt hungarian = ExactOt.assignment(c, n);
            assertEquals(hungarian.value(), simplex.value(), 1e-12);
            certificate(simplex, c, n, n, w, w);
            certificate(hungarian, c, n, n, w, w);
        }
        int n = 120, m = 75;   // general weights, n != m
        double[] c = randomCost(r, n, m);
        double[] p = OnlineSinkhornTest.weights(r, n), q = OnlineSinkhornTest.weights(r, m);
        certificate(ExactOt.networkSimplex(c, n, m, p, q), c, n, m, p, q);
    }

    @Test
    void roundingLandsInTheTransportPolytopeAndBoundsTheGap() {
        SplittableRandom r = new SplittableRandom(12);
        int n = 25, m = 18;
        double[] x = OnlineSinkhornTest.points(r, 2 * n), y = OnlineSinkhornTest.points(r, 2 * m);
        double[] p = OnlineSinkhornTest.weights(r, n), q = OnlineSinkhornTest.weights(r, m);
        TransportProblem pr = TransportProblem.of(
                Cost.of(x, n, y, m, 2, Cost.Kind.SQEUCLIDEAN, Cost.Normalize.OSCILLATION), p, q);
        double ot = ExactOt.of(pr).value();
        for (int t : new int[] {1, 3, 30}) {
            SinkhornResult res = OnlineSinkhorn.solve(pr, OnlineSinkhorn.Options.fixed(InverseTemperature.constant(50), t));
            double[] pi = Rounding.plan(pr, res.u(), res.v(), res.beta());
            Rounding.round(pi, n, m, p, q);
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < m; j++) {
                    assertTrue(pi[i * m + j] >= 0);
                    s += pi[i * m + j];
                }
                assertEquals(p[i], s, 1e-15);
            }
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int i = 0; i < n; i++) s += pi[i * m + j];
                assertEquals(q[j], s, 1e-15);
            }
            double rounded = Rounding.cost(pr.cost(), pi);
            assertEquals(rounded, Rounding.roundedCost(pr, res.u(), res.v(), res.beta()), 0.0);
            // Lemma 2.3 (second marginal exact): <c, round(pi)> - OT <= log(nm)/beta + 4 ||pi 1 - p||_1 ||c||_osc
            double bound = Math.log(n * m) / 50 + 4 * res.last().marginalError();
            assertTrue(rounded >= ot - 1e-14 && rounded - ot <= bound, t + ": " + (rounded - ot) + " vs " + bound);
        }
    }
}
