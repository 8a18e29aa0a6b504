package lmo.init;

/**
 * A smooth positive probability density on the unit torus T^d: {@code rho(x) = 1 + sum_j a_j cos(2 pi k_j . x)},
 * k_j nonzero integer vectors. Its Fourier coefficients {@code int e^{-2 pi i k.x} rho dx} are a_j/2 at
 * {@code +-k_j} (summed over repeated modes) and 0 elsewhere besides k = 0. The constructor requires
 * {@code sum_j |a_j| < 1}, which keeps {@code rho >= 1 - sum|a_j| > 0}.
 *
 * <p>For d = 1: {@code cdf(x) = x + sum_j a_j sin(2 pi k_j x)/(2 pi k_j)} (F(0) = 0, F(1) = 1, unwrapped for x
 * outside [0,1]), and {@link #inverseCdf} solves F(x) = u by Newton's method safeguarded with bisection on [0,1],
 * to within rounding of F. A density with no modes is uniform in any dimension.
 */
public final class CosineDensity {
    private static final double TWO_PI = 2 * Math.PI;
    private final int[][] k;
    private final double[] a;
    private final int dim;

    /**
     * @param k modes, one integer vector per term (all of the same length d >= 1, none zero)
     * @param amplitude a_j, one per mode, with {@code sum |a_j| < 1}
     */
    public CosineDensity(int[][] k, double[] amplitude) {
        if (k == null || amplitude == null || k.length != amplitude.length) {
            throw new IllegalArgumentException("cosine density: need one amplitude per mode, got "
                    + (k == null ? "no modes" : k.length + " modes") + " and "
                    + (amplitude == null ? "no amplitudes" : amplitude.length + " amplitudes"));
        }
        this.k = new int[k.length][];
        this.a = amplitude.clone();
        this.dim = k.length == 0 ? 0 : k[0].length;
        double total = 0;
        for (int j = 0; j < k.length; j++) {
            if (k[j] == null || k[j].length != dim || dim == 0) {
                throw new IllegalArgumentException("cosine density: mode " + j + " must have " + Math.max(dim, 1)
                        + " component(s), like mode 0");
            }
            boolean zero = true;
            for (int kc : k[j]) zero &= kc == 0;
            if (zero) throw new IllegalArgumentException("cosine density: mode " + j + " is zero (the mean is fixed to 1)");
            if (!Double.isFinite(a[j])) throw new IllegalArgumentException("cosine density: amplitude " + j + " is " + a[j]);
            this.k[j] = k[j].clone();
            total += Math.abs(a[j]);
        }
        if (!(total < 1)) {
            throw new IllegalArgumentException("cosine density: sum of |amplitude| must be < 1 (density > 0), got " + total);
        }
    }

    /** A single mode {@code 1 + a cos(2 pi k x)} on T^1. */
    public static CosineDensity single(int k, double amplitude) {
        return new CosineDensity(new int[][] {{k}}, new double[] {amplitude});
    }

    /** The uniform density, in any dimension. */
    public static CosineDensity uniform() {
        return new CosineDensity(new int[0][], new double[0]);
    }

    /** Dimension of the modes; 0 when there are none (uniform, any dimension). */
    public int dim() { return dim; }

    /** Number of cosine terms. */
    public int modes() { return a.length; }

    /** {@code rho(x)} for the point {@code x[at .. at+d)}. */
    public double density(double[] x, int at) {
        double rho = 1;
        for (int j = 0; j < a.length; j++) {
            double phase = 0;
            for (int c = 0; c < dim; c++) phase += k[j][c] * x[at + c];
            rho += a[j] * Math.cos(TWO_PI * phase);
        }
        return rho;
    }

    /** The d = 1 density at x. */
    public double density(double x) {
        require1d();
        double rho = 1;
        for (int j = 0; j < a.length; j++) rho += a[j] * Math.cos(TWO_PI * k[j][0] * x);
        return rho;
    }

    /** The d = 1 cumulative distribution from 0: {@code x + sum_j a_j sin(2 pi k_j x)/(2 pi k_j)}. */
    public double cdf(double x) {
        require1d();
        double f = x;
        for (int j = 0; j < a.length; j++) {
            double w = TWO_PI * k[j][0];
            f += a[j] * Math.sin(w * x) / w;
        }
        return f;
    }

    /** The x in [0,1] with {@code cdf(x) = u}, for u in [0,1]; exact (u itself) without modes. */
    public double inverseCdf(double u) {
        require1d();
        if (!(u >= 0 && u <= 1)) throw new IllegalArgumentException("inverseCdf needs u in [0,1], got " + u);
        double lo = 0, hi = 1, x = u;
        for (int iter = 0; iter < 200; iter++) {
            double f = cdf(x) - u;
            if (f == 0) return x;
            if (f > 0) hi = x; else lo = x;
            double next = x - f / density(x);
            if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
            if (Math.abs(next - x) <= 0x1.0p-54 || next == lo || next == hi) return next;
            x = next;
        }
        return x;
    }

    private void require1d() {
        if (dim > 1) throw new IllegalArgumentException("cdf and density(x) need a 1-dimensional density, this one has d = " + dim);
    }
}
