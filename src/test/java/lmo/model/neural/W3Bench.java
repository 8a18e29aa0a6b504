package lmo.model.neural;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import lmo.particles.Block;
import lmo.particles.Summaries;
import lmo.io.Npy;
import lmo.io.Table;

/**
 * Benchmark W3 (not a test): one full step of {@code coordinate} + {@code wasserstein}, single-threaded — the round-0
 * partials of all blocks (predictions), their block-ordered sum, then V and grad V of all blocks and the Euler
 * update — on the exact W3 arrays ({@code ../shared/bench/data/w3_*.npy}, N = 10000, n = 2048, d = 10, lr = 2).
 * Prints ms per step and checks loss_init and the loss after 100 steps against the NumPy reference values.
 *
 * <pre>
 *   mvn -q -B test-compile && java --add-modules jdk.incubator.vector -cp target/classes:target/test-classes:$(cat cp.txt) \
 *       lmo.model.neural.W3Bench [dataDir] [N] [blockSize] [steps] [activation]
 * </pre>
 */
public final class W3Bench {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/work/shared/bench/data");
        int nN = args.length > 1 ? Integer.parseInt(args[1]) : 10000;
        int bs = args.length > 2 ? Integer.parseInt(args[2]) : 256;
        int steps = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        Activation act = args.length > 4 ? Activation.parse(args[4]) : Activation.RELU;
        Table tx = Npy.read(dir.resolve("w3_X.npy"));
        Table ty = Npy.read(dir.resolve("w3_y.npy"));
        Table tw = Npy.read(dir.resolve("w3_W0.npy"));
        Table ta = Npy.read(dir.resolve("w3_a0.npy"));
        int n = tx.rows(), d = tx.cols(), dim = 1 + d;
        double[] theta = new double[nN * dim];
        double[] m = new double[nN];
        for (int i = 0; i < nN; i++) {
            theta[i * dim] = ta.data()[i];
            System.arraycopy(tw.data(), i * d, theta, i * dim + 1, d);
            m[i] = 1.0 / nN;
        }
        TwoLayerModel model = TwoLayerModel.builder(Readout.COORDINATE).activation(act)
            .data(Datasets.fromArrays(d, tx.data(), ty.data(), null, null)).initialState(theta, m).build();
        List<Block> blocks = Harness.blocks(new double[][] {theta}, new double[][] {m}, new int[] {dim}, bs);
        int len = model.reduction(0).length();
        double[] v = new double[bs];
        double[] g = new double[bs * dim];
        double[] times = new double[steps];
        double loss0 = Double.NaN, loss = Double.NaN;
        long tPartial = 0, tFirst = 0;
        for (int s = 0; s <= steps; s++) {
            long t0 = System.nanoTime();
            Summaries sum = new Summaries(1);
            double[] f = new double[len];
            double[] part = new double[len];
            for (Block b : blocks) {
                Arrays.fill(part, 0.0);
                model.partial(0, b, sum, part);
                for (int k = 0; k < len; k++) f[k] += part[k];
            }
            sum.set(0, f);
            long t1 = System.nanoTime();
            double[] sums = new double[model.metricSumLength()];
            for (Block b : blocks) {
                double[] ms = new double[sums.length];
                model.firstVariation(b, sum, v, g, ms);
                for (int k = 0; k < sums.length; k++) sums[k] += ms[k];
                double[] x = b.x();
                for (int q = 0; q < b.count() * dim; q++) x[q] -= 2.0 * g[q];
            }
            long t2 = System.nanoTime();
            loss = model.metrics(sum, sums)[0];
            if (s == 0) loss0 = loss;
            if (s < steps) {
                times[s] = (t2 - t0) / 1e6;
                if (s >= steps / 2) { tPartial += t1 - t0; tFirst += t2 - t1; }
            }
        }
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        int half = steps - steps / 2;
        System.out.printf("W3 " + act.key() + " N=%d n=%d d=%d blockSize=%d: median %.1f ms/step (min %.1f, first %.1f); second half: partial %.1f ms, firstVariation+update %.1f ms%n",
            nN, n, d, bs, sorted[steps / 2], sorted[0], times[0], tPartial / 1e6 / half, tFirst / 1e6 / half);
        System.out.printf("loss_init %.17g (NumPy 0.011485139401011155 for N=10000)%nloss after %d steps %.17g (NumPy 0.00015958174242402927 for N=10000, 100 steps)%n",
            loss0, steps, loss);
    }
}
