package lmo.model.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fixed measure nu that a kernel discrepancy pulls the particles toward. Immutable.
 *
 * <ul>
 *   <li>{@link #uniform()}: the Lebesgue (uniform probability) measure of the unit torus [0,1)^d, any d.</li>
 *   <li>{@link #cosine}: the density {@code 1 + sum_j a_j cos(2 pi k_j . x)} on the unit torus. Its Fourier
 *       coefficients are {@code m_k(nu) = sum_j (a_j/2) ([k_j = k] + [k_j = -k])} for k != 0 (duplicate or opposite
 *       wave vectors add up); it is a probability measure when the density is nonnegative (not checked).</li>
 *   <li>{@link #samples}: the weighted point set {@code sum_j v_j delta_{y_j}}, on the torus or in R^d.</li>
 * </ul>
 */
public final class Target {
    enum Kind { UNIFORM, COSINE, SAMPLES }

    private final Kind kind;
    private final int dim;                  // 0 for uniform: fits every dimension
    private final int[][] waves;            // cosine: distinct, lexicographically positive k, sorted
    private final double[] coefficients;    // cosine: m_k(nu) (real, = m_{-k}(nu)) for each wave
    private final double[] points;          // samples: [M * dim], interleaved
    private final double[] weights;         // samples: [M]

    private Target(Kind kind, int dim, int[][] waves, double[] coefficients, double[] points, double[] weights) {
        this.kind = kind;
        this.dim = dim;
        this.waves = waves;
        this.coefficients = coefficients;
        this.points = points;
        this.weights = weights;
    }

    /** The uniform measure (Lebesgue measure) on the unit torus; only for the Sobolev kernels. */
    public static Target uniform() {
        return new Target(Kind.UNIFORM, 0, new int[0][], new double[0], null, null);
    }

    /**
     * The density {@code 1 + sum_j amplitude[j] cos(2 pi k[j] . x)} on the unit torus [0,1)^d, d = k[j].length.
     *
     * @param k wave vectors, nonzero, all of the same length d >= 1
     */
    public static Target cosine(int[][] k, double[] amplitude) {
        if (k.length != amplitude.length) {
            throw new IllegalArgumentException("cosine target: " + k.length + " wave vectors but " + amplitude.length + " amplitudes");
        }
        if (k.length == 0) return uniform();
        int d = k[0].length;
        if (d < 1) throw new IllegalArgumentException("cosine target: wave vectors must have at least one coordinate");
        List<int[]> ws = new ArrayList<>();
        List<Double> cs = new ArrayList<>();
        for (int j = 0; j < k.length; j++) {
            if (k[j].length != d) {
                throw new IllegalArgumentException("cosine target: wave vector " + j + " has " + k[j].length + " coordinates, expected " + d);
            }
            if (!Double.isFinite(amplitude[j])) throw new IllegalArgumentException("cosine target: amplitude " + j + " is not finite");
            int[] w = positiveHalf(k[j]);
            if (w == null) throw new IllegalArgumentException("cosine target: wave vector " + j + " is zero");
            int at = indexOf(ws, w);
            if (at < 0) { ws.add(w); cs.add(amplitude[j] / 2); } else cs.set(at, cs.get(at) + amplitude[j] / 2);
        }
        Integer[] order = new Integer[ws.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Arrays.compare(ws.get(a), ws.get(b)));
        List<int[]> keptW = new ArrayList<>();
        List<Double> keptC = new ArrayList<>();
        for (int i : order) {
            if (cs.get(i) != 0) { keptW.add(ws.get(i)); keptC.add(cs.get(i)); }
        }
        double[] c = new double[keptC.size()];
        for (int i = 0; i < c.length; i++) c[i] = keptC.get(i);
        return new Target(Kind.COSINE, d, keptW.toArray(new int[0][]), c, null, null);
    }

    /**
     * The weighted samples {@code sum_j weights[j] delta_{y_j}}, {@code y_j = points[j*dim .. j*dim+dim)}.
     * The weights must sum to 1 (within 1e-9; the caller normalises). The arrays are copied.
     */
    public static Target samples(double[] points, double[] weights, int dim) {
        if (dim < 1) throw new IllegalArgumentException("samples target: dim must be >= 1, got " + dim);
        if (weights.length == 0) throw new IllegalArgumentException("samples target: no samples");
        if (points.length != (long) weights.length * dim) {
            throw new IllegalArgumentException("samples target: " + points.length + " coordinates for " + weights.length
                + " samples of dimension " + dim);
        }
        double sum = 0;
        for (int j = 0; j < weights.length; j++) {
            if (!Double.isFinite(weights[j])) throw new IllegalArgumentException("samples target: weight " + j + " is not finite");
            sum += weights[j];
        }
        for (int j = 0; j < points.length; j++) {
            if (!Double.isFinite(points[j])) throw new IllegalArgumentException("samples target: coordinate " + j + " is not finite");
        }
        if (Math.abs(sum - 1) > 1e-9) throw new IllegalArgumentException("samples target: weights sum to " + sum + ", expected 1");
        return new Target(Kind.SAMPLES, dim, null, null, points.clone(), weights.clone());
    }

    Kind kind() { return kind; }

    /** The dimension, or 0 for the uniform target (which fits every dimension). */
    int dim() { return dim; }

    /** Checks that the target lives in dimension d. */
    void requireDim(int d, String model) {
        if (dim != 0 && dim != d) {
            throw new IllegalArgumentException(model + ": target has dimension " + dim + ", model has " + d);
        }
    }

    int waveCount() { return waves.length; }

    /** Wave vector w (lexicographically positive), not to be modified. */
    int[] wave(int w) { return waves[w]; }

    /** {@code m_k(nu)} for wave w: real, and the same for -k. */
    double coefficient(int w) { return coefficients[w]; }

    int sampleCount() { return weights == null ? 0 : weights.length; }

    /** Sample coordinates [M * dim], not to be modified. */
    public double[] points() { return points; }

    /** Sample weights [M], not to be modified. */
    public double[] weights() { return weights; }

    /** k or -k, whichever has its first nonzero coordinate positive; null for k = 0. */
    static int[] positiveHalf(int[] k) {
        for (int c = 0; c < k.length; c++) {
            if (k[c] > 0) return k.clone();
            if (k[c] < 0) {
                int[] n = new int[k.length];
                for (int i = 0; i < k.length; i++) n[i] = -k[i];
                return n;
            }
        }
        return null;
    }

    private static int indexOf(List<int[]> list, int[] k) {
        for (int i = 0; i < list.size(); i++) if (Arrays.equals(list.get(i), k)) return i;
        return -1;
    }
}
