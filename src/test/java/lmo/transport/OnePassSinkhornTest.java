package lmo.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * One pass over the pairs per half-iteration: the log-sum-exps shifted by the previous potential (instead of a max
 * pass) give the two-pass values to 1e-13 relative; a shift too far off for the sum's range falls back to the
 * two-pass form, bit for bit; block partials of either kind fold to those values for any block size (the same bits
 * on any number of shards for one block size: {@link BlockOrderTest}, {@code OtModelTest}).
 */
class OnePassSinkhornTest {

    static double relative(double a, double b) {
        return Math.abs(a - b) / Math.max(1, Math.abs(b));
    }

    /** The exact column log-sum-exps of the whole problem by the two-pass kernel. */
    static double[] columnLse(TransportProblem pr, double[] u, double beta) {
        int m = pr.m();
        double[] max = new double[m], sum = new double[m];
        OnlineSinkhorn.vPartial(0, pr.n(), pr, u, beta, max, sum, new double[m]);
        double[] l = new double[m];
        for (int j = 0; j < m; j++) l[j] = LogSumExp.value(max[j], sum[j]);
        return l;
    }

    @Test
    void theShiftedColumnPassEqualsTheTwoPassOneTo1e13AndFallsBackExactlyWhenTheShiftIsFarOff() {
        SplittableRandom r = new SplittableRandom(23);
        int[][] shapes = {{37, 41}, {128, 33}, {19, 260}};
        for (int d = 1; d <= 3; d++) {
            for (int[] nm : shapes) {
                int n = nm[0], m = nm[1];
                TransportProblem pr = SinkhornKernelsTest.problem(r, n, m, d, Cost.Kind.SQEUCLIDEAN,
                        Cost.Normalize.MAX);
                for (double beta : new double[] {1, 100, 1e4}) {
                    double[] u = OnlineSinkhornTest.points(r, n);
                    for (int i = 0; i < n; i++) u[i] *= 5;
                    double[] exact = columnLse(pr, u, beta);
                    for (double off : new double[] {0, 3, -30, 400, -400, 2000}) {
                        double[] shift = new double[m];
                        for (int j = 0; j < m; j++) shift[j] = exact[j] + off * r.nextDouble(0.5, 1);
                        double[] max = new double[m], sum = new double[m];
                        OnlineSinkhorn.vPartial(0, n, pr, u, beta, shift, max, sum, new double[m]);
                        String at = "d " + d + " n " + n + " m " + m + " beta " + beta + " off " + off;
                        for (int j = 0; j < m; j++) {
                            double one = LogSumExp.value(max[j], sum[j]);
                            assertTrue(relative(one, exact[j]) <= 1e-13, at + " column " + j + ": " + one + " vs "
                                    + exact[j]);
                            if (Math.abs(off) >= 2000) assertEquals(exact[j], one, 0.0, at + ": the two-pass fallback");
                        }
                    }
                }
            }
        }
    }

    @Test
    void theShiftedRowPassEqualsTheTwoPassOneTo1e13() {
        SplittableRandom r = new SplittableRandom(29);
        for (int d = 1; d <= 3; d++) {
            int n = 45, m = 70;
            TransportProblem pr = SinkhornKernelsTest.problem(r, n, m, d, Cost.Kind.HALF_SQEUCLIDEAN, Cost.Normalize.MAX);
            for (double beta : new double[] {1, 100, 1e4}) {
                double[] v = OnlineSinkhornTest.points(r, m);
                double[] exact = new double[n], out = new double[4];
                for (int i = 0; i < n; i++) {
                    OnlineSinkhorn.KERNELS.row(pr.cost(), i, v, pr.logQ(), beta, new double[m], new double[m],
                            new double[12], out);
                    exact[i] = out[0] + Math.log(out[1]);
                }
                for (double off : new double[] {0, 5, -50, 300, 5000}) {
                    double[] u = new double[n];   // u_i = -L_i + off: the row pass shifts by -u_i
                    for (int i = 0; i < n; i++) u[i] = -exact[i] + off * r.nextDouble(0.5, 1);
                    double[] uNext = new double[n];
                    OnlineSinkhorn.uRows(0, n, pr, u, v, beta, 0.0, uNext, new double[PlanMetrics.SLOTS],
                            new double[m], new double[m]);
                    for (int i = 0; i < n; i++) {
                        String at = "d " + d + " beta " + beta + " off " + off + " row " + i;
                        assertTrue(relative(-uNext[i], exact[i]) <= 1e-13, at + ": " + -uNext[i] + " vs " + exact[i]);
                        if (off >= 5000) assertEquals(-exact[i], uNext[i], 0.0, at + ": the two-pass fallback");
                    }
                }
            }
        }
    }

    @Test
    void blockPartialsOfEitherKindFoldToTheTwoPassValuesForAnyBlockSize() {
        SplittableRandom r = new SplittableRandom(31);
        int n = 90, m = 50;
        TransportProblem pr = SinkhornKernelsTest.problem(r, n, m, 2, Cost.Kind.SQEUCLIDEAN, Cost.Normalize.MAX);
        double[] u = OnlineSinkhornTest.points(r, n);
        double beta = 200;
        double[] exact = columnLse(pr, u, beta);
        double[] shift = new double[m];
        for (int j = 0; j < m; j++) shift[j] = exact[j] + (j % 3 == 0 ? 900 : 1);  // a third of the columns fall back
        double[] reference = null;
        for (int b : new int[] {7, 16, 90}) {
            double[] max = new double[m], sum = new double[m], bm = new double[m], bs = new double[m];
            LogSumExp.clear(max, sum);
            for (int from = 0; from < n; from += b) {
                OnlineSinkhorn.vPartial(from, Math.min(n, from + b), pr, u, beta, shift, bm, bs, new double[m]);
                OnlineSinkhorn.combine(max, sum, bm, bs);
            }
            double[] l = new double[m];
            for (int j = 0; j < m; j++) {
                l[j] = LogSumExp.value(max[j], sum[j]);
                assertTrue(relative(l[j], exact[j]) <= 1e-13, "blocks of " + b + ", column " + j);
            }
            if (b == 7) reference = l;
            if (b == 7) continue;
            for (int j = 0; j < m; j++) assertEquals(reference[j], l[j], 2e-13 * Math.max(1, Math.abs(l[j])));
        }
    }
}
