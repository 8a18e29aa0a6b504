package lmo.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import lmo.engine.BlockLayout;
import lmo.engine.LocalEngine;
import lmo.engine.RunObserver;
import lmo.engine.RunOutcome;
import lmo.engine.Simulation;
import lmo.engine.Sync;
import lmo.particles.Gathered;
import lmo.scenario.Assembler;
import lmo.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The staleness histogram and the shards' steps of a real {@code bounded} run (s = 2, 8 blocks on 4 shards, the
 * reference loop answering the shards' orders in a shuffled order, so some summaries are stale): one observation per
 * block step and source block, every one within the bound, some above 0; every shard ends at the last step; the
 * status page's JSON agrees.
 */
class AsyncRunMetricsTest {
    private static final Map<String, String> RUN = Map.of("run", "sobolev-torus-s2");

    @Test
    void aBoundedRunOnShuffledShardsExportsItsStalenessAndShardSteps() throws Exception {
        Simulation sim = Assembler.build(ScenarioLoader.load(Path.of("scenarios/sobolev-torus-s2.yaml"),
                        List.of("steps=30", "populations.particles.count=400", "engine.blockSize=50")))
                .withSync(new Sync(Sync.Mode.BOUNDED, 2, Sync.Straggler.NONE));
        RunMetrics metrics = new RunMetrics();
        StatusBoard board = new StatusBoard("");
        long[] events = new long[2]; // onSources calls, sources seen
        RunObserver both = new RunObserver() {
            @Override public void onStart(Simulation s, BlockLayout layout, List<String> columns) {
                metrics.onStart(s, layout, columns);
                board.onStart(s, layout, columns);
            }
            @Override public void onStep(long step, double wallSeconds, double[] values) {
                metrics.onStep(step, wallSeconds, values);
                board.onStep(step, wallSeconds, values);
            }
            @Override public void onSources(int block, long step, long[] sources) {
                events[0]++;
                events[1] += sources.length;
                metrics.onSources(block, step, sources);
                board.onSources(block, step, sources);
            }
            @Override public void onShardStep(int shard, long step) {
                metrics.onShardStep(shard, step);
                board.onShardStep(shard, step);
            }
            @Override public void onFinish(RunOutcome outcome, Gathered state) {
                metrics.onFinish(outcome, state);
                board.onFinish(outcome, state);
            }
        };
        RunOutcome o = LocalEngine.run(sim, both, 4, new Random(11));
        assertEquals(RunOutcome.Status.COMPLETED, o.status(), o.message());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, metrics.registry().scrape());
        String text = out.toString(StandardCharsets.UTF_8);
        PromText.Exposition e = PromText.parse(text);
        int blocks = 400 / 50;
        assertEquals(30L * blocks, events[0], "one onSources per block step");
        assertEquals(30L * blocks * blocks, events[1]);
        double count = e.value("lmo_staleness_count", RUN);
        assertEquals(30.0 * blocks * blocks, count, "one observation per (block step, source block)");
        List<PromText.Sample> buckets = e.samples("lmo_staleness_bucket");
        assertEquals(5, buckets.size(), "-1, 0, 1, 2, +Inf:\n" + text);
        double atMost0 = buckets.get(1).value();
        double atMost2 = buckets.get(3).value();
        assertEquals(count, atMost2, "every staleness within s = 2");
        assertTrue(atMost0 < count, "some staleness above 0 (a bucket above 0 is not empty):\n" + text);
        assertTrue(e.value("lmo_staleness_sum", RUN) > 0);
        for (int sh = 0; sh < 4; sh++) {
            assertEquals(30, e.value("lmo_shard_step", Map.of("run", "sobolev-torus-s2", "shard", Integer.toString(sh))),
                    "every shard reached the last step");
        }

        JsonNode s = new ObjectMapper().readTree(StatusJson.write(board.snapshot()));
        assertEquals("bounded", s.get("sync").asText());
        assertEquals(4, s.get("shardSteps").size());
        for (JsonNode k : s.get("shardSteps")) assertEquals(30, k.asLong());
        JsonNode used = s.get("stalenessUsed");
        assertEquals((long) count, used.get("count").asLong());
        assertTrue(used.get("max").asLong() >= 1 && used.get("max").asLong() <= 2, used.toString());
        assertEquals(e.value("lmo_staleness_sum", RUN) / count, used.get("mean").asDouble(), 1e-12);
        System.out.println("bounded s=2, 8 blocks, 4 shards, shuffled (seed 11): staleness buckets "
                + buckets.stream().map(b -> b.labels().get("le") + ":" + (long) b.value()).toList()
                + ", sum " + e.value("lmo_staleness_sum", RUN) + ", status " + used);
    }
}
