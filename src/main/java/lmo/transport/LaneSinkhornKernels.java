package lmo.transport;

import java.util.Arrays;
import lmo.numeric.ExpPoly;

/**
 * {@link SinkhornKernels} in plain Java, emulating the four lanes of {@link VectorSinkhornKernels} operation by
 * operation: the fallback when the Vector API module is not loaded, and the reference the vector code is tested
 * against.
 */
final class LaneSinkhornKernels extends SinkhornKernels {

    @Override
    void row(Cost cost, int i, double[] v, double[] logQ, double beta, double[] cRow, double[] zRow, double[] acc,
             double[] out) {
        int m = cost.m();
        cost.row(i, cRow);
        double mx = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < m; j++) {
            double z = v[j] + logQ[j] - beta * cRow[j];
            zRow[j] = z;
            if (z > mx) mx = z;
        }
        Arrays.fill(acc, 0, 3 * LANES, 0.0);
        lanes(0, m, mx, cRow, zRow, v, acc);
        finish(mx, acc, out);
    }

    @Override
    void rowShifted(Cost cost, int i, double[] vlq, double[] v, double beta, double shift, double[] cRow,
                    double[] zRow, double[] acc, double[] out) {
        cost.row(i, cRow);
        Arrays.fill(acc, 0, 3 * LANES, 0.0);
        shiftedLanes(0, cost.m(), shift, beta, cRow, vlq, v, acc);
        finish(shift, acc, out);
    }

    @Override
    void columnsShifted(Cost cost, int from, int to, double[] u, double[] logP, double beta, double[] shift,
                        double[] sum, double[] cRow) {
        int m = cost.m();
        Arrays.fill(sum, 0, m, 0.0);
        for (int i = from; i < to; i++) {
            cost.row(i, cRow);
            double a = u[i] + logP[i];
            for (int j = 0; j < m; j++) sum[j] += ExpPoly.exp(Math.min(a - beta * cRow[j] - shift[j], CLAMP));
        }
    }

    @Override
    void columns(Cost cost, int from, int to, double[] u, double[] logP, double beta, double[] max, double[] sum,
                 double[] cRow) {
        int m = cost.m();
        LogSumExp.clear(max, sum);
        for (int i = from; i < to; i++) {
            cost.row(i, cRow);
            double a = u[i] + logP[i];
            for (int j = 0; j < m; j++) max[j] = Math.max(max[j], a - beta * cRow[j]);
        }
        for (int i = from; i < to; i++) {
            cost.row(i, cRow);
            double a = u[i] + logP[i];
            for (int j = 0; j < m; j++) sum[j] += ExpPoly.exp(a - beta * cRow[j] - max[j]);
        }
        emptyColumns(max, sum);
    }
}
