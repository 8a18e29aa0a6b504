package lmo.space;

/**
 * The unit torus T^d = R^d / Z^d stored in [0,1)^d: {@code Retr_x(s) = wrap(x + s)} with
 * {@code wrap(y) = y - floor(y)} per coordinate, tangent projection the identity.
 *
 * <p>{@code y - floor(y)} rounds to exactly 1.0 when y is a tiny negative number (|y| below half an ulp of 1);
 * {@link #wrap} maps that case to 0.0, so every stored coordinate is in [0,1). Non-finite coordinates stay NaN
 * (the engine reports the divergence). Periodic models must use the minimum-image difference themselves: this
 * class only stores the point.
 */
public final class Torus implements Space {
    private final int dim;

    /** @param dim the number of coordinates d, at least 1 */
    public Torus(int dim) {
        if (dim < 1) throw new IllegalArgumentException("torus needs dim >= 1, got " + dim);
        this.dim = dim;
    }

    /** {@code y - floor(y)}, in [0,1) for finite y (the rounding case 1.0 becomes 0.0). */
    public static double wrap(double y) {
        double w = y - Math.floor(y);
        return w == 1.0 ? 0.0 : w;
    }

    @Override public int dim() { return dim; }
    @Override public String type() { return "torus"; }

    @Override
    public void retract(double[] x, int at, double[] step, int stepAt) {
        for (int c = 0; c < dim; c++) x[at + c] = wrap(x[at + c] + step[stepAt + c]);
    }

    @Override public void projectTangent(double[] x, int at, double[] v, int vAt) { }

    @Override
    public void canonicalize(double[] x, int at) {
        for (int c = 0; c < dim; c++) x[at + c] = wrap(x[at + c]);
    }

    @Override public String toString() { return "torus(" + dim + ")"; }
}
