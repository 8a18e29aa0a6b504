package lmo.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Vector API kernels and their scalar twin give identical bits (rows, column pairs, their one-pass shifted forms,
 * cost rows, whole solves, debiased and accelerated included), and extreme inputs behave as the streaming kernels did: a column whose entries are all -inf is
 * the empty pair and makes v non-finite, a row whose entries are all -inf makes u non-finite.
 */
class SinkhornKernelsTest {
    static final SinkhornKernels LANE = new LaneSinkhornKernels();
    static final SinkhornKernels VECTOR = new VectorSinkhornKernels();

    static TransportProblem problem(SplittableRandom r, int n, int m, int d, Cost.Kind kind, Cost.Normalize norm) {
        double[] x = OnlineSinkhornTest.points(r, n * d), y = OnlineSinkhornTest.points(r, m * d);
        return TransportProblem.of(Cost.of(x, n, y, m, d, kind, norm), OnlineSinkhornTest.weights(r, n),
                OnlineSinkhornTest.weights(r, m));
    }

    @Test
    void vectorAndScalarKernelsGiveIdenticalBits() {
        assertTrue(OnlineSinkhorn.KERNELS instanceof VectorSinkhornKernels, "tests run with jdk.incubator.vector");
        SplittableRandom r = new SplittableRandom(5);
        int[][] shapes = {{9, 5}, {17, 8}, {12, 13}, {30, 31}, {7, 1030}, {600, 1}};
        double[] betas = {1, 100, 1e4, 1e5};
        for (int d = 1; d <= 3; d++) {
            for (int[] nm : shapes) {
                int n = nm[0], m = nm[1];
                for (Cost.Kind kind : Cost.Kind.values()) {
                    TransportProblem pr = problem(r, n, m, d, kind, d == 3 ? Cost.Normalize.NONE : Cost.Normalize.MAX);
                    Cost c = pr.cost();
                    double[] u = OnlineSinkhornTest.points(r, n), v = OnlineSinkhornTest.points(r, m);
                    String at = "d " + d + " n " + n + " m " + m + " " + kind;
                    double[] a = new double[m], b = new double[m];
                    for (int i = 0; i < n; i++) {
                        c.row(i, a);
                        VectorSinkhornKernels.costRow(c, i, 0, m, b);
                        assertArrayEquals(a, b, 0.0, at + " cost row " + i);
                        for (int j = 0; j < m; j++) assertEquals(c.at(i, j), a[j], 0.0, at);
                    }
                    for (double beta : betas) {
                        double[] o1 = new double[4], o2 = new double[4];
                        for (int i = 0; i < n; i++) {
                            LANE.row(c, i, v, pr.logQ(), beta, new double[m], new double[m], new double[12], o1);
                            VECTOR.row(c, i, v, pr.logQ(), beta, new double[m], new double[m], new double[12], o2);
                            assertArrayEquals(o1, o2, 0.0, at + " beta " + beta + " row " + i);
                        }
                        double[] m1 = new double[m], s1 = new double[m], m2 = new double[m], s2 = new double[m];
                        LANE.columns(c, 1, n, u, pr.logP(), beta, m1, s1, new double[m]);
                        VECTOR.columns(c, 1, n, u, pr.logP(), beta, m2, s2, new double[m]);
                        assertArrayEquals(m1, m2, 0.0, at + " beta " + beta + " max");
                        assertArrayEquals(s1, s2, 0.0, at + " beta " + beta + " sum");
                        double[] vlq = new double[m], shift = OnlineSinkhornTest.points(r, m);
                        for (int j = 0; j < m; j++) vlq[j] = v[j] + pr.logQ()[j];
                        for (int i = 0; i < n; i++) {
                            LANE.rowShifted(c, i, vlq, v, beta, shift[i % m], new double[m], new double[m], new double[12], o1);
                            VECTOR.rowShifted(c, i, vlq, v, beta, shift[i % m], new double[m], new double[m], new double[12], o2);
                            assertArrayEquals(o1, o2, 0.0, at + " beta " + beta + " shifted row " + i);
                        }
                        LANE.columnsShifted(c, 1, n, u, pr.logP(), beta, shift, s1, new double[m]);
                        VECTOR.columnsShifted(c, 1, n, u, pr.logP(), beta, shift, s2, new double[m]);
                        assertArrayEquals(s1, s2, 0.0, at + " beta " + beta + " shifted sum");
                    }
                    InverseTemperature s = InverseTemperature.debiasedAnnealed(10, 2.0 / 3);
                    OnlineSinkhorn.Options o = OnlineSinkhorn.Options.fixed(s, 8).withBlockSize(5);
                    SinkhornResult x1 = OnlineSinkhorn.solve(pr, o, null, LANE);
                    SinkhornResult x2 = OnlineSinkhorn.solve(pr, o, null, VECTOR);
                    OnlineSinkhorn.Options fast = OnlineSinkhorn.Options.fixed(InverseTemperature.constant(50), 9)
                            .withBlockSize(5).withOmega(Double.NaN);
                    SinkhornResult a1 = OnlineSinkhorn.solve(pr, fast, null, LANE);
                    assertArrayEquals(a1.u(), OnlineSinkhorn.solve(pr, fast, null, VECTOR).u(), 0.0, at + " accelerated");
                    assertArrayEquals(x1.u(), x2.u(), 0.0, at + " solve u");
                    assertArrayEquals(x1.v(), x2.v(), 0.0, at + " solve v");
                    assertEquals(x1.last().cost(), x2.last().cost(), 0.0, at);
                    assertEquals(x1.last().dual(), x2.last().dual(), 0.0, at);
                    assertEquals(x1.last().marginalError(), x2.last().marginalError(), 0.0, at);
                }
            }
        }
    }

