package lmo.transport;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Compiles the Sinkhorn kernels while a run starts. The first use of the Vector API loads its classes, and until C2
 * has compiled a kernel's loops they run interpreted or in C1 code that allocates a box per vector operation: about
 * 1e5 to 1e7 pair evaluations per second instead of 5e8, so the first pass over the pairs of a large problem pays
 * one to several seconds. A daemon thread ({@link #start}) solves a 16 x 256 problem (W1's clouds) plainly and
 * over-relaxed until every kernel has run a few thousand times, while the main thread reads the scenario and starts
 * the engine; the compilers then work on the other core.
 *
 * <p>No effect on any result: every compilation tier of the JVM computes the same bits (strict IEEE arithmetic, the
 * same fmas), and the warm-up shares no state with the run. On a single core it competes with the start-up instead of
 * overlapping it. {@code -Dlmo.warmup=false} turns it off.
 */
public final class KernelWarmup {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private KernelWarmup() {}

    /** Starts the warm-up thread once per JVM (a no-op after the first call, and with {@code -Dlmo.warmup=false}). */
    public static void start() {
        if (!Boolean.parseBoolean(System.getProperty("lmo.warmup", "true")) || STARTED.getAndSet(true)) return;
        Thread t = new Thread(KernelWarmup::run, "lmo-kernel-warmup");
        t.setDaemon(true);
        t.start();
    }

    /** The warm-up itself: 16 x 256 points, 300 plain and 300 over-relaxed iterations (about 2.5e6 pairs). */
    static void run() {
        int n = 16, m = 256;
        double[] x = new double[2 * n], y = new double[2 * m];
        for (int i = 0; i < n; i++) {
            x[2 * i] = (i * 0.6180339887498949) % 1;
            x[2 * i + 1] = (i * 0.4142135623730951) % 1;
        }
        for (int j = 0; j < m; j++) {
            y[2 * j] = 0.5 + 0.5 * ((j * 0.7548776662466927) % 1);
            y[2 * j + 1] = 0.25 + 0.5 * ((j * 0.5698402909980532) % 1);
        }
        TransportProblem problem = TransportProblem.uniform(
                Cost.of(x, n, y, m, 2, Cost.Kind.of("sqeuclidean"), Cost.Normalize.of("max")));
        OnlineSinkhorn.Options plain = OnlineSinkhorn.Options.fixed(InverseTemperature.constant(100), 300)
                .withBlockSize(8);
        OnlineSinkhorn.solve(problem, plain);
        OnlineSinkhorn.solve(problem, plain.withOmega(Double.NaN));
    }
}
