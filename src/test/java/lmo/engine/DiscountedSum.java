package lmo.engine;

import java.util.List;
import lmo.model.Model;

/**
 * A test model with one solver value per particle: {@code s <- theta s + x} at every step (V = 0, so particles stay),
 * hence {@code s_k = x (1 - theta^k) / (1 - theta)} in closed form. From step {@code poisonAt} on it writes NaN, to
 * test that a non-finite solver state rolls the step back.
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
        boolean poison = stepOf(b) >= poisonAt;
        for (int i = 0; i < b.count(); i++) b.sNext()[i] = poison ? Double.NaN : theta * b.s()[i] + b.x()[i];
    }

    /** The step, read off the solver state of particle 0's block: the model itself is stateless across shards. */
    private long stepOf(Block b) {
        double x = b.x()[0], s = b.s()[0];
        if (x == 0) return 0;
        // s = x (1 - theta^k) / (1 - theta)  =>  theta^k = 1 - s (1 - theta) / x
        return Math.round(Math.log(1 - s * (1 - theta) / x) / Math.log(theta));
    }

    @Override public int metricSumLength() { return 0; }
    @Override public List<String> metricNames() { return List.of("weightedSum"); }
    @Override public double[] metrics(Summaries s, double[] metricSums) { return new double[] {s.sum(0)[0]}; }
}
