package lmo.analysis;

import lmo.particles.Gathered;

/** Population 0 on T^1 feels {@code V(x) = sum_j m_j cos(2 pi (x - y_j))} of population 1; population 1 feels nothing. */
final class CosinePair extends GatherModel {
    @Override
    double value(Gathered s, int p, double[] x, int at, double[] grad) {
        if (p != 0) return 0;
        double v = 0;
        for (int j = 0; j < s.count(1); j++) {
            double u = 2 * Math.PI * (x[at] - s.x()[1][j]);
            v += s.m()[1][j] * Math.cos(u);
            grad[0] -= 2 * Math.PI * s.m()[1][j] * Math.sin(u);
        }
        return v;
    }
}
