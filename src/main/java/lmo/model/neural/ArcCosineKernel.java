package lmo.model.neural;

/**
 * The ReLU (first-order arc-cosine) kernel for inputs uniform on the unit sphere S^(d-1) of R^d:
 *
 * <pre>
 *   K(w, v) = E_x relu(w.x) relu(v.x) = |w| |v| (sin t + (pi - t) cos t) / (2 pi d),   t = angle(w, v) in [0, pi],
 *   grad_w K(w, v) = ((pi - t) v + sin t |v| w / |w|) / (2 pi d),
 * </pre>
 *
 * so {@code K0 = K(w, w) = 1/(2d)} for unit w (papers/kernel-flows-and-langevin.md §1.4, §2.5). The gradient
 * formula has no singularity at t = 0 or t = pi (it is the derivative of {@code |w| |v| J(t)} with
 * {@code J'(t) = -(pi - t) sin t}, the {@code 1/sin t} of {@code dt/dw} cancelling); at t = 0 it is
 * {@code pi v / (2 pi d)}, and {@code d/dw K(w, w) = w/d}. {@code cos t} is clamped to [-1, 1];
 * {@code sin t = sqrt((1 - c)(1 + c))}; {@code t = acos(c)} by {@link #acos} (basic arithmetic and sqrt only, so
 * values are the same on every JVM; {@code StrictMath.acos} is a native call of about 150 ns on JDK 17, ten times
 * slower). For {@code w = 0} or {@code v = 0}, K = 0 and the gradient is taken as 0.
 */
public final class ArcCosineKernel {
    private final int dim;
    private final double scale;

    /** @param dim the input dimension d (inputs uniform on S^(d-1)) */
    public ArcCosineKernel(int dim) {
        if (dim < 1) throw new IllegalArgumentException("arc-cosine kernel: dim must be >= 1, got " + dim);
        this.dim = dim;
        this.scale = 1.0 / (2 * Math.PI * dim);
    }

    public int dim() { return dim; }

    /** {@code K(w, w) = 1/(2d)} for a unit vector w. */
    public double k0() { return 0.5 / dim; }

    /** K(w, v) for {@code w = a[aAt .. aAt+d)}, {@code v = b[bAt .. bAt+d)}. */
    public double value(double[] a, int aAt, double[] b, int bAt) {
        return valueAndGradient(a, aAt, b, bAt, 0.0, null, 0);
    }

    /**
     * K(w, v), and adds {@code coef * grad_w K(w, v)} to {@code g[gAt .. gAt+d)} when g is not null.
     */
    public double valueAndGradient(double[] a, int aAt, double[] b, int bAt, double coef, double[] g, int gAt) {
        return valueAndGradient(a, aAt, norm(a, aAt), b, bAt, norm(b, bAt), coef, g, gAt);
    }

    /** |w| for {@code w = a[at .. at+d)}, as {@link #valueAndGradient} computes it. */
    double norm(double[] a, int at) {
        double s = 0;
        for (int c = 0; c < dim; c++) s += a[at + c] * a[at + c];
        return Math.sqrt(s);
    }

    /** As {@link #valueAndGradient(double[], int, double[], int, double, double[], int)} with the norms given. */
    double valueAndGradient(double[] a, int aAt, double nw, double[] b, int bAt, double nv, double coef, double[] g, int gAt) {
        if (nw == 0 || nv == 0) return 0.0;
        double wv = 0;
        for (int q = 0; q < dim; q++) wv += a[aAt + q] * b[bAt + q];
        double c = wv / (nw * nv);
        if (c > 1) c = 1;
        if (c < -1) c = -1;
        double s = Math.sqrt((1 - c) * (1 + c));
        double pt = Math.PI - acos(c);
        if (g != null && coef != 0) {
            double f1 = coef * scale * pt;
            double f2 = coef * scale * s * nv / nw;
            for (int q = 0; q < dim; q++) g[gAt + q] += f1 * b[bAt + q] + f2 * a[aAt + q];
        }
        return nw * nv * (s + pt * c) * scale;
    }

    /** Taylor coefficients of asin(y)/y in u = y^2: (2k)! / (4^k (k!)^2 (2k + 1)), k < 28. */
    private static final double[] ASIN = new double[28];

    static {
        double central = 1;                       // (2k)! / (4^k (k!)^2)
        for (int k = 0; k < ASIN.length; k++) {
            if (k > 0) central *= (2.0 * k - 1) / (2.0 * k);
            ASIN[k] = central / (2 * k + 1);
        }
    }

    /** asin(y) for |y| <= 1/2: the Taylor series to k = 27 (remainder below 1e-19), in four interleaved Horner chains. */
    private static double asinSmall(double y) {
        double u = y * y, u2 = u * u, u4 = u2 * u2;
        double p0 = ASIN[24], p1 = ASIN[25], p2 = ASIN[26], p3 = ASIN[27];
        for (int k = 20; k >= 0; k -= 4) {
            p0 = Math.fma(p0, u4, ASIN[k]);
            p1 = Math.fma(p1, u4, ASIN[k + 1]);
            p2 = Math.fma(p2, u4, ASIN[k + 2]);
            p3 = Math.fma(p3, u4, ASIN[k + 3]);
        }
        double p = Math.fma(Math.fma(p3, u, p2), u2, Math.fma(p1, u, p0));
        return y * p;
    }

    /**
     * acos(c) for c in [-1, 1], from basic arithmetic and sqrt only (deterministic on every JVM): {@code pi/2 -
     * asin(c)} for |c| <= 1/2, {@code 2 asin(sqrt((1 - c)/2))} for c > 1/2 and {@code pi - 2 asin(sqrt((1 + c)/2))}
     * for c < -1/2 (1 -+ c is exact there), asin by its Taylor series on [-1/2, 1/2]. Absolute error below 1e-15
     * (checked against {@link StrictMath#acos} in the tests).
     */
    static double acos(double c) {
        if (c > 0.5) return 2 * asinSmall(Math.sqrt(0.5 * (1 - c)));
        if (c < -0.5) return Math.PI - 2 * asinSmall(Math.sqrt(0.5 * (1 + c)));
        return 0.5 * Math.PI - asinSmall(c);
    }
}
