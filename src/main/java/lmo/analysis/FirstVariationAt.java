package lmo.analysis;

import lmo.particles.Block;
import lmo.particles.Gathered;
import lmo.particles.Reduction;
import lmo.particles.Summaries;
import lmo.model.Model;

/**
 * {@code (v_p, gradV_p) = (V(x_i), grad V(x_i))} of a {@link Model} at a given state, for every population p, without
 * actors: one {@link Block} per population (block index = population index, first id 0), and each reduce round
 * combined as the engine combines it — SUM: the blocks' {@link Model#partial partials} added in block order; CONCAT:
 * the blocks' rows concatenated in block order; GATHER: the state itself — followed by {@link Model#globalStep}.
 * Then {@link Model#firstVariation} on every block. With one block per population the result is the engine's own
 * whenever the engine's block size is at least every population's count, and equal up to rounding otherwise.
 *
 * <p>The state is copied; the model's metric sums are computed and dropped.
 */
public final class FirstVariationAt {
    private FirstVariationAt() {}

    /**
     * V and its ambient gradient at every particle.
     *
     * @param v {@code v[p][i]}: V at particle i of population p
     * @param gradV {@code gradV[p][i*dim + c]}: its gradient (the model's descent form; zero for populations the model
     *     does not act on)
     */
    public record Result(double[][] v, double[][] gradV) {}

    /** The first variation of {@code model} at {@code state} (positions and masses of every population, in id order). */
    public static Result evaluate(Model model, Gathered state) {
        int n = state.m().length;
        Block[] blocks = new Block[n];
        for (int p = 0; p < n; p++) {
            blocks[p] = new Block(p, p, 0, state.dim()[p], state.x()[p].clone(), state.m()[p].clone());
        }
        Gathered gathered = copy(state);
        Summaries summaries = new Summaries(model.rounds());
        for (int r = 0; r < model.rounds(); r++) {
            summaries.set(r, reduce(model, r, blocks, summaries, gathered));
            model.globalStep(r, summaries);
        }
        double[][] v = new double[n][];
        double[][] g = new double[n][];
        for (Block b : blocks) {
            v[b.population()] = new double[b.count()];
            g[b.population()] = new double[b.count() * b.dim()];
            model.firstVariation(b, summaries, v[b.population()], g[b.population()], metricIdentities(model));
        }
        return new Result(v, g);
    }

    /** Round r's combined summary, in block order. */
    private static Object reduce(Model model, int r, Block[] blocks, Summaries done, Gathered gathered) {
        Reduction red = model.reduction(r);
        switch (red.kind()) {
            case GATHER:
                return gathered;
            case SUM:
            case LOG_SUM_EXP: {
                double[] out = red.identity();
                for (Block b : blocks) {
                    double[] part = red.identity();
                    model.partial(r, b, done, part);
                    red.fold(out, part);
                }
                return out;
            }
            default: {
                int rows = 0;
                for (Block b : blocks) rows += b.count();
                double[] out = new double[rows * red.length()];
                int at = 0;
                for (Block b : blocks) {
                    double[] part = new double[b.count() * red.length()];
                    model.partial(r, b, done, part);
                    System.arraycopy(part, 0, out, at, part.length);
                    at += part.length;
                }
                return out;
            }
        }
    }

    private static Gathered copy(Gathered s) {
        double[][] x = new double[s.x().length][];
        double[][] m = new double[s.m().length][];
        for (int p = 0; p < x.length; p++) {
            x[p] = s.x()[p].clone();
            m[p] = s.m()[p].clone();
        }
        return new Gathered(x, m, s.dim().clone());
    }

    /** Zero for summed entries, -Infinity for MAX, +Infinity for MIN, as the engine hands them out. */
    private static double[] metricIdentities(Model model) {
        double[] m = new double[model.metricSumLength()];
        for (int i = 0; i < m.length; i++) {
            if (model.metricCombine(i) == Model.MetricCombine.MAX) m[i] = Double.NEGATIVE_INFINITY;
            if (model.metricCombine(i) == Model.MetricCombine.MIN) m[i] = Double.POSITIVE_INFINITY;
        }
        return m;
    }
}
