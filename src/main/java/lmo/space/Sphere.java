package lmo.space;

/**
 * The unit sphere S^{d-1} in R^d, stored as unit vectors of d coordinates: {@code Retr_x(s) = (x + s)/|x + s|},
 * tangent projection {@code v <- v - <v,x> x}, canonicalize {@code x <- x/|x|}.
 *
 * <p>For a tangent step, |x + s| >= 1, so the retraction never divides by zero; a zero vector (a point that cannot
 * be put on the sphere, or a non-tangent step equal to -x) is rejected with an {@link IllegalArgumentException}.
 * The retraction is second order only: the step size of the model, not this class, controls the error.
 */
public final class Sphere implements Space {
    private final int dim;

    /** @param dim the ambient dimension d (the sphere is S^{d-1}), at least 2 */
    public Sphere(int dim) {
        if (dim < 2) throw new IllegalArgumentException("sphere needs ambient dim >= 2 (S^{dim-1}), got " + dim);
        this.dim = dim;
    }

    @Override public int dim() { return dim; }
    @Override public String type() { return "sphere"; }

    @Override
    public void retract(double[] x, int at, double[] step, int stepAt) {
        for (int c = 0; c < dim; c++) x[at + c] += step[stepAt + c];
        normalize(x, at, "retraction reached the zero vector (step = -x)");
    }

    @Override
    public void projectTangent(double[] x, int at, double[] v, int vAt) {
        double dot = 0;
        for (int c = 0; c < dim; c++) dot += v[vAt + c] * x[at + c];
        for (int c = 0; c < dim; c++) v[vAt + c] -= dot * x[at + c];
    }

    @Override
    public void canonicalize(double[] x, int at) {
        normalize(x, at, "cannot put the zero vector on the sphere");
    }

    private void normalize(double[] x, int at, String zeroMessage) {
        double s = 0;
        for (int c = 0; c < dim; c++) s += x[at + c] * x[at + c];
        if (s == 0) throw new IllegalArgumentException(zeroMessage + " (sphere in R^" + dim + ")");
        double norm = Math.sqrt(s);
        for (int c = 0; c < dim; c++) x[at + c] /= norm;
    }

    @Override public String toString() { return "sphere(" + dim + ")"; }
}
