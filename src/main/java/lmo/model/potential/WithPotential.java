package lmo.model.potential;

import java.util.ArrayList;
import java.util.List;
import lmo.particles.Block;
import lmo.particles.Reduction;
import lmo.particles.Summaries;
import lmo.model.Model;

/**
 * Any model plus an external potential on one population: {@code F + int U dmu}, so {@code V += U} and
 * {@code grad V += grad U} there; the metric {@code potential} (= int U dmu) is added after the model's.
 */
public final class WithPotential implements Model {
    private final Model inner;
    private final int population;
    private final QuadraticPotential potential;

    public WithPotential(Model inner, int population, QuadraticPotential potential) {
        this.inner = inner;
        this.population = population;
        this.potential = potential;
    }

    @Override public int rounds() { return inner.rounds(); }
    @Override public Reduction reduction(int round) { return inner.reduction(round); }
    @Override public void partial(int round, Block b, Summaries done, double[] out) { inner.partial(round, b, done, out); }
    @Override public void globalStep(int round, Summaries s) { inner.globalStep(round, s); }
    @Override public int defaultBlockSize(int[] counts) { return inner.defaultBlockSize(counts); }
    @Override public double pairEvaluationsPerStep(int[] counts) { return inner.pairEvaluationsPerStep(counts); }

    @Override
    public void firstVariation(Block b, Summaries s, double[] v, double[] gradV, double[] sums) {
        inner.firstVariation(b, s, v, gradV, sums);
        if (b.population() != population) return;
        int dim = b.dim(), last = inner.metricSumLength();
        double[] x = b.x(), m = b.m();
        for (int i = 0, at = 0; i < b.count(); i++, at += dim) {
            double u = potential.value(x, at, dim);
            v[i] += u;
            potential.addGradient(x, at, dim, gradV);
            sums[last] += m[i] * u;
        }
    }

    @Override public int metricSumLength() { return inner.metricSumLength() + 1; }

    /** The potential term needs no summary: the inner model decides. */
    @Override public String staleSummaryProblem() { return inner.staleSummaryProblem(); }

    @Override public boolean partialsLinearInMass() { return inner.partialsLinearInMass(); }

    @Override
    public List<String> metricNames() {
        List<String> names = new ArrayList<>(inner.metricNames());
        names.add("potential");
        return names;
    }

    @Override
    public double[] metrics(Summaries s, double[] sums) {
        double[] in = inner.metrics(s, java.util.Arrays.copyOf(sums, inner.metricSumLength()));
        double[] out = java.util.Arrays.copyOf(in, in.length + 1);
        out[in.length] = sums[inner.metricSumLength()];
        return out;
    }
}
