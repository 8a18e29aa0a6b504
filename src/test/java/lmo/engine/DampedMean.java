package lmo.engine;

import java.util.List;
import lmo.model.Model;
import lmo.particles.Block;
import lmo.particles.Reduction;
import lmo.particles.Summaries;

/**
 * A test model with global state across steps: one number g, with {@code g_0 = 1} and
 * {@code g_{k+1} = theta g_k + sum_i m_i (x_i - g_k)}, where the sum is round 0's SUM, computed by the blocks from
 * the g of their step (so a stale g would show). V = 0: the particles stay, hence with {@code M = sum m_i},
 * {@code X = sum m_i x_i}: {@code g_{k+1} = (theta - M) g_k + X}. From step {@code poisonAt} on the carried g is
 * NaN. Metric {@code g} is the global state the step's summaries carry.
 */
final class DampedMean implements Model {
    final double theta;
    final long poisonAt;

    DampedMean(double theta, long poisonAt) {
        this.theta = theta;
        this.poisonAt = poisonAt;
    }

    @Override public int globalStateLength() { return 1; }
    @Override public double[] initialGlobalState() { return new double[] {1.0}; }
    @Override public Reduction reduction(int round) { return Reduction.sum(1); }

    @Override
    public void partial(int round, Block b, Summaries done, double[] out) {
        double g = done.global()[0];
        for (int i = 0; i < b.count(); i++) out[0] += b.m()[i] * (b.x()[i] - g);
    }

    @Override
    public double[] carryGlobal(Summaries done) {
        if (done.step() >= poisonAt) return new double[] {Double.NaN};
        return new double[] {theta * done.global()[0] + done.sum(0)[0]};
    }

    @Override public void firstVariation(Block b, Summaries s, double[] v, double[] gradV, double[] metricSums) {}
    @Override public int metricSumLength() { return 0; }
    @Override public List<String> metricNames() { return List.of("g"); }
    @Override public double[] metrics(Summaries s, double[] metricSums) { return new double[] {s.global()[0]}; }
}
