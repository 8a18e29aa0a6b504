package lmo.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Agreement with POT's {@code ot.sinkhorn} on the W1 workload (../shared/bench): n = m = 1000 Kronecker points in
 * [0,1]^2 and [0.5,1] x [0.25,0.75], uniform weights, squared Euclidean cost divided by its max, POT {@code reg =
 * 0.01}. The reference numbers are in {@code pot-w1-reference.properties}, written by {@code pot_w1_reference.py} next
 * to it (POT 0.8.2); this test does not need Python.
 *
 * <p><b>Conventions.</b> POT builds {@code K = exp(-M / reg)} on the same normalised M, so beta = 1 / reg = 100.
 * POT's {@code sinkhorn_knopp} starts from {@code u = 1/n} and repeats {@code v = b / K^T u}, then
 * {@code u = a / K v}; its plan {@code diag(u) K diag(v)} has exact rows. lmo starts from {@code v = 0}, i.e.
 * {@code b_0 = q}, and updates u (rows) then v (columns); its plan has exact columns. So lmo solves the transposed
 * problem: its first measure is POT's target (y, b) and its second POT's source (x, a). Then lmo's u-update is POT's
 * v-update from POT's start (lmo's {@code b_0 = q = a = 1/n} is POT's {@code u_0}), lmo's v-update is POT's
 * u-update, and after the same number of iterations the two plans are transposes of each other in exact arithmetic
 * (the cost is symmetric). The values agree to 1e-8 relative both after 200 iterations (converged: POT's column error
 * 4e-14) and after 20 (far from it: column error 3.5e-2), which checks that order and start match.
 */
class PotW1Test {
    static final double A1 = 0.6180339887498949, A2 = 0.4142135623730951;
    static final double B1 = 0.7548776662466927, B2 = 0.5698402909980532;

    /** The bench recipe {@code (frac(i a1), frac(i a2))}, i = 0 .. n-1, in IEEE doubles as numpy computes it. */
    static double[] kronecker(int n, double a1, double a2) {
        double[] out = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double t1 = i * a1, t2 = i * a2;
            out[2 * i] = t1 - Math.floor(t1);
            out[2 * i + 1] = t2 - Math.floor(t2);
        }
        return out;
    }

    static Properties reference() throws IOException {
        Properties p = new Properties();
        try (InputStream in = PotW1Test.class.getResourceAsStream("pot-w1-reference.properties")) {
            p.load(in);
        }
        return p;
    }

    static double sum(double[] a) {
        double s = 0;
        for (double z : a) s += z;
        return s;
    }

    @Test
    void transportCostAgreesWithPotSinkhornTo1e8() throws IOException {
        Properties ref = reference();
        int n = Integer.parseInt(ref.getProperty("n"));
        double reg = Double.parseDouble(ref.getProperty("reg"));
        double[] x = kronecker(n, A1, A2);
        double[] y = kronecker(n, B1, B2);
        for (int j = 0; j < n; j++) {
            y[2 * j] = 0.5 * y[2 * j] + 0.5;
            y[2 * j + 1] = 0.5 * y[2 * j + 1] + 0.25;
        }
        assertEquals(Double.parseDouble(ref.getProperty("sum_x")), sum(x), 1e-9, "W1 source points");
        assertEquals(Double.parseDouble(ref.getProperty("sum_y")), sum(y), 1e-9, "W1 target points");
        Cost transposed = Cost.of(y, n, x, n, 2, Cost.Kind.SQEUCLIDEAN, Cost.Normalize.MAX);
        assertEquals(Double.parseDouble(ref.getProperty("cmax")), transposed.scale(), 0.0);
        TransportProblem pr = TransportProblem.uniform(transposed);
        for (String[] k : new String[][] {{"200", "cost_normalized"}, {"20", "cost_normalized_20"}}) {
            int iterations = Integer.parseInt(k[0]);
            SinkhornResult res = OnlineSinkhorn.solve(pr,
                    OnlineSinkhorn.Options.fixed(InverseTemperature.constant(1 / reg), iterations).withBlockSize(64));
            double pot = Double.parseDouble(ref.getProperty(k[1]));
            double lmo = res.last().cost();
            System.out.printf("W1 n=%d, %d iterations: POT <P,M> = %.17g, lmo = %.17g, relative %.2e%n", n,
                    iterations, pot, lmo, Math.abs(lmo - pot) / pot);
            assertEquals(pot, lmo, 1e-8 * pot, k[1]);
        }
    }
}