    /**
     * The exponentials on 512-bit vectors (8 per instruction, the last 4 of an odd quadruple count on 256) give the
     * scalar twin's bits: exp is elementwise and every sum keeps its 4 lanes. Row lengths 4, 12, 13, 30, 1030 leave
     * 0, 1 or 2 quadruples past the multiples of 8.
     */
    @Test
    void theExponentialsOn512BitVectorsGiveTheSameBits() {
        SinkhornKernels wide = new VectorSinkhornKernels(512);
        assertThrows(IllegalArgumentException.class, () -> new VectorSinkhornKernels(128));
        SplittableRandom r = new SplittableRandom(11);
        for (int m : new int[] {4, 12, 13, 30, 1030}) {
            int n = 9;
            TransportProblem pr = problem(r, n, m, 2, Cost.Kind.SQEUCLIDEAN, Cost.Normalize.MAX);
            Cost c = pr.cost();
            double[] u = OnlineSinkhornTest.points(r, n), v = OnlineSinkhornTest.points(r, m);
            double[] vlq = new double[m], shift = OnlineSinkhornTest.points(r, m);
            for (int j = 0; j < m; j++) vlq[j] = v[j] + pr.logQ()[j];
            double[] o1 = new double[4], o2 = new double[4], s1 = new double[m], s2 = new double[m];
            for (int i = 0; i < n; i++) {
                LANE.rowShifted(c, i, vlq, v, 100, shift[i % m], new double[m], new double[m], new double[12], o1);
                wide.rowShifted(c, i, vlq, v, 100, shift[i % m], new double[m], new double[m], new double[12], o2);
                assertArrayEquals(o1, o2, 0.0, "m " + m + " shifted row " + i);
                LANE.row(c, i, v, pr.logQ(), 100, new double[m], new double[m], new double[12], o1);
                wide.row(c, i, v, pr.logQ(), 100, new double[m], new double[m], new double[12], o2);
                assertArrayEquals(o1, o2, 0.0, "m " + m + " row " + i);
            }
            LANE.columnsShifted(c, 0, n, u, pr.logP(), 100, shift, s1, new double[m]);
            wide.columnsShifted(c, 0, n, u, pr.logP(), 100, shift, s2, new double[m]);
            assertArrayEquals(s1, s2, 0.0, "m " + m + " shifted columns");
            double[] m1 = new double[m], m2 = new double[m];
            LANE.columns(c, 0, n, u, pr.logP(), 100, m1, s1, new double[m]);
            wide.columns(c, 0, n, u, pr.logP(), 100, m2, s2, new double[m]);
            assertArrayEquals(s1, s2, 0.0, "m " + m + " columns");
            OnlineSinkhorn.Options fast = OnlineSinkhorn.Options.fixed(InverseTemperature.constant(100), 12)
                    .withBlockSize(4).withOmega(Double.NaN);
            assertArrayEquals(OnlineSinkhorn.solve(pr, fast, null, LANE).u(), OnlineSinkhorn.solve(pr, fast, null, wide).u(),
                    0.0, "m " + m + " accelerated solve");
        }
    }

    @Test
    void aColumnOfMinusInfinityIsTheEmptyPairAndStopsTheSolveOnV() {
        // target 3 is so far that c = inf (no normalisation): beta c = inf in every row of its column
        int n = 6, m = 7;
        double[] x = OnlineSinkhornTest.points(new SplittableRandom(1), n * 2);
        double[] y = OnlineSinkhornTest.points(new SplittableRandom(2), m * 2);
        y[6] = 1e200;
        TransportProblem pr = TransportProblem.uniform(Cost.of(x, n, y, m, 2, Cost.Kind.SQEUCLIDEAN, Cost.Normalize.NONE));
        for (SinkhornKernels k : new SinkhornKernels[] {LANE, VECTOR}) {
            double[] max = new double[m], sum = new double[m];
            OnlineSinkhorn.vPartial(0, n, pr, new double[n], 10, max, sum, new double[m], k);
            assertEquals(Double.NEGATIVE_INFINITY, max[3], 0.0);
            assertEquals(0.0, sum[3], 0.0);
            for (int j = 0; j < m; j++) if (j != 3) assertTrue(sum[j] >= 1 && Double.isFinite(max[j]), "column " + j);
            NonFiniteException e = assertThrows(NonFiniteException.class, () -> OnlineSinkhorn.solve(pr,
                    OnlineSinkhorn.Options.fixed(InverseTemperature.constant(10), 3), null, k));
            assertEquals(1, e.iteration());
            assertEquals("v", e.side());
            assertEquals(3, e.index());
        }
    }

    @Test
    void aRowOfMinusInfinityStopsTheSolveOnU() {
        int n = 6, m = 9;
        double[] x = OnlineSinkhornTest.points(new SplittableRandom(3), n * 2);
        double[] y = OnlineSinkhornTest.points(new SplittableRandom(4), m * 2);
        x[8] = -1e200;
        TransportProblem pr = TransportProblem.uniform(Cost.of(x, n, y, m, 2, Cost.Kind.SQEUCLIDEAN, Cost.Normalize.NONE));
        for (SinkhornKernels k : new SinkhornKernels[] {LANE, VECTOR}) {
            NonFiniteException e = assertThrows(NonFiniteException.class, () -> OnlineSinkhorn.solve(pr,
                    OnlineSinkhorn.Options.fixed(InverseTemperature.constant(10), 3), null, k));
            assertEquals(1, e.iteration());
            assertEquals("u", e.side());
            assertEquals(4, e.index());
        }
    }
}
