package lmo.analysis;

/**
 * The Helmert basis of the tangent space of the simplex, {@code {d in R^n : sum_i d_i = 0}}: columns
 * {@code h_k = (1, ..., 1, -k, 0, ..., 0) / sqrt(k (k+1))} (k ones, k = 1 .. n-1), orthonormal, so a weight
 * perturbation is {@code delta a = H c} and back {@code c = H' delta a}. O(n) per product (prefix sums).
 */
public final class Helmert {
    private Helmert() {}

    /** {@code H c}: n weights from the n-1 coordinates c. */
    public static double[] apply(double[] c) {
        int n = c.length + 1;
        double[] out = new double[n];
        double tail = 0; // sum over k > i of c_k / sqrt(k(k+1)), with c_k = c[k-1]
        for (int i = n - 1; i >= 0; i--) {
            out[i] = tail;
            if (i >= 1) {
                double s = Math.sqrt((double) i * (i + 1));
                out[i] -= i * c[i - 1] / s;
                tail += c[i - 1] / s;
            }
        }
        return out;
    }

    /** {@code H' d}: the n-1 coordinates of the component of d orthogonal to (1, ..., 1). */
    public static double[] transpose(double[] d) {
        double[] out = new double[d.length - 1];
        double head = 0; // sum_{i<k} d_i
        for (int k = 1; k < d.length; k++) {
            head += d[k - 1];
            out[k - 1] = (head - k * d[k]) / Math.sqrt((double) k * (k + 1));
        }
        return out;
    }
}
