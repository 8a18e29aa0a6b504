package lmo.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import lmo.dynamics.Wasserstein;
import lmo.engine.Simulation;
import lmo.particles.Gathered;
import lmo.particles.Population;
import lmo.space.Torus;
import org.junit.jupiter.api.Test;

/**
 * The status page stays within its scrape cost at 10^5 particles: what the scheduler's thread pays per live-sample
 * handoff, per metrics row and per step is far under 1 ms (its CPU time, {@link ThreadMXBean#getCurrentThreadCpuTime},
 * averaged over many calls while an HTTP thread scrapes {@code /status} without pause), and serving {@code /status}
 * neither runs on the scheduler's thread nor locks it out: the sample is handed over without the board's lock, a
 * snapshot is serialised without it, and a page refresh holds the lock only to take the snapshot (whose CPU time is
 * the bound on how long it can keep the scheduler waiting, measured here too). The samples are those the engine
 * sends: a population of 10^5 particles thinned to 2000 by id; they are fed to {@link RunMonitor#onLiveSample}
 * directly (as the engine will), so this test does not depend on the engine's side.
 */
class LiveSampleCostTest {
    private static final int COUNT = 100_000;
    private static final int SAMPLED = 2000;
    private static final int CALLS = 20_000;
    private static final double BOUND_NANOS = 1e6;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** A torus T^2 population of 10^5 particles, time step 0.01. */
    private static Simulation sim() {
        double[] x = new double[2 * COUNT];
        double[] m = new double[COUNT];
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < x.length; i++) x[i] = r.nextDouble();
        for (int i = 0; i < COUNT; i++) m[i] = 1.0 / COUNT;
        return new Simulation("cost", 1, 1_000_000, List.of(new Population("p", 0, new Torus(2), x, m)), null,
                new Wasserstein(0.01), 1000, 1, 1, 0);
    }

    /** Every (COUNT / SAMPLED)-th particle of the population, by id, shifted by {@code shift}: a thinned sample. */
    private static Gathered thinned(Simulation sim, double shift) {
        Population p = sim.populations().get(0);
        int stride = COUNT / SAMPLED;
        double[] x = new double[2 * SAMPLED];
        double[] m = new double[SAMPLED];
        for (int i = 0; i < SAMPLED; i++) {
            x[2 * i] = (p.x0()[2 * i * stride] + shift) % 1;
            x[2 * i + 1] = p.x0()[2 * i * stride + 1];
            m[i] = p.m0()[i * stride];
        }
        return new Gathered(new double[][] {x}, new double[][] {m}, new int[] {2});
    }

    private static long cpu() { return THREADS.getCurrentThreadCpuTime(); }

    @Test
    void theSchedulerPaysFarUnderAMillisecondPerSampleRowAndStepWhileThePageIsScraped() throws Exception {
        assertTrue(THREADS.isCurrentThreadCpuTimeSupported(), "per-thread CPU time");
        Simulation sim = sim();
        Gathered[] samples = new Gathered[8];
        for (int i = 0; i < samples.length; i++) samples[i] = thinned(sim, i / 8.0);
        double[] values = {1.0, 2.0, 3.0};
        try (RunMonitor monitor = RunMonitor.start("127.0.0.1", 0, "")) {
            monitor.onStart(sim, null, List.of("energy", "mass_p", "w2"));
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong scrapes = new AtomicLong();
            AtomicLong scrapeCpu = new AtomicLong();
            Thread http = new Thread(() -> { // an HTTP thread: /status (snapshot and JSON) over and over
                while (!stop.get()) {
                    long t0 = cpu();
                    byte[] json = StatusJson.write(monitor.board().snapshot());
                    scrapeCpu.addAndGet(cpu() - t0);
                    if (json.length > 0) scrapes.incrementAndGet();
                }
            }, "scraper");
            http.setDaemon(true);
            http.start();
            try {
                long k = 0;
                for (int round = 0; round < 2; round++) { // the first round warms up (JIT), the second is measured
                    long sampleCpu = 0, rowCpu = 0, stepCpu = 0, wall = -System.nanoTime();
                    for (int i = 0; i < CALLS; i++, k++) {
                        long t0 = cpu();
                        monitor.onLiveSample(k, samples[i % samples.length]);
                        long t1 = cpu();
                        monitor.onMetrics(k, k * 1e-3, values);
                        long t2 = cpu();
                        monitor.onStep(k, k * 1e-3, values);
                        long t3 = cpu();
                        sampleCpu += t1 - t0;
                        rowCpu += t2 - t1;
                        stepCpu += t3 - t2;
                    }
                    wall += System.nanoTime();
                    if (round == 0) continue;
                    double perSample = (double) sampleCpu / CALLS, perRow = (double) rowCpu / CALLS,
                            perStep = (double) stepCpu / CALLS;
                    System.out.printf(Locale.ROOT, "scheduler CPU per call at %d particles (sample of %d): "
                                    + "onLiveSample %.2f us, onMetrics %.2f us, onStep %.2f us; wall per "
                                    + "sample+row+step %.2f us; %d scrapes of /status meanwhile%n", COUNT, SAMPLED,
                            perSample / 1e3, perRow / 1e3, perStep / 1e3, (double) wall / CALLS / 1e3,
                            scrapes.get());
                    assertTrue(perSample < BOUND_NANOS, "a sample handoff costs the scheduler " + perSample + " ns");
                    assertTrue(perRow < BOUND_NANOS, "a metrics row costs the scheduler " + perRow + " ns");
                    assertTrue(perStep < BOUND_NANOS, "a step costs the scheduler " + perStep + " ns");
                }
            } finally {
                stop.set(true);
                http.join(10_000);
            }
            assertTrue(scrapes.get() > 0, "the page was scraped during the measurement");
            System.out.printf(Locale.ROOT, "HTTP thread CPU per /status (rows kept %d, sample of %d): %.2f ms%n",
                    monitor.board().snapshot().rows().size(), SAMPLED, scrapeCpu.get() / 1e6 / scrapes.get());

            // a page refresh keeps the scheduler waiting at most while it takes the snapshot under the board's lock
            long snapshotCpu = 0;
            int n = 2000;
            for (int i = 0; i < 2 * n; i++) {
                long t0 = cpu();
                StatusSnapshot s = monitor.board().snapshot();
                if (i >= n) snapshotCpu += cpu() - t0;
                assertTrue(s.sample() != null);
            }
            double perSnapshot = (double) snapshotCpu / n;
            System.out.printf(Locale.ROOT, "snapshot (the part of a page refresh under the board's lock): %.2f us%n",
                    perSnapshot / 1e3);
            assertTrue(perSnapshot < BOUND_NANOS, "a page refresh holds the board for " + perSnapshot + " ns");
        }
    }

    @Test
    void theSampleIsHandedOverAndServedWithoutTheBoardsLockFromAnImmutableSnapshot() throws Exception {
        Simulation sim = sim();
        try (RunMonitor monitor = RunMonitor.start("127.0.0.1", 0, "")) {
            monitor.onStart(sim, null, List.of("energy"));
            monitor.onMetrics(10, 0.5, new double[] {1});
            monitor.onLiveSample(10, thinned(sim, 0));
            StatusSnapshot old = monitor.board().snapshot();

            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(1);
            Thread holder = new Thread(() -> { // an HTTP thread in the middle of taking a snapshot
                synchronized (monitor.board().lock) {
                    held.countDown();
                    try {
                        done.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }, "holder");
            holder.setDaemon(true);
            holder.start();
            held.await();
            try {
                byte[] json = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                    monitor.onLiveSample(20, thinned(sim, 0.5)); // the scheduler: no lock taken
                    return StatusJson.write(old);                // serialising: no lock needed
                }, "the sample handoff or the serialisation waited for the board's lock");
                JsonNode s = new ObjectMapper().readTree(json);
                assertEquals(10, s.get("sample").get("step").asLong(), "the snapshot keeps the sample it was taken with");
                assertEquals(SAMPLED, s.get("sample").get("populations").get(0).get("sampled").asInt());
                assertEquals(COUNT, s.get("sample").get("populations").get(0).get("count").asInt());
            } finally {
                done.countDown();
                holder.join(10_000);
            }
            monitor.onMetrics(20, 1.0, new double[] {2});
            JsonNode oldAgain = new ObjectMapper().readTree(StatusJson.write(old));
            assertEquals(1, oldAgain.get("rows").size(), "an immutable snapshot: the rows it was taken with");
            JsonNode now = new ObjectMapper().readTree(MetricsEndpointTest.get("http://127.0.0.1:" + monitor.port()
                    + "/status").body());
            assertEquals(20, now.get("sample").get("step").asLong(), "/status serves the latest sample");
            assertEquals(2, now.get("rows").size());
        }
    }
}
