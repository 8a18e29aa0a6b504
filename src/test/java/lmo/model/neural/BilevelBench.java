package lmo.model.neural;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import lmo.particles.Block;
import lmo.particles.Gathered;
import lmo.particles.Summaries;

/**
 * Benchmark (not a test): one step of the {@code bilevel} readout, single-threaded, split into its parts — the Gram
 * rows (round 1 partials of all blocks), the N x N Cholesky solve (the global step on the scheduler), the predictions
 * (round 2) and V — for n = 2048 samples in d = 10 (bias off) and N given on the command line; and the same for the
 * population loss (d = 3).
 *
 * <pre>java --add-modules jdk.incubator.vector -cp target/classes:target/test-classes:$CP lmo.model.neural.BilevelBench 500 1000 2000</pre>
 */
public final class BilevelBench {
    public static void main(String[] args) {
        for (String arg : args) {
            int nN = Integer.parseInt(arg);
            run(nN, false);
            run(nN, true);
        }
    }

    static void run(int nN, boolean population) {
        int d = population ? 3 : 10, n = 2048, bs = 256;
        Random rnd = new Random(1);
        double[] x = new double[nN * d];
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextGaussian();
        for (int i = 0; i < nN; i++) Teacher.normalize(x, i * d, d);
        double[] m = new double[nN];
        Arrays.fill(m, 1.0 / nN);
        Teacher t = Teacher.random(population ? 1 : 5, d, false, Activation.RELU, 3);
        TwoLayerModel.Builder b = TwoLayerModel.builder(Readout.BILEVEL).regularization(0.1).initialState(x, m);
        TwoLayerModel model = population ? b.populationLoss(t).build()
            : b.data(Datasets.teacherStudent(t).count(n).seed(2).build()).build();
        List<Block> blocks = Harness.blocks(new double[][] {x}, new double[][] {m}, new int[] {d}, bs);
        int reps = nN >= 2000 ? 3 : 5;
        double[] tRows = new double[reps], tSolve = new double[reps], tPred = new double[reps], tV = new double[reps];
        for (int rep = 0; rep < reps; rep++) {
            Summaries s = new Summaries(model.rounds());
            s.set(0, new Gathered(new double[][] {x.clone()}, new double[][] {m.clone()}, new int[] {d}));
            long t0 = System.nanoTime();
            double[] rows = new double[nN * (nN + 1)];
            int at = 0;
            for (Block blk : blocks) {
                double[] part = new double[blk.count() * (nN + 1)];
                model.partial(1, blk, s, part);
                System.arraycopy(part, 0, rows, at, part.length);
                at += part.length;
            }
            s.set(1, rows);
            long t1 = System.nanoTime();
            model.globalStep(1, s);
            long t2 = System.nanoTime();
            if (!population) {
                double[] f = new double[model.reduction(2).length()];
                for (Block blk : blocks) {
                    double[] part = new double[f.length];
                    model.partial(2, blk, s, part);
                    for (int k = 0; k < f.length; k++) f[k] += part[k];
                }
                s.set(2, f);
            }
            long t3 = System.nanoTime();
            double[] v = new double[bs];
            double[] g = new double[bs * d];
            double[] sums = new double[model.metricSumLength()];
            for (Block blk : blocks) model.firstVariation(blk, s, v, g, sums);
            long t4 = System.nanoTime();
            tRows[rep] = (t1 - t0) / 1e6;
            tSolve[rep] = (t2 - t1) / 1e6;
            tPred[rep] = (t3 - t2) / 1e6;
            tV[rep] = (t4 - t3) / 1e6;
            if (rep == reps - 1) {
                System.out.printf("bilevel %s N=%d %s: rows %.0f ms, Cholesky solve %.0f ms, predictions %.0f ms, V %.0f ms (last of %d; first: rows %.0f, solve %.0f); J = %.6g%n",
                    population ? "population d=3" : "samples n=2048 d=10", nN, "single thread", tRows[rep], tSolve[rep], tPred[rep], tV[rep],
                    reps, tRows[0], tSolve[0], model.metrics(s, sums)[1]);
            }
        }
    }
}
