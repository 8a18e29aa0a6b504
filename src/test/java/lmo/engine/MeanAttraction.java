package lmo.engine;

import java.util.List;
import lmo.model.Model;
import lmo.particles.Block;
import lmo.particles.Reduction;
import lmo.particles.Summaries;

/**
 * A test model with a closed-form flow: F(mu) = 1/2 Var(mu) per coordinate in R^d, so V(x) = 1/2 |x - xbar|^2
 * (up to a constant) with xbar the mass-weighted mean, a SUM summary of (sum m, sum m x). Under the Wasserstein
 * step of size eta, xbar is conserved and every deviation from it shrinks by exactly (1 - eta) per step.
 */
final class MeanAttraction implements Model {
    private final int dim;

    MeanAttraction(int dim) { this.dim = dim; }

    @Override
    public Reduction reduction(int round) { return Reduction.sum(dim + 1); }

    @Override
    public void partial(int round, Block b, Summaries done, double[] out) {
        for (int i = 0; i < b.count(); i++) {
            out[0] += b.m()[i];
            for (int c = 0; c < dim; c++) out[1 + c] += b.m()[i] * b.x()[i * dim + c];
        }
    }

    @Override
    public void firstVariation(Block b, Summaries s, double[] v, double[] gradV, double[] metricSums) {
        double[] sum = s.sum(0);
        for (int i = 0; i < b.count(); i++) {
            double sq = 0;
            for (int c = 0; c < dim; c++) {
                double d = b.x()[i * dim + c] - sum[1 + c] / sum[0];
                gradV[i * dim + c] = d;
                sq += d * d;
            }
            v[i] = 0.5 * sq;
            metricSums[0] += b.m()[i] * 0.5 * sq;
        }
    }

    @Override
    public int metricSumLength() { return 1; }

    @Override
    public List<String> metricNames() { return List.of("variance"); }

    @Override
    public double[] metrics(Summaries s, double[] metricSums) {
        return new double[] {2 * metricSums[0] / s.sum(0)[0] / dim};
    }
}
