package lmo.model.potential;

import java.util.List;
import lmo.particles.Block;
import lmo.particles.Reduction;
import lmo.particles.Summaries;
import lmo.model.Model;

/**
 * A population in an external potential alone, {@code F(mu) = int U dmu}, so {@code V = U}: no interaction and no
 * summary to reduce. With {@code langevin} this is the test bed of the noise (the Ornstein–Uhlenbeck chain).
 * Metrics: {@code energy} = F, and {@code variance} = the mass-weighted variance per coordinate of the population
 * ({@code (E|x|^2 - |E x|^2) / dim}).
 */
public final class PotentialModel implements Model {
    private final int population;
    private final int dim;
    private final QuadraticPotential potential;

    public PotentialModel(int population, int dim, QuadraticPotential potential) {
        this.population = population;
        this.dim = dim;
        this.potential = potential;
    }

    @Override public Reduction reduction(int round) { return Reduction.sum(0); }

    @Override public void partial(int round, Block block, Summaries done, double[] out) {}

    @Override
    public void firstVariation(Block b, Summaries s, double[] v, double[] gradV, double[] sums) {
        if (b.population() != population) return;
        double[] x = b.x(), m = b.m();
        for (int i = 0, at = 0; i < b.count(); i++, at += dim) {
            v[i] = potential.value(x, at, dim);
            potential.addGradient(x, at, dim, gradV);
            sums[0] += m[i] * v[i];
            sums[1] += m[i];
            double sq = 0;
            for (int c = 0; c < dim; c++) {
                sums[2 + c] += m[i] * x[at + c];
                sq += x[at + c] * x[at + c];
            }
            sums[2 + dim] += m[i] * sq;
        }
    }

    @Override public int metricSumLength() { return dim + 3; }

    /** No interaction: the summary is empty, so a stale one changes nothing. */
    @Override public String staleSummaryProblem() { return null; }

    @Override public boolean partialsLinearInMass() { return true; }

    @Override public List<String> metricNames() { return List.of("energy", "variance"); }

    @Override
    public double[] metrics(Summaries s, double[] sums) {
        double mass = sums[1];
        double meanSq = 0;
        for (int c = 0; c < dim; c++) meanSq += (sums[2 + c] / mass) * (sums[2 + c] / mass);
        return new double[] {sums[0], (sums[2 + dim] / mass - meanSq) / dim};
    }
}
