package lmo.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lmo.engine.BlockLayout;
import lmo.engine.ClusterStatus;
import lmo.particles.Population;
import lmo.engine.Simulation;
import lmo.engine.Sync;
import lmo.space.Euclidean;
import org.junit.jupiter.api.Test;

/** What the scheduler publishes is what a scrape reads: steps, metrics, members, losses and recoveries. */
class RunMetricsTest {

    private static String scrape(RunMetrics m) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, m.registry().scrape());
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Every scrape must also parse strictly. */
    private static double value(String text, String series) {
        PromText.parse(text);
        return rawValue(text, series);
    }

    private static double rawValue(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        assertTrue(m.find(), series + " in\n" + text);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void publishesProgressMetricsAndClusterEvents() throws IOException {
        RunMetrics m = new RunMetrics();
        Simulation sim = new Simulation("demo", 1, 10, List.of(new Population("p", 0, new Euclidean(1),
                new double[] {0}, new double[] {1})), null, null, 1, 1, 1, 0);
        m.onStart(sim, null, List.of("energy", "mass_p"));
        m.onStep(0, 0.0, new double[] {2, 1});
        m.onMetrics(0, 0.0, new double[] {2, 1});
        m.onStep(3, 0.3, new double[] {0.5, 1});
        m.onMetrics(3, 0.3, new double[] {0.5, 1});
        String text = scrape(m);
        assertEquals(3, value(text, "lmo_step{run=\"demo\"}"));
        assertEquals(3, value(text, "lmo_steps_total{run=\"demo\"}"));
        assertEquals(0.5, value(text, "lmo_metric{name=\"energy\",run=\"demo\"}"));
        assertEquals(0, value(text, "lmo_member_losses_total{run=\"demo\"}"));
        assertEquals(1, value(text, "lmo_step_seconds_count{run=\"demo\"}"), "one observation per call, of the mean step time");
        assertEquals(0.1, value(text, "lmo_step_seconds_sum{run=\"demo\"}"), 1e-12);

        m.onCluster(new ClusterStatus(3, Map.of("pekko://lmo@127.0.0.1:1", 2, "pekko://lmo@127.0.0.1:2", 1), 0, 0));
        m.onCluster(new ClusterStatus(2, Map.of("pekko://lmo@127.0.0.1:1", 2), 1, 0));
        m.onCluster(new ClusterStatus(2, Map.of("pekko://lmo@127.0.0.1:1", 2, "pekko://lmo@127.0.0.1:2", 2), 1, 1));
        text = scrape(m);
        assertEquals(2, value(text, "lmo_members{run=\"demo\"}"));
        assertEquals(1, value(text, "lmo_member_losses_total{run=\"demo\"}"));
        assertEquals(1, value(text, "lmo_recoveries_total{run=\"demo\"}"));
        assertEquals(2, value(text, "lmo_shards{member=\"pekko://lmo@127.0.0.1:2\",run=\"demo\"}"));
        String served = new String(new MetricsHandler(m.registry(), m.jvmRegistry(), 1, System::nanoTime).render(),
                StandardCharsets.UTF_8);
        assertTrue(served.contains("jvm_memory_used_bytes"), "JVM metrics are served after the run's");
        assertTrue(served.startsWith(text.substring(0, 20)), "the run's metrics come first");
    }

    @Test
    void theJvmTextIsReusedWithinASecondWhileTheRunsMetricsAreAlwaysFresh() throws IOException {
        long[] now = {0};
        RunMetrics m = new RunMetrics();
        MetricsHandler h = new MetricsHandler(m.registry(), m.jvmRegistry(), 1, () -> now[0]);
        Simulation sim = new Simulation("demo", 1, 10, List.of(new Population("p", 0, new Euclidean(1),
                new double[] {0}, new double[] {1})), null, null, 1, 1, 1, 0);
        m.onStart(sim, null, List.of("energy"));
        m.onStep(1, 0.1, new double[] {1});
        String first = new String(h.render(), StandardCharsets.UTF_8);
        byte[] garbage = new byte[8 << 20]; // allocate, so heap gauges move
        m.onStep(2, 0.2, new double[] {1});
        now[0] = 500_000_000L;
        String second = new String(h.render(), StandardCharsets.UTF_8);
        assertEquals(2, value(second, "lmo_step{run=\"demo\"}"), "the run's metrics are fresh");
        assertEquals(jvmPart(first), jvmPart(second), "the JVM text of half a second ago is reused");
        now[0] = 1_500_000_000L;
        assertTrue(garbage.length > 0);
        String third = new String(h.render(), StandardCharsets.UTF_8);
        assertTrue(third.contains("jvm_memory_used_bytes"));
        assertTrue(third.indexOf("# HELP jvm") > third.indexOf("lmo_step{"), "one exposition, run's part first");
    }

    private static String jvmPart(String exposition) {
        return exposition.substring(exposition.indexOf("# HELP jvm"));
    }

    @Test
    void aClusterFormedBeforeTheFirstStepIsPublishedUnderTheRunsNameAndLostMembersDisappear() throws IOException {
        long[] now = {0};
        RunMetrics m = new RunMetrics(() -> now[0]);
        Simulation sim = new Simulation("demo", 1, 10, List.of(new Population("p", 0, new Euclidean(1),
                new double[] {0}, new double[] {1})), null, null, 1, 1, 1, 0);
        m.onCluster(new ClusterStatus(2, Map.of("pekko://lmo@127.0.0.1:1", 2, "pekko://lmo@127.0.0.1:2", 2), 0, 0));
        m.onTraffic(100, 10);
        m.onStart(sim, null, List.of("energy"));
        String text = scrape(m);
        assertFalse(text.contains("run=\"\""), "nothing published without the run's name:\n" + text);
        assertEquals(2, value(text, "lmo_members{run=\"demo\"}"), "onStart keeps the cluster's members");
        assertEquals(2, value(text, "lmo_shards{member=\"pekko://lmo@127.0.0.1:2\",run=\"demo\"}"));
        assertFalse(text.contains("member=\"local\""));

        m.onTraffic(150, 30);
        m.onCluster(new ClusterStatus(1, Map.of("pekko://lmo@127.0.0.1:1", 4), 1, 1));
        now[0] = 5_000_000_000L;
        m.onStep(0, 0, new double[] {1});
        text = scrape(m);
        assertEquals(150, value(text, "lmo_bytes_exchanged_total{direction=\"sent\",run=\"demo\"}"));
        assertEquals(30, value(text, "lmo_bytes_exchanged_total{direction=\"received\",run=\"demo\"}"));
        assertEquals(4, value(text, "lmo_shards{member=\"pekko://lmo@127.0.0.1:1\",run=\"demo\"}"));
        assertFalse(text.contains("127.0.0.1:2"), "a lost member's shards are not reported");
        assertEquals(5, value(text, "lmo_seconds_since_checkpoint{run=\"demo\"}"), 1e-9);

        m.onCheckpoint(0, null);
        now[0] = 7_000_000_000L;
        m.onRewind(0); // a new core, whose wall clock starts again
        m.onStart(sim, null, List.of("energy"));
        m.onStep(0, 0, new double[] {1});
        text = scrape(m);
        assertEquals(2, value(text, "lmo_seconds_since_checkpoint{run=\"demo\"}"), 1e-9);
        assertEquals(1, value(text, "lmo_members{run=\"demo\"}"));
        assertEquals(0, value(text, "lmo_checkpoint_step{run=\"demo\"}"));
    }

    @Test
    void aRunWithoutAClusterHasOneMemberHoldingEveryShard() throws IOException {
        RunMetrics m = new RunMetrics();
        Simulation sim = new Simulation("demo", 1, 10, List.of(new Population("p", 0, new Euclidean(1),
                new double[] {0, 1, 2, 3}, new double[] {1, 1, 1, 1})), null, null, 1, 3, 1, 0);
        m.onStart(sim, new BlockLayout(sim.populations(), 1, 3), List.of("energy"));
        String text = scrape(m);
        assertEquals(1, value(text, "lmo_members{run=\"demo\"}"));
        assertEquals(3, value(text, "lmo_shards{member=\"local\",run=\"demo\"}"));
        assertEquals(10, value(text, "lmo_end_step{run=\"demo\"}"));
        assertEquals(0, value(text, "lmo_bytes_exchanged_total{direction=\"sent\",run=\"demo\"}"));
    }

    private static Simulation asyncSim(Sync.Mode mode, int staleness) {
        return new Simulation("demo", 1, 10, List.of(new Population("p", 0, new Euclidean(1),
                new double[] {0, 1, 2, 3}, new double[] {1, 1, 1, 1})), null, null, 1, 3, 1, 0)
                .withSync(new Sync(mode, staleness, Sync.Straggler.NONE));
    }

    /** The cumulative count of the bucket with upper bound {@code le} (the client writes "-1.0", "0.0", ..). */
    private static double bucket(PromText.Exposition e, String le) {
        double bound = Double.parseDouble(le.replace("+Inf", "Infinity"));
        return e.samples("lmo_staleness_bucket").stream()
                .filter(x -> Double.parseDouble(x.labels().get("le").replace("+Inf", "Infinity")) == bound)
                .findFirst().orElseThrow(() -> new AssertionError("no bucket le=" + le)).value();
    }

    /** The buckets' upper bounds, in order. */
    private static List<Double> bounds(PromText.Exposition e) {
        return e.samples("lmo_staleness_bucket").stream()
                .map(x -> Double.parseDouble(x.labels().get("le").replace("+Inf", "Infinity"))).toList();
    }

    @Test
    void anAsynchronousRunExportsTheStalenessHistogramAndEveryShardsStep() throws IOException {
        RunMetrics m = new RunMetrics();
        Simulation sim = asyncSim(Sync.Mode.BOUNDED, 2);
        m.onStart(sim, new BlockLayout(sim.populations(), 1, 3), List.of("energy"));
        PromText.Exposition e = PromText.parse(scrape(m));
        assertEquals("histogram", e.family("lmo_staleness").type());
        assertEquals(0, e.value("lmo_staleness_count", Map.of("run", "demo")), "no step yet");
        for (int sh = 0; sh < 3; sh++) {
            assertEquals(0, e.value("lmo_shard_step", Map.of("run", "demo", "shard", Integer.toString(sh))),
                    "every shard starts at the start state");
        }

        // 4 blocks: staleness k - sources[j] per source
        m.onSources(0, 0, new long[] {0, 0, 0, 0});     // 0 0 0 0
        m.onSources(1, 3, new long[] {1, 2, 3, 4});     // 2 1 0 -1
        m.onSources(2, 5, new long[] {3, 5, 3, 7});     // 2 0 2 -2
        m.onShardStep(2, 4);
        m.onShardStep(0, 1);
        String text = scrape(m);
        e = PromText.parse(text);  // strict: cumulative buckets, _count = +Inf
        assertEquals(List.of(-1.0, 0.0, 1.0, 2.0, Double.POSITIVE_INFINITY), bounds(e),
                "integer buckets up to the run's staleness:\n" + text);
        assertEquals(2, bucket(e, "-1"));
        assertEquals(2 + 6, bucket(e, "0"), "cumulative");
        assertEquals(2 + 6 + 1, bucket(e, "1"));
        assertEquals(12, bucket(e, "2"));
        assertEquals(12, bucket(e, "+Inf"));
        assertEquals(12, e.value("lmo_staleness_count", Map.of("run", "demo")), "one observation per source block");
        assertEquals(0 + 2 + 2, e.value("lmo_staleness_sum", Map.of("run", "demo")));
        assertEquals(1, e.value("lmo_shard_step", Map.of("run", "demo", "shard", "0")));
        assertEquals(0, e.value("lmo_shard_step", Map.of("run", "demo", "shard", "1")));
        assertEquals(4, e.value("lmo_shard_step", Map.of("run", "demo", "shard", "2")));
        assertTrue(text.contains("# TYPE lmo_shard_step gauge"), text);
        assertTrue(text.contains("# HELP lmo_staleness "), text);

        // a rewind: every shard goes back to the checkpoint; the observations stay (the same run continues)
        m.onRewind(2);
        e = PromText.parse(scrape(m));
        for (int sh = 0; sh < 3; sh++) {
            assertEquals(2, e.value("lmo_shard_step", Map.of("run", "demo", "shard", Integer.toString(sh))));
        }
        assertEquals(12, e.value("lmo_staleness_count", Map.of("run", "demo")));
    }

    @Test
    void aDelayedRunCountsItsFixedStalenessAndABspRunExportsNeither() throws IOException {
        RunMetrics m = new RunMetrics();
        Simulation sim = asyncSim(Sync.Mode.DELAYED, 1);
        m.onStart(sim, new BlockLayout(sim.populations(), 1, 2), List.of("energy"));
        for (long k = 0; k < 5; k++) {
            for (int b = 0; b < 4; b++) m.onSources(b, k, new long[] {Math.max(0, k - 1), Math.max(0, k - 1),
                    Math.max(0, k - 1), Math.max(0, k - 1)});
        }
        PromText.Exposition e = PromText.parse(scrape(m));
        assertEquals(List.of(-1.0, 0.0, 1.0, Double.POSITIVE_INFINITY), bounds(e));
        assertEquals(0, bucket(e, "-1"));
        assertEquals(16, bucket(e, "0"), "step 0 reads state 0, staleness 0, for 4 blocks x 4 sources");
        assertEquals(80, bucket(e, "1"));
        assertEquals(64, e.value("lmo_staleness_sum", Map.of("run", "demo")));
        assertEquals(2, e.samples("lmo_shard_step").size(), "one gauge per shard of the layout");

        RunMetrics bsp = new RunMetrics();
        Simulation plain = asyncSim(Sync.Mode.BOUNDED, 0); // staleness 0 is bsp
        bsp.onStart(plain, new BlockLayout(plain.populations(), 1, 3), List.of("energy"));
        bsp.onSources(0, 0, new long[] {0, 0, 0, 0});
        bsp.onShardStep(0, 1);
        String text = scrape(bsp);
        PromText.parse(text);
        assertFalse(text.contains("lmo_staleness"), text);
        assertFalse(text.contains("lmo_shard_step"), text);
    }
}
