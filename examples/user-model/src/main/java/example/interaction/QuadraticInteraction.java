package example.interaction;

import java.util.List;
import lmo.model.Model;
import lmo.particles.Block;
import lmo.particles.Reduction;
import lmo.particles.Summaries;

/**
 * An interaction energy plus a confining potential,
 * {@code F(mu) = int kappa |x|^2 / 2 dmu(x) + 1/2 iint a |x - y|^2 / 2 dmu(x) dmu(y)} on R^d (kappa > 0, a >= 0),
 * whose first variation needs one summed summary: with {@code M = sum_j m_j}, {@code S1 = sum_j m_j x_j},
 * {@code S2 = sum_j m_j |x_j|^2},
 * <pre>
 *   V(x) = kappa |x|^2 / 2 + a (M |x|^2 - 2 x.S1 + S2) / 2,    grad V(x) = kappa x + a (M x - S1),
 *   F    = kappa S2 / 2 + a (M S2 - |S1|^2) / 2.
 * </pre>
 * Under {@code wasserstein} with step eta and mass 1 the step is affine, so it has a closed form: the mean
 * contracts by {@code 1 - eta kappa} per step and every particle's offset from the mean by
 * {@code 1 - eta (kappa + a)}; the energy is {@code kappa |mean|^2 / 2 + (kappa + a) d var / 2} with var the variance
 * per coordinate. Under {@code langevin} at temperature T the stationary state is centred, with variance per
 * coordinate {@code T / ((kappa + a)(1 - eta (kappa + a) / 2))} for the Euler chain (T / (kappa + a) as eta -> 0),
 * up to the O(1/N) fluctuation of the mean. The explicit step is stable for {@code eta (kappa + a M) < 2}.
 *
 * <p>Metrics: {@code energy} (F), {@code meanNorm} ({@code |S1| / M}) and {@code variance}
 * ({@code (S2 / M - |S1 / M|^2) / d}), all of the state the first variation is evaluated at.
 */
public final class QuadraticInteraction implements Model {
    private final int population;
    private final int dim;
    private final double kappa;
    private final double a;

    /**
     * @param population the index of the population the model acts on
     * @param dim its dimension
     * @param kappa the confinement, > 0
     * @param a the interaction strength, >= 0
     */
    public QuadraticInteraction(int population, int dim, double kappa, double a) {
        if (!(kappa > 0) || !(a >= 0)) throw new IllegalArgumentException("need kappa > 0 and a >= 0");
        this.population = population;
        this.dim = dim;
        this.kappa = kappa;
        this.a = a;
    }

    /** Round 0 sums {@code (M, S1[0..d), S2)} over the blocks, in block order. */
    @Override public Reduction reduction(int round) { return Reduction.sum(dim + 2); }

    @Override
    public void partial(int round, Block b, Summaries done, double[] out) {
        if (b.population() != population) return;
        double[] x = b.x(), m = b.m();
        for (int i = 0, at = 0; i < b.count(); i++, at += dim) {
            double sq = 0;
            for (int c = 0; c < dim; c++) {
                out[1 + c] += m[i] * x[at + c];
                sq += x[at + c] * x[at + c];
            }
            out[0] += m[i];
            out[dim + 1] += m[i] * sq;
        }
    }

    @Override
    public void firstVariation(Block b, Summaries s, double[] v, double[] gradV, double[] metricSums) {
        if (b.population() != population) return;
        double[] sum = s.sum(0);
        double mass = sum[0], s2 = sum[dim + 1];
        double[] x = b.x();
        for (int i = 0, at = 0; i < b.count(); i++, at += dim) {
            double sq = 0, dot = 0;
            for (int c = 0; c < dim; c++) {
                double xc = x[at + c];
                sq += xc * xc;
                dot += xc * sum[1 + c];
                gradV[at + c] = kappa * xc + a * (mass * xc - sum[1 + c]);
            }
            v[i] = kappa * sq / 2 + a * (mass * sq - 2 * dot + s2) / 2;
        }
    }

    @Override public int metricSumLength() { return 0; }

    @Override public List<String> metricNames() { return List.of("energy", "meanNorm", "variance"); }

    @Override
    public double[] metrics(Summaries s, double[] metricSums) {
        double[] sum = s.sum(0);
        double mass = sum[0], s2 = sum[dim + 1], s1sq = 0;
        for (int c = 0; c < dim; c++) s1sq += sum[1 + c] * sum[1 + c];
        double energy = kappa * s2 / 2 + a * (mass * s2 - s1sq) / 2;
        return new double[] {energy, Math.sqrt(s1sq) / mass, (s2 / mass - s1sq / (mass * mass)) / dim};
    }
}
