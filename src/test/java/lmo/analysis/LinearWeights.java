package lmo.analysis;

import lmo.particles.Gathered;

/** One population, positions ignored: {@code v_i = c0 + sum_k G_ik m_k}, gradient 0. */
final class LinearWeights extends GatherModel {
    final double c0;
    final double[][] g;

    LinearWeights(double c0, double[][] g) {
        this.c0 = c0;
        this.g = g;
    }

    @Override
    double value(Gathered s, int p, double[] x, int at, double[] grad) {
        int i = at / s.dim()[0];
        double v = c0;
        for (int k = 0; k < s.count(0); k++) v += g[i][k] * s.m()[0][k];
        return v;
    }
}
