package lmo.engine;

import java.util.List;
import lmo.model.Model;
import lmo.particles.Block;
import lmo.particles.Reduction;
import lmo.particles.Summaries;

/**
 * {@link MeanAttraction} through a CONCAT round and a global step: every particle contributes its row
 * (m, m x), and the scheduler adds the rows up into (sum m, sum m x) before the shards read the summary.
 */
final class ConcatMean implements Model {
    private final MeanAttraction inner;
    private final int dim;

    ConcatMean(int dim) {
        this.dim = dim;
        this.inner = new MeanAttraction(dim);
    }

    @Override public Reduction reduction(int round) { return Reduction.concat(dim + 1); }

    @Override
    public void partial(int round, Block b, Summaries done, double[] out) {
        for (int i = 0; i < b.count(); i++) {
            out[i * (dim + 1)] = b.m()[i];
            for (int c = 0; c < dim; c++) out[i * (dim + 1) + 1 + c] = b.m()[i] * b.x()[i * dim + c];
        }
    }

    @Override
    public void globalStep(int round, Summaries s) {
        double[] rows = s.sum(round);
        double[] total = new double[dim + 1];
        for (int r = 0; r < rows.length; r += dim + 1) {
            for (int c = 0; c <= dim; c++) total[c] += rows[r + c];
        }
        s.set(round, total);
    }

    @Override
    public void firstVariation(Block b, Summaries s, double[] v, double[] gradV, double[] metricSums) {
        inner.firstVariation(b, s, v, gradV, metricSums);
    }

    @Override public int metricSumLength() { return inner.metricSumLength(); }
    @Override public List<String> metricNames() { return inner.metricNames(); }
    @Override public double[] metrics(Summaries s, double[] metricSums) { return inner.metrics(s, metricSums); }
}
