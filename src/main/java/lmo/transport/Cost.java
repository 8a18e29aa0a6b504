package lmo.transport;

/**
 * A ground cost between two point clouds, evaluated on the fly: {@code c_ij = k(x_i, y_j) / s}, where
 * {@code k = |x - y|^2} ({@link Kind#SQEUCLIDEAN}) or {@code k = 1/2 |x - y|^2} ({@link Kind#HALF_SQEUCLIDEAN}) and
 * {@code s} is the scale of the normalisation: {@code 1} ({@link Normalize#NONE}), {@code max k} ({@link Normalize#MAX},
 * as W1 and POT's users do) or {@code max k - min k} ({@link Normalize#OSCILLATION}, the annealing paper's
 * {@code ||c||_osc = 1}).
 *
 * <p>Normalisation only divides: the oscillation is not subtracted, because adding a constant to c changes
 * neither the Sinkhorn iterates nor the plans (only the potentials, by that constant). The squared distance is
 * summed coordinate by coordinate from the differences, {@code ((x_0 - y_0)^2 + (x_1 - y_1)^2) + ...} (not the
 * {@code |x|^2 + |y|^2 - 2 x.y} expansion, which loses digits near the diagonal), then divided by {@code s}.
 *
 * <p>Points are flat row-major arrays: {@code x} is n x d, {@code y} is m x d. No n x m matrix is ever stored: the
 * scale is found by one blocked pass over all pairs and rows are recomputed into caller buffers of length m.
 * Instances are immutable (the point arrays are not copied: callers must not modify them).
 */
public final class Cost {

    /** The pointwise cost before normalisation. */
    public enum Kind {
        /** {@code |x - y|^2}. */
        SQEUCLIDEAN("sqeuclidean", "|x - y|^2", 1.0),
        /** {@code 1/2 |x - y|^2} (the barycenter papers' convention). */
        HALF_SQEUCLIDEAN("half-sqeuclidean", "1/2 |x - y|^2", 0.5);

        final String id;
        final String formula;
        final double factor;

        Kind(String id, String formula, double factor) {
            this.id = id;
            this.formula = formula;
            this.factor = factor;
        }

        /** The scenario spelling. */
        public String id() {
            return id;
        }

        /** Parses {@code sqeuclidean} or {@code half-sqeuclidean}. */
        public static Kind of(String id) {
            for (Kind k : values()) if (k.id.equals(id)) return k;
            throw new IllegalArgumentException("cost must be sqeuclidean or half-sqeuclidean, not " + id);
        }
    }

    /** How the cost is divided: by 1, by its max, or by its oscillation max - min. */
    public enum Normalize {
        /** {@code s = 1}. */
        NONE("none"),
        /** {@code s = max_ij k(x_i, y_j)}. */
        MAX("max"),
        /** {@code s = max_ij k - min_ij k} (nothing is subtracted). */
        OSCILLATION("oscillation");

        final String id;

        Normalize(String id) {
            this.id = id;
        }

        /** The scenario spelling. */
        public String id() {
            return id;
        }

        /** Parses {@code none}, {@code max} or {@code oscillation}. */
        public static Normalize of(String id) {
            for (Normalize k : values()) if (k.id.equals(id)) return k;
            throw new IllegalArgumentException("normalize must be none, max or oscillation, not " + id);
        }
    }

    private static final int BLOCK = 256;

    private final double[] x;
    private final double[] y;
    /** y by coordinate, {@code yCols[k][j] = y[j * d + k]} (for the vector kernels). */
    private final double[][] yCols;
    private final int n;
    private final int m;
    private final int d;
    private final Kind kind;
    private final Normalize normalize;
    private final double rawMin;
    private final double rawMax;
    private final double scale;

    private Cost(double[] x, int n, double[] y, int m, int d, Kind kind, Normalize normalize) {
        if (d < 1 || x.length != n * d || y.length != m * d) {
            throw new IllegalArgumentException("points must be n x d and m x d flat arrays (d = " + d + ")");
        }
        if (n < 1 || m < 1) throw new IllegalArgumentException("empty point cloud");
        this.x = x;
        this.y = y;
        this.yCols = new double[d][m];
        for (int j = 0; j < m; j++) for (int k = 0; k < d; k++) yCols[k][j] = y[j * d + k];
        this.n = n;
        this.m = m;
        this.d = d;
        this.kind = kind;
        this.normalize = normalize;
        double[] range = CostRange.of(x, n, y, m, d, kind);
        this.rawMin = range[0];
        this.rawMax = range[1];
        double s = switch (normalize) {
            case NONE -> 1.0;
            case MAX -> rawMax;
            case OSCILLATION -> rawMax - rawMin;
        };
        if (!(s > 0) || !Double.isFinite(s)) {
            throw new IllegalArgumentException("cannot normalise by " + normalize.id + ": scale " + s);
        }
        this.scale = s;
    }

