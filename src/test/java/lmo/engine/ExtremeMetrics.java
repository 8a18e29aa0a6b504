package lmo.engine;

import java.util.List;
import lmo.model.Model;
import lmo.particles.Block;
import lmo.particles.Reduction;
import lmo.particles.Summaries;

/** {@link MeanAttraction} plus the largest and the smallest first coordinate, as MAX and MIN metric entries. */
final class ExtremeMetrics implements Model {
    private final MeanAttraction inner = new MeanAttraction(1);

    @Override public Reduction reduction(int round) { return inner.reduction(round); }
    @Override public void partial(int round, Block b, Summaries done, double[] out) { inner.partial(round, b, done, out); }

    @Override
    public void firstVariation(Block b, Summaries s, double[] v, double[] gradV, double[] sums) {
        inner.firstVariation(b, s, v, gradV, sums);
        for (int i = 0; i < b.count(); i++) {
            sums[1] = Math.max(sums[1], b.x()[i]);
            sums[2] = Math.min(sums[2], b.x()[i]);
        }
    }

    @Override public int metricSumLength() { return 3; }
    @Override public MetricCombine metricCombine(int entry) {
        return entry == 1 ? MetricCombine.MAX : entry == 2 ? MetricCombine.MIN : MetricCombine.SUM;
    }
    @Override public List<String> metricNames() { return List.of("variance", "max", "min"); }
    @Override public double[] metrics(Summaries s, double[] sums) {
        return new double[] {inner.metrics(s, new double[] {sums[0]})[0], sums[1], sums[2]};
    }
}
