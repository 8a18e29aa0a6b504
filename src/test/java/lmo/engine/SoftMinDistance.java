package lmo.engine;

import java.util.List;
import lmo.model.Model;
import lmo.particles.Block;
import lmo.particles.Reduction;
import lmo.particles.Summaries;

/**
 * A test model with one LOG_SUM_EXP round: for each target y_j, {@code L_j = LSE_i (log m_i - beta (x_i - y_j)^2)},
 * a soft minimum of the squared distance to the particles (one Sinkhorn half-step with zero potentials). V = 0,
 * so the particles stay where they are; the metrics are the L_j.
 */
final class SoftMinDistance implements Model {
    final double[] targets;
    final double beta;

    SoftMinDistance(double beta, double... targets) {
        this.beta = beta;
        this.targets = targets;
    }

    @Override public Reduction reduction(int round) { return Reduction.logSumExp(targets.length); }

    @Override
    public void partial(int round, Block b, Summaries done, double[] out) {
        int terms = targets.length;
        for (int i = 0; i < b.count(); i++) {
            for (int j = 0; j < terms; j++) {
                double d = b.x()[i] - targets[j];
                double e = Math.log(b.m()[i]) - beta * d * d;
                if (e > out[j]) {
                    out[terms + j] = out[terms + j] * Math.exp(out[j] - e) + 1;
                    out[j] = e;
                } else {
                    out[terms + j] += Math.exp(e - out[j]);
                }
            }
        }
    }

    @Override
    public void firstVariation(Block b, Summaries s, double[] v, double[] gradV, double[] metricSums) {}

    @Override public int metricSumLength() { return 0; }

    @Override
    public List<String> metricNames() {
        return java.util.stream.IntStream.range(0, targets.length).mapToObj(j -> "lse" + j).toList();
    }

    @Override
    public double[] metrics(Summaries s, double[] metricSums) {
        double[] out = new double[targets.length];
        for (int j = 0; j < out.length; j++) out[j] = Reduction.logSumExpOf(s.sum(0), targets.length, j);
        return out;
    }
}
