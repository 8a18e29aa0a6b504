package lmo.model.kernel;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Benchmark harness (not a test): the W4 Gaussian pair sums (d = 2, sigma = 0.1, N = M) of one step, block by block
 * (256 points), single-threaded, timed in thread CPU time (so other work on the machine counts less), for each
 * implementation named ({@code vector256}, {@code vector512}, {@code lane}), round robin; checks every
 * implementation's bits against the first and prints the bytes each allocated (a boxed vector shows as hundreds of
 * MB). Under JDK 17 run one vector width per JVM: a JVM that runs both makes C2 box (see {@link lmo.numeric.VectorWidth}).
 * {@code -Dverbose} prints every repetition. Single-threaded figures understate the engine's: on two busy cores the
 * 512-bit loop was 1.8x the 256-bit one, alone on one core 1.1x to 1.6x (JDK 17, 25).
 *
 * <pre>
 *   mvn -q -B test-compile && java --add-modules jdk.incubator.vector -cp target/classes:target/test-classes \
 *       lmo.model.kernel.W4KernelBench [N] [reps] [impl ...]
 * </pre>
 */
public final class W4KernelBench {
    static Map<String, Supplier<PairSums>> impls() {
        Map<String, Supplier<PairSums>> m = new LinkedHashMap<>();
        m.put("vector256", () -> new VectorPairSums(256));
        m.put("vector512", () -> new VectorPairSums(512));
        m.put("lane", LanePairSums::new);
        return m;
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 4096;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> names = new ArrayList<>(args.length > 2 ? Arrays.asList(args).subList(2, args.length) : List.of("vector256"));
        double[] x = GaussianW4Test.sources(n);
        double[] y = GaussianW4Test.targets(n);
        int nPad = PairSums.pad(n);
        int total = 2 * nPad;
        double[][] z = new double[2][total];
        double[] w = new double[total];
        for (int j = 0; j < n; j++) {
            z[0][j] = x[2 * j]; z[1][j] = x[2 * j + 1]; w[j] = 1.0 / n;
            z[0][nPad + j] = y[2 * j]; z[1][nPad + j] = y[2 * j + 1]; w[nPad + j] = -1.0 / n;
        }
        double param = -1 / (2 * 0.1 * 0.1);
        int bs = 256;
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] alloc = new long[names.size()];
        double pairs = (double) n * 2 * n;
        double[][] ref = null;
        double[][] times = new double[names.size()][reps];
        String[] same = new String[names.size()];
        PairSums[] ps = new PairSums[names.size()];
        for (int q = 0; q < names.size(); q++) ps[q] = impls().get(names.get(q)).get();
        for (int rep = 0; rep < reps; rep++) {
            for (int q = 0; q < names.size(); q++) {       // round robin: load changes hit every implementation alike
                double[] s0 = new double[n], s1 = new double[n], g = new double[2 * n];
                long c0 = mx.getCurrentThreadCpuTime();
                long a0 = mx.getCurrentThreadAllocatedBytes();
                for (int b = 0; b < n; b += bs) {
                    int c = Math.min(bs, n - b);
                    double[] xb = Arrays.copyOfRange(x, 2 * b, 2 * (b + c));
                    double[] p = new double[c], t = new double[c], gr = new double[2 * c];
                    ps[q].evaluate(RadialKernelSums.Kind.GAUSSIAN, param, xb, c, 2, z, w, nPad, total, p, t, gr);
                    System.arraycopy(p, 0, s0, b, c);
                    System.arraycopy(t, 0, s1, b, c);
                    System.arraycopy(gr, 0, g, 2 * b, 2 * c);
                }
                times[q][rep] = (mx.getCurrentThreadCpuTime() - c0) * 1e-9;
                alloc[q] = mx.getCurrentThreadAllocatedBytes() - a0;
                if (System.getProperty("verbose") != null) System.out.printf("  %s rep %d: %.1f ms%n", names.get(q), rep, times[q][rep] * 1e3);
                if (ref == null) { ref = new double[][] {s0, s1, g}; same[q] = "(reference)"; }
                else if (rep == 0) same[q] = Arrays.equals(ref[0], s0) && Arrays.equals(ref[1], s1) && Arrays.equals(ref[2], g)
                    ? "same bits" : "BITS DIFFER (max rel " + maxRel(ref, new double[][] {s0, s1, g}) + ")";
            }
        }
        for (int q = 0; q < names.size(); q++) {
            double[] sorted = times[q].clone();
            Arrays.sort(sorted);
            double med = sorted[reps / 2];
            System.out.printf("%-12s N=%d: median %.1f ms (min %.1f) cpu, %.0f Mpairs/cpu-s median, %.0f best, single thread, %.1f MB allocated  %s%n",
                names.get(q), n, med * 1e3, sorted[0] * 1e3, pairs / med / 1e6, pairs / sorted[0] / 1e6, alloc[q] / 1e6, same[q]);
        }
    }

    static double maxRel(double[][] a, double[][] b) {
        double r = 0;
        for (int q = 0; q < a.length; q++) for (int i = 0; i < a[q].length; i++) {
            r = Math.max(r, Math.abs(a[q][i] - b[q][i]) / Math.max(1e-300, Math.abs(a[q][i])));
        }
        return r;
    }
}
