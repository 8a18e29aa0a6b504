package lmo.model.kernel;

import java.util.Arrays;
import lmo.particles.Block;
import lmo.particles.Gathered;
import lmo.particles.Reduction;
import lmo.particles.Summaries;
import lmo.model.Model;

/** The engine's step without actors: blocks in id order, summaries reduced in block order, then V block by block. */
final class PlainLoop {
    private PlainLoop() {}

    /** V, grad V (per population) and the metrics at one state. */
    record Result(double[][] v, double[][] grad, double[] metrics) {
        double energy() { return metrics[0]; }
    }

    static Result evaluate(Model model, double[] x, double[] m, int dim, int blockSize) {
        return evaluate(model, new double[][] {x}, new double[][] {m}, new int[] {dim}, blockSize);
    }

    static double energy(Model model, double[] x, double[] m, int dim) {
        return evaluate(model, x, m, dim, 256).energy();
    }

    static Result evaluate(Model model, double[][] xs, double[][] ms, int[] dims, int blockSize) {
        return evaluate(model, xs, ms, dims, blockSize, 1);
    }

    /** With {@code threads > 1}, partials and first variations of the blocks run concurrently (results still combined in block order). */
    static Result evaluate(Model model, double[][] xs, double[][] ms, int[] dims, int blockSize, int threads) {
        int pops = xs.length;
        java.util.List<Block> blocks = new java.util.ArrayList<>();
        for (int p = 0; p < pops; p++) {
            int n = ms[p].length;
            for (int b = 0; b < n; b += blockSize) {
                int c = Math.min(blockSize, n - b);
                blocks.add(new Block(p, blocks.size(), b, dims[p], Arrays.copyOfRange(xs[p], b * dims[p], (b + c) * dims[p]),
                    Arrays.copyOfRange(ms[p], b, b + c)));
            }
        }
        Summaries summaries = new Summaries(model.rounds());
        for (int r = 0; r < model.rounds(); r++) {
            Reduction red = model.reduction(r);
            if (red.kind() == Reduction.Kind.GATHER) {
                double[][] gx = new double[pops][];
                double[][] gm = new double[pops][];
                for (int p = 0; p < pops; p++) { gx[p] = xs[p].clone(); gm[p] = ms[p].clone(); }
                summaries.set(r, new Gathered(gx, gm, dims.clone()));
            } else {
                double[] total = new double[red.length()];
                int round = r;
                double[][] parts = run(blocks.size(), threads, bi -> {
                    double[] part = new double[red.length()];
                    model.partial(round, blocks.get(bi), summaries, part);
                    return part;
                });
                for (double[] part : parts) for (int k = 0; k < part.length; k++) total[k] += part[k];
                summaries.set(r, total);
            }
        }
        double[][] v = new double[pops][];
        double[][] g = new double[pops][];
        for (int p = 0; p < pops; p++) { v[p] = new double[ms[p].length]; g[p] = new double[xs[p].length]; }
        double[] metricSums = new double[model.metricSumLength()];
        double[][] out = run(blocks.size(), threads, bi -> {
            Block b = blocks.get(bi);
            double[] res = new double[metricSums.length + b.count() * (1 + b.dim())];
            Arrays.fill(res, Double.NaN);
            double[] bv = new double[b.count()];
            double[] bg = new double[b.count() * b.dim()];
            Arrays.fill(bv, Double.NaN);
            Arrays.fill(bg, Double.NaN);
            double[] part = new double[metricSums.length];
            model.firstVariation(b, summaries, bv, bg, part);
            System.arraycopy(part, 0, res, 0, part.length);
            System.arraycopy(bv, 0, res, part.length, bv.length);
            System.arraycopy(bg, 0, res, part.length + bv.length, bg.length);
            return res;
        });
        for (int bi = 0; bi < blocks.size(); bi++) {
            Block b = blocks.get(bi);
            double[] part = Arrays.copyOfRange(out[bi], 0, metricSums.length);
            double[] bv = Arrays.copyOfRange(out[bi], metricSums.length, metricSums.length + b.count());
            double[] bg = Arrays.copyOfRange(out[bi], metricSums.length + b.count(), out[bi].length);
            for (int k = 0; k < part.length; k++) metricSums[k] += part[k];
            int p = b.population();
            System.arraycopy(bv, 0, v[p], (int) b.firstId(), b.count());
            System.arraycopy(bg, 0, g[p], (int) b.firstId() * b.dim(), b.count() * b.dim());
        }
        return new Result(v, g, model.metrics(summaries, metricSums));
    }

    private static double[][] run(int n, int threads, java.util.function.IntFunction<double[]> task) {
        double[][] out = new double[n][];
        if (threads <= 1) {
            for (int i = 0; i < n; i++) out[i] = task.apply(i);
            return out;
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<double[]>>();
            for (int i = 0; i < n; i++) { int bi = i; futures.add(pool.submit(() -> task.apply(bi))); }
            for (int i = 0; i < n; i++) out[i] = futures.get(i).get();
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
        return out;
    }
}
