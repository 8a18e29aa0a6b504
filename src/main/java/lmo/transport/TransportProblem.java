package lmo.transport;

/**
 * The data of a balanced transport problem: a {@link Cost} between n source and m target points, first marginal
 * {@code p} (n, on the sources, the rows) and second marginal {@code q} (m, on the targets, the columns), both
 * strictly positive; {@code logP}, {@code logQ} are their logarithms, computed once. The arrays are not copied and
 * must not be modified.
 */
public record TransportProblem(Cost cost, double[] p, double[] q, double[] logP, double[] logQ) {

    public TransportProblem {
        if (p.length != cost.n() || q.length != cost.m() || logP.length != p.length || logQ.length != q.length) {
            throw new IllegalArgumentException("weights must have n = " + cost.n() + " and m = " + cost.m() + " entries");
        }
    }

    /** The problem with weights p, q (strictly positive, finite). */
    public static TransportProblem of(Cost cost, double[] p, double[] q) {
        return new TransportProblem(cost, p, q, logs(p, "p"), logs(q, "q"));
    }

    /** Uniform weights {@code 1/n}, {@code 1/m}. */
    public static TransportProblem uniform(Cost cost) {
        double[] p = new double[cost.n()];
        double[] q = new double[cost.m()];
        java.util.Arrays.fill(p, 1.0 / p.length);
        java.util.Arrays.fill(q, 1.0 / q.length);
        return of(cost, p, q);
    }

    /**
     * This problem's targets ({@code q}, {@code logQ}: shared, not recomputed) against other sources {@code rows}
     * with weights {@code p}: what a block of rows needs, at the cost of its own n logarithms instead of n + m.
     */
    public TransportProblem withRows(Cost rows, double[] p) {
        return new TransportProblem(rows, p, q, logs(p, "p"), logQ);
    }

    private static double[] logs(double[] w, String name) {
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            if (!(w[i] > 0) || !Double.isFinite(w[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] must be > 0 and finite: " + w[i]);
            }
            out[i] = Math.log(w[i]);
        }
        return out;
    }

    public int n() {
        return cost.n();
    }

    public int m() {
        return cost.m();
    }

    /** {@code sum_i p_i} (in index order). */
    public double massP() {
        double s = 0;
        for (double w : p) s += w;
        return s;
    }

    /** {@code sum_j q_j} (in index order). */
    public double massQ() {
        double s = 0;
        for (double w : q) s += w;
        return s;
    }
}
