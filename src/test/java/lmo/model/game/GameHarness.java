package lmo.model.game;

import lmo.particles.Block;
import lmo.particles.Gathered;
import lmo.particles.Reduction;
import lmo.particles.Summaries;
import lmo.model.Model;

/**
 * Runs one evaluation of a model on a fixed two-population state the way the engine does, without the engine:
 * round 0 (SUM over blocks, or GATHER), the global step, the first variation block by block with the metric
 * identities, and the metrics.
 */
final class GameHarness {
    final Model model;
    final Block[] blocks;
    final Summaries summaries;
    final double[][] v;
    final double[][] gradV;
    final double[] sums;

    /** Population 0 is x, 1 is y, each split into blocks of {@code blockSize}. */
    GameHarness(Model model, double[] x, double[] a, int dx, double[] y, double[] b, int dy, int blockSize) {
        this.model = model;
        java.util.List<Block> list = new java.util.ArrayList<>();
        int index = 0;
        double[][] pos = {x, y}, mass = {a, b};
        int[] dims = {dx, dy};
        for (int p = 0; p < 2; p++) {
            for (int start = 0; start < mass[p].length; start += blockSize) {
                int n = Math.min(blockSize, mass[p].length - start);
                list.add(new Block(p, index++, start, dims[p],
                        java.util.Arrays.copyOfRange(pos[p], start * dims[p], (start + n) * dims[p]),
                        java.util.Arrays.copyOfRange(mass[p], start, start + n)));
            }
        }
        blocks = list.toArray(new Block[0]);
        summaries = new Summaries(1);
        Reduction r = model.reduction(0);
        if (r.kind() == Reduction.Kind.GATHER) {
            summaries.set(0, new Gathered(new double[][] {x.clone(), y.clone()}, new double[][] {a.clone(), b.clone()}, dims));
        } else {
            double[] total = new double[r.length()];
            for (Block blk : blocks) {
                double[] out = new double[r.length()];
                model.partial(0, blk, summaries, out);
                for (int i = 0; i < out.length; i++) total[i] += out[i];
            }
            summaries.set(0, total);
        }
        model.globalStep(0, summaries);
        v = new double[blocks.length][];
        gradV = new double[blocks.length][];
        sums = identities();
        for (int k = 0; k < blocks.length; k++) {
            Block blk = blocks[k];
            v[k] = new double[blk.count()];
            gradV[k] = new double[blk.count() * blk.dim()];
            double[] s = identities();
            model.firstVariation(blk, summaries, v[k], gradV[k], s);
            for (int i = 0; i < s.length; i++) {
                switch (model.metricCombine(i)) {
                    case MAX -> sums[i] = Math.max(sums[i], s[i]);
                    case MIN -> sums[i] = Math.min(sums[i], s[i]);
                    default -> sums[i] += s[i];
                }
            }
        }
    }

    private double[] identities() {
        double[] m = new double[model.metricSumLength()];
        for (int i = 0; i < m.length; i++) {
            if (model.metricCombine(i) == Model.MetricCombine.MAX) m[i] = Double.NEGATIVE_INFINITY;
            if (model.metricCombine(i) == Model.MetricCombine.MIN) m[i] = Double.POSITIVE_INFINITY;
        }
        return m;
    }

    /** v of particle i of population p (population-wide id). */
    double v(int p, int i) {
        for (int k = 0; k < blocks.length; k++) {
            Block blk = blocks[k];
            if (blk.population() == p && i >= blk.firstId() && i < blk.firstId() + blk.count()) return v[k][(int) (i - blk.firstId())];
        }
        throw new IllegalArgumentException("no particle " + i + " in population " + p);
    }

    /** gradV coordinate c of particle i of population p. */
    double grad(int p, int i, int c) {
        for (int k = 0; k < blocks.length; k++) {
            Block blk = blocks[k];
            if (blk.population() == p && i >= blk.firstId() && i < blk.firstId() + blk.count()) {
                return gradV[k][(int) (i - blk.firstId()) * blk.dim() + c];
            }
        }
        throw new IllegalArgumentException("no particle " + i + " in population " + p);
    }

    double metric(String name) {
        int at = model.metricNames().indexOf(name);
        if (at < 0) throw new IllegalArgumentException("no metric " + name + " in " + model.metricNames());
        return model.metrics(summaries, sums)[at];
    }
}
