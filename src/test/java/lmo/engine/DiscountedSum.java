package lmo.engine;

import java.util.List;
import lmo.model.Model;
import lmo.particles.Block;
import lmo.particles.Reduction;
import lmo.particles.Summaries;

/**
 * A test model with one solver value per particle: {@code s <- theta s + x} at every step (V = 0, so particles stay),
 * hence {@code s_k = x (1 - theta^k) / (1 - theta)} in closed form. From step {@code poisonAt} on (read off
 * {@link Summaries#step()}) it writes NaN, to test that a non-finite solver state rolls the step back; its metric
 * {@code step} is the step its summaries carry.
 */
final class DiscountedSum implements Model {
    final double theta;
    final long poisonAt;
    private long calls;

    DiscountedSum(double theta, long poisonAt) {
        this.theta = theta;
        this.poisonAt = poisonAt;
    }

    @Override public int solverWidth(int population) { return 1; }
    @Override public Reduction reduction(int round) { return Reduction.sum(1); }

    @Override
    public void partial(int round, Block b, Summaries done, double[] out) {
        for (int i = 0; i < b.count(); i++) out[0] += b.m()[i] * b.s()[i];
    }

    @Override
    public void firstVariation(Block b, Summaries s, double[] v, double[] gradV, double[] metricSums) {
        boolean poison = s.step() >= poisonAt;
        for (int i = 0; i < b.count(); i++) b.sNext()[i] = poison ? Double.NaN : theta * b.s()[i] + b.x()[i];
    }

    @Override public int metricSumLength() { return 0; }
    @Override public List<String> metricNames() { return List.of("weightedSum", "step"); }
    @Override public double[] metrics(Summaries s, double[] metricSums) { return new double[] {s.sum(0)[0], s.step()}; }
}
