package lmo.engine;

import java.util.List;
import lmo.particles.Gathered;
import lmo.particles.Population;
import lmo.particles.Reduction;

/**
 * Combines block results in block order, the same left fold whatever the placement: SUM partials are added
 * {@code ((p_0 + p_1) + p_2) + ...}; GATHER partials and collected states are copied into per-population arrays
 * in id order.
 */
final class Combiner {
    private final BlockLayout layout;
    private final List<Population> populations;

    Combiner(BlockLayout layout, List<Population> populations) {
        this.layout = layout;
        this.populations = populations;
    }

    Object combine(Reduction r, BlockReport[] byBlock) {
        return switch (r.kind()) {
            case GATHER -> gather(byBlock);
            case SUM, LOG_SUM_EXP -> fold(r, byBlock);
            case CONCAT -> concat(byBlock);
        };
    }

    /** The blocks' partials one after the other, in block order. */
    double[] concat(BlockReport[] byBlock) {
        int n = 0;
        for (BlockReport b : byBlock) n += b.partial().length;
        double[] out = new double[n];
        int at = 0;
        for (BlockReport b : byBlock) {
            System.arraycopy(b.partial(), 0, out, at, b.partial().length);
            at += b.partial().length;
        }
        return out;
    }

    /** SUM or LOG_SUM_EXP partials folded from the identity, block after block. */
    double[] fold(Reduction r, BlockReport[] byBlock) {
        double[] out = r.identity();
        for (BlockReport b : byBlock) r.fold(out, b.partial());
        return out;
    }

    /** Metric sums of all blocks, combined in block order (added, or the max or min, as the model says). */
    double[] metricSums(BlockReport[] byBlock, lmo.model.Model model) {
        int length = model.metricSumLength();
        double[] out = new double[length];
        lmo.model.Model.MetricCombine[] how = new lmo.model.Model.MetricCombine[length];
        for (int i = 0; i < length; i++) {
            how[i] = model.metricCombine(i);
            out[i] = how[i] == lmo.model.Model.MetricCombine.MAX ? Double.NEGATIVE_INFINITY
                    : how[i] == lmo.model.Model.MetricCombine.MIN ? Double.POSITIVE_INFINITY : 0;
        }
        for (BlockReport b : byBlock) {
            double[] m = b.metrics();
            for (int i = 0; i < length; i++) {
                out[i] = switch (how[i]) {
                    case SUM -> out[i] + m[i];
                    case MAX -> Math.max(out[i], m[i]);
                    case MIN -> Math.min(out[i], m[i]);
                };
            }
        }
        return out;
    }

    /** Per-population totals of a per-block mass, added in block order. */
    double[] massByPopulation(BlockReport[] byBlock, boolean after) {
        double[] out = new double[populations.size()];
        for (BlockReport b : byBlock) {
            out[layout.slot(b.block()).population()] += after ? b.massAfter() : b.massBefore();
        }
        return out;
    }

    Gathered gather(BlockReport[] byBlock) {
        int n = populations.size();
        double[][] x = new double[n][];
        double[][] m = new double[n][];
        double[][] sv = new double[n][];
        int[] dim = new int[n];
        int[] width = new int[n];
        for (Population p : populations) {
            x[p.index()] = new double[p.count() * p.dim()];
            m[p.index()] = new double[p.count()];
            sv[p.index()] = new double[p.count() * p.solverWidth()];
            dim[p.index()] = p.dim();
            width[p.index()] = p.solverWidth();
        }
        for (BlockReport b : byBlock) {
            BlockLayout.Slot s = layout.slot(b.block());
            int d = dim[s.population()], w = width[s.population()];
            System.arraycopy(b.x(), 0, x[s.population()], (int) s.firstId() * d, s.count() * d);
            System.arraycopy(b.m(), 0, m[s.population()], (int) s.firstId(), s.count());
            if (w > 0) System.arraycopy(b.s(), 0, sv[s.population()], (int) s.firstId() * w, s.count() * w);
        }
        return new Gathered(x, m, dim, sv, width);
    }
}
