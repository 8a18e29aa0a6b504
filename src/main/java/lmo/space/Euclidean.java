package lmo.space;

/**
 * R^d with the identity chart: {@code Retr_x(s) = x + s}, tangent projection the identity, canonicalize a no-op.
 *
 * <p>Nothing here keeps particles bounded: a step size above the stability limit of the model makes them run off,
 * and the engine sees it as a non-finite position.
 */
public final class Euclidean implements Space {
    private final int dim;

    /** @param dim the number of coordinates d, at least 1 */
    public Euclidean(int dim) {
        if (dim < 1) throw new IllegalArgumentException("euclidean space needs dim >= 1, got " + dim);
        this.dim = dim;
    }

    @Override public int dim() { return dim; }
    @Override public String type() { return "euclidean"; }

    @Override
    public void retract(double[] x, int at, double[] step, int stepAt) {
        for (int c = 0; c < dim; c++) x[at + c] += step[stepAt + c];
    }

    @Override public void projectTangent(double[] x, int at, double[] v, int vAt) { }

    @Override public void canonicalize(double[] x, int at) { }

    @Override public String toString() { return "euclidean(" + dim + ")"; }
}
