package lmo.model.neural;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import lmo.particles.Block;
import lmo.particles.Gathered;
import lmo.particles.Reduction;
import lmo.particles.Summaries;
import lmo.model.Model;

/**
 * The engine's step without actors, as the engine does it: blocks population by population in id order; SUM
 * partials added in block order, CONCAT rows concatenated in block order (blocks of other populations write zero rows,
 * as BlockWorker allocates them), GATHER in id order; the global step after each round; then V block by block and
 * the metric sums added in block order.
 */
final class Harness {
    private Harness() {}

    record Result(double[] v, double[] grad, double[] metrics, Summaries summaries, List<String> names) {
        double metric(String name) {
            int i = names.indexOf(name);
            if (i < 0) throw new IllegalArgumentException("no metric " + name + " in " + names);
            return metrics[i];
        }
    }

    static List<Block> blocks(double[][] xs, double[][] ms, int[] dims, int blockSize) {
        List<Block> blocks = new ArrayList<>();
        for (int p = 0; p < xs.length; p++) {
            int n = ms[p].length;
            for (int b = 0; b < n; b += blockSize) {
                int c = Math.min(blockSize, n - b);
                blocks.add(new Block(p, blocks.size(), b, dims[p], Arrays.copyOfRange(xs[p], b * dims[p], (b + c) * dims[p]),
                    Arrays.copyOfRange(ms[p], b, b + c)));
            }
        }
        return blocks;
    }

    static Summaries reduce(Model model, double[][] xs, double[][] ms, int[] dims, int blockSize) {
        List<Block> blocks = blocks(xs, ms, dims, blockSize);
        Summaries s = new Summaries(model.rounds());
        for (int r = 0; r < model.rounds(); r++) {
            Reduction red = model.reduction(r);
            if (red.kind() == Reduction.Kind.GATHER) {
                double[][] gx = new double[xs.length][];
                double[][] gm = new double[xs.length][];
                for (int p = 0; p < xs.length; p++) { gx[p] = xs[p].clone(); gm[p] = ms[p].clone(); }
                s.set(r, new Gathered(gx, gm, dims.clone()));
            } else if (red.kind() == Reduction.Kind.SUM) {
                double[] total = new double[red.length()];
                for (Block b : blocks) {
                    double[] part = new double[red.length()];
                    model.partial(r, b, s, part);
                    for (int k = 0; k < part.length; k++) total[k] += part[k];
                }
                s.set(r, total);
            } else {
                List<double[]> parts = new ArrayList<>();
                int len = 0;
                for (Block b : blocks) {
                    double[] part = new double[red.length() * b.count()];
                    model.partial(r, b, s, part);
                    parts.add(part);
                    len += part.length;
                }
                double[] all = new double[len];
                int at = 0;
                for (double[] part : parts) { System.arraycopy(part, 0, all, at, part.length); at += part.length; }
                s.set(r, all);
            }
            model.globalStep(r, s);
        }
        return s;
    }

    /** V, grad V of population {@code pop} and the metrics, with the given summaries. */
    static Result firstVariation(Model model, Summaries s, double[][] xs, double[][] ms, int[] dims, int blockSize, int pop) {
        List<Block> blocks = blocks(xs, ms, dims, blockSize);
        double[] v = new double[ms[pop].length];
        double[] g = new double[xs[pop].length];
        double[] sums = new double[model.metricSumLength()];
        for (Block b : blocks) {
            double[] bv = new double[b.count()];
            double[] bg = new double[b.count() * b.dim()];
            Arrays.fill(bv, Double.NaN);
            Arrays.fill(bg, Double.NaN);
            double[] part = new double[sums.length];
            model.firstVariation(b, s, bv, bg, part);
            for (int k = 0; k < sums.length; k++) sums[k] += part[k];
            if (b.population() == pop) {
                System.arraycopy(bv, 0, v, (int) b.firstId(), b.count());
                System.arraycopy(bg, 0, g, (int) b.firstId() * b.dim(), bg.length);
            }
        }
        return new Result(v, g, model.metrics(s, sums), s, model.metricNames());
    }

    static Result evaluate(Model model, double[] x, double[] m, int dim, int blockSize) {
        double[][] xs = {x};
        double[][] ms = {m};
        int[] dims = {dim};
        Summaries s = reduce(model, xs, ms, dims, blockSize);
        return firstVariation(model, s, xs, ms, dims, blockSize, 0);
    }
}
