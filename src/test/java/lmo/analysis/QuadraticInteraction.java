package lmo.analysis;

import lmo.particles.Gathered;

/**
 * One population in R^d: {@code V(x) = 1/2 x'Kx + gamma x . sum_j m_j x_j}, so the position field
 * {@code -(K x_i + gamma sum_j m_j x_j)} has Jacobian {@code J_(i,c),(j,e) = K_ce delta_ij + gamma m_j delta_ce}.
 */
final class QuadraticInteraction extends GatherModel {
    final double[][] k;
    final double gamma;

    QuadraticInteraction(double[][] k, double gamma) {
        this.k = k;
        this.gamma = gamma;
    }

    @Override
    double value(Gathered s, int p, double[] x, int at, double[] grad) {
        int d = k.length;
        double[] mean = new double[d];
        for (int j = 0; j < s.count(0); j++) {
            for (int c = 0; c < d; c++) mean[c] += s.m()[0][j] * s.x()[0][j * d + c];
        }
        double v = 0;
        for (int c = 0; c < d; c++) {
            for (int e = 0; e < d; e++) {
                v += 0.5 * x[at + c] * k[c][e] * x[at + e];
                grad[c] += k[c][e] * x[at + e];
            }
            v += gamma * x[at + c] * mean[c];
            grad[c] += gamma * mean[c];
        }
        return v;
    }
}
