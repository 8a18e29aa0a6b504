package lmo.model.neural;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import lmo.io.Npy;
import lmo.io.Table;

/**
 * Benchmark harness (not a test): the two hot loops of a W3 step (N = 10000 neurons, n = 2048, d = 10), single-threaded,
 * in thread CPU time: the predictions ({@link Loops#reluPredict}) and the gradient sums ({@link Loops#reluGradient}) of
 * every 4-neuron tile, for each implementation named, alternating; checks every implementation's bits against the first.
 * The vector loops need about ten repetitions to reach their compiled speed: give 20 or more.
 *
 * <pre>
 *   java --add-modules jdk.incubator.vector -cp target/classes:target/test-classes:$(cat cp.txt) \
 *       lmo.model.neural.W3KernelBench [dataDir] [reps] [impl ...]
 * </pre>
 */
public final class W3KernelBench {
    static Map<String, Supplier<Loops>> impls() {
        Map<String, Supplier<Loops>> m = new LinkedHashMap<>();
        m.put("vector", VectorLoops::new);
        m.put("lane", LaneLoops::new);
        m.put("wide", WideLoops::new);                        // alone in its JVM: widths mixed in one JVM box (JDK 17)
        return m;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/work/shared/bench/data");
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> names = new ArrayList<>(args.length > 2 ? Arrays.asList(args).subList(2, args.length) : List.of("vector"));
        Table tx = Npy.read(dir.resolve("w3_X.npy"));
        Table ty = Npy.read(dir.resolve("w3_y.npy"));
        Table tw = Npy.read(dir.resolve("w3_W0.npy"));
        Table ta = Npy.read(dir.resolve("w3_a0.npy"));
        int d = tx.cols(), nN = tw.rows();
        SampleSet s = new SampleSet(tx.data(), ty.data(), d, false);
        double[] r = new double[s.nPad];
        for (int k = 0; k < s.n; k++) r[k] = (0.3 - s.y[k]) / s.n;
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Loops[] loops = new Loops[names.size()];
        for (int q = 0; q < loops.length; q++) loops[q] = impls().get(names.get(q)).get();
        double[][] rw = new double[loops.length][];
        for (int q = 0; q < loops.length; q++) rw[q] = loops[q].gradientWeights(r);
        double[][] tp = new double[loops.length][reps], tg = new double[loops.length][reps];
        double[][] ref = null;
        String[] same = new String[loops.length];
        for (int rep = 0; rep < reps; rep++) {
            for (int q = 0; q < loops.length; q++) {
                double[] f = new double[s.nPad];
                double[] w4 = new double[4 * d], c4 = new double[4];
                long c0 = mx.getCurrentThreadCpuTime();
                for (int first = 0; first < nN; first += 4) {
                    System.arraycopy(tw.data(), first * d, w4, 0, 4 * d);
                    System.arraycopy(ta.data(), first, c4, 0, 4);
                    loops[q].reluPredict(w4, c4, s, f);
                }
                long c1 = mx.getCurrentThreadCpuTime();
                double[] h = new double[4 * s.nPad], qq = new double[4 * s.nPad], s4 = new double[4], g4 = new double[4 * d];
                double[] s0 = new double[nN], g = new double[nN * d];
                for (int first = 0; first < nN; first += 4) {
                    System.arraycopy(tw.data(), first * d, w4, 0, 4 * d);
                    loops[q].reluGradient(w4, s, rw[q], h, qq, s4, g4);
                    System.arraycopy(s4, 0, s0, first, 4);
                    System.arraycopy(g4, 0, g, first * d, 4 * d);
                }
                long c2 = mx.getCurrentThreadCpuTime();
                tp[q][rep] = (c1 - c0) * 1e-6;
                tg[q][rep] = (c2 - c1) * 1e-6;
                if (System.getProperty("verbose") != null) System.out.printf("  %s rep %d: %.1f %.1f%n", names.get(q), rep, tp[q][rep], tg[q][rep]);
                if (ref == null) { ref = new double[][] {f, s0, g}; same[q] = "(reference)"; }
                else if (rep == 0) same[q] = Arrays.equals(ref[0], f) && Arrays.equals(ref[1], s0) && Arrays.equals(ref[2], g)
                    ? "same bits" : "BITS DIFFER";
            }
        }
        for (int q = 0; q < loops.length; q++) {
            double[] a = Arrays.copyOfRange(tp[q], reps / 2, reps), b = Arrays.copyOfRange(tg[q], reps / 2, reps);
            Arrays.sort(a);
            Arrays.sort(b);
            double pa = a[a.length / 2], pb = b[b.length / 2];
            System.out.printf("%-10s predictions %.1f ms, gradient %.1f ms, sum %.1f ms (medians of the second half, cpu, single thread;"
                + " fastest %.1f + %.1f)  %s%n", names.get(q), pa, pb, pa + pb, a[0], b[0], same[q]);
        }
    }
}
