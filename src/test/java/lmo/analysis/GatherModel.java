package lmo.analysis;

import java.util.List;
import lmo.particles.Block;
import lmo.particles.Gathered;
import lmo.particles.Reduction;
import lmo.particles.Summaries;
import lmo.model.Model;

/** A one-round GATHER test model: V and grad V of every particle from the whole state, no metrics. */
abstract class GatherModel implements Model {
    @Override public Reduction reduction(int round) { return Reduction.gather(); }

    @Override
    public void firstVariation(Block b, Summaries s, double[] v, double[] gradV, double[] sums) {
        Gathered g = s.gathered(0);
        for (int i = 0; i < b.count(); i++) {
            double[] grad = new double[b.dim()];
            v[i] = value(g, b.population(), b.x(), i * b.dim(), grad);
            System.arraycopy(grad, 0, gradV, i * b.dim(), b.dim());
        }
    }

    /** V at the point {@code x[at .. at+dim)} of population p, its gradient into {@code grad}. */
    abstract double value(Gathered state, int p, double[] x, int at, double[] grad);

    @Override public int metricSumLength() { return 0; }
    @Override public List<String> metricNames() { return List.of(); }
    @Override public double[] metrics(Summaries s, double[] sums) { return new double[0]; }
}