    /** A cost over other rows with this one's targets, kind and scale (no range pass). */
    private Cost(Cost of, double[] x, int n) {
        if (x.length != n * of.d) throw new IllegalArgumentException("rows must be n x d flat (d = " + of.d + ")");
        this.x = x;
        this.y = of.y;
        this.yCols = of.yCols;
        this.n = n;
        this.m = of.m;
        this.d = of.d;
        this.kind = of.kind;
        this.normalize = of.normalize;
        this.rawMin = of.rawMin;
        this.rawMax = of.rawMax;
        this.scale = of.scale;
    }

    /**
     * The same cost for a subset of the sources (a block of particles): rows {@code xRows} ({@code count x d}), the
     * same targets, kind and scale, so {@code c_ij} of a row is the same bits as in the whole problem.
     */
    public Cost rows(double[] xRows, int count) {
        return new Cost(this, xRows, count);
    }

    /**
     * The cost between {@code x} (n x d) and {@code y} (m x d).
     *
     * @throws IllegalArgumentException if the shapes disagree or the scale is zero or not finite
     */
    public static Cost of(double[] x, int n, double[] y, int m, int d, Kind kind, Normalize normalize) {
        return new Cost(x, n, y, m, d, kind, normalize);
    }

    /**
     * The un-normalised min and max of k over all pairs, by one pass in row blocks of 256 x 256 ({@link CostRange}
     * gives the same values visiting far fewer pairs; this pass is its reference and its fallback).
     */
    static double[] rawRangeAllPairs(double[] x, int n, double[] y, int m, int d, Kind kind) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i0 = 0; i0 < n; i0 += BLOCK) {
            int i1 = Math.min(n, i0 + BLOCK);
            for (int j0 = 0; j0 < m; j0 += BLOCK) {
                int j1 = Math.min(m, j0 + BLOCK);
                for (int i = i0; i < i1; i++) {
                    for (int j = j0; j < j1; j++) {
                        double k = raw(x, i, y, j, d, kind);
                        if (k < lo) lo = k;
                        if (k > hi) hi = k;
                    }
                }
            }
        }
        return new double[] {lo, hi};
    }

    static double raw(double[] x, int i, double[] y, int j, int d, Kind kind) {
        double s = 0.0;
        int a = i * d;
        int b = j * d;
        for (int k = 0; k < d; k++) {
            double t = x[a + k] - y[b + k];
            s += t * t;
        }
        return kind == Kind.SQEUCLIDEAN ? s : 0.5 * s;
    }

    /** {@code c_ij = k(x_i, y_j) / s}. */
    public double at(int i, int j) {
        return raw(x, i, y, j, d, kind) / scale;
    }

    /** Writes {@code c_ij} for j = 0 .. m-1 into {@code out[0 .. m)}. {@code out} is modified. */
    public void row(int i, double[] out) {
        row(i, 0, m, out);
    }

    /**
     * Writes {@code c_ij} for j in {@code [from, to)} into {@code out[from .. to)}, the bits of {@link #at}: the
     * squares summed in coordinate order, times the kind's factor (1 or 1/2; {@code 1 * r = r}), divided by the
     * scale. {@code out} is modified.
     */
    public void row(int i, int from, int to, double[] out) {
        int a = i * d;
        double s = scale;
        if (d == 2) {
            double x0 = x[a];
            double x1 = x[a + 1];
            double f = kind.factor;
            for (int j = from, b = 2 * from; j < to; j++, b += 2) {
                double t0 = x0 - y[b];
                double t1 = x1 - y[b + 1];
                double r = t0 * t0 + t1 * t1;
                out[j] = (f == 1.0 ? r : f * r) / s;
            }
            return;
        }
        for (int j = from; j < to; j++) out[j] = raw(x, i, y, j, d, kind) / s;
    }

    /** The source points, n x d row-major (not a copy). */
    double[] xs() {
        return x;
    }

    /** The target coordinate k of every target, {@code y[j * d + k]} for j = 0 .. m-1 (not a copy). */
    double[] yColumn(int k) {
        return yCols[k];
    }

    /** The kind's factor: 1 or 1/2. */
    double factor() {
        return kind.factor;
    }

    public int n() {
        return n;
    }

    public int m() {
        return m;
    }

    public int dimension() {
        return d;
    }

    public Kind kind() {
        return kind;
    }

    public Normalize normalize() {
        return normalize;
    }

    /** The divisor s. */
    public double scale() {
        return scale;
    }

    /** {@code min_ij c_ij} (after normalisation). */
    public double min() {
        return rawMin / scale;
    }

    /** {@code max_ij c_ij} (after normalisation). */
    public double max() {
        return rawMax / scale;
    }

    /** {@code ||c||_osc = max c - min c} (after normalisation). */
    public double oscillation() {
        return (rawMax - rawMin) / scale;
    }

    /** One line stating the cost and its normalisation, e.g. {@code "|x - y|^2 / 1.535 (max)"}; every output carries it. */
    public String describe() {
        return kind.id + " " + kind.formula + ", normalize " + normalize.id + ": divided by " + scale
                + " (c in [" + min() + ", " + max() + "])";
    }

    @Override
    public String toString() {
        return describe();
    }
}
