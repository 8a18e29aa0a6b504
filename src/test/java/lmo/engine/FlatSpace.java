package lmo.engine;

import lmo.space.Space;

/** R^d for engine tests, independent of the production spaces. */
record FlatSpace(int dim) implements Space {
    @Override public String type() { return "euclidean"; }
    @Override public void retract(double[] x, int at, double[] step, int stepAt) {
        for (int c = 0; c < dim; c++) x[at + c] += step[stepAt + c];
    }
    @Override public void projectTangent(double[] x, int at, double[] v, int vAt) {}
    @Override public void canonicalize(double[] x, int at) {}
}
