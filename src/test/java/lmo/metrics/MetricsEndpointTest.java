package lmo.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import lmo.engine.RunOutcome;
import org.junit.jupiter.api.Test;

/**
 * The live endpoint of a real run (quickstart on the actor engine, held at steps 100 and 200): {@code /metrics}
 * parses strictly as Prometheus text format at both scrapes, {@code lmo_step} increases between them, every metric
 * of issue 4 is there, {@code /status} follows the run, and the endpoint serves the final values until it is closed.
 */
class MetricsEndpointTest {
    private static final Path QUICKSTART = Path.of("scenarios/quickstart.yaml");
    private static final Map<String, String> RUN = Map.of("run", "quickstart");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static PromText.Exposition scrape(HeldRun run) throws Exception {
        HttpResponse<String> r = get(run.base() + "/metrics");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"),
                r.headers().toString());
        return PromText.parse(r.body());
    }

    private static JsonNode status(HeldRun run) throws Exception {
        HttpResponse<String> r = get(run.base() + "/status");
        assertEquals(200, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
        return JSON.readTree(r.body());
    }

    @Test
    void twoScrapesDuringARunParseAndTheStepIncreases() throws Exception {
        String base;
        try (HeldRun run = new HeldRun(QUICKSTART, List.of(), 100, 200)) {
            base = run.base();
            run.awaitHeld(100);
            PromText.Exposition first = scrape(run);
            JsonNode s1 = status(run);
            run.release(100);
            run.awaitHeld(200);
            PromText.Exposition second = scrape(run);

            double step1 = first.value("lmo_step", RUN);
            double step2 = second.value("lmo_step", RUN);
            assertEquals(100, step1);
            assertEquals(200, step2);
            assertTrue(step2 > step1, "lmo_step increases between scrapes");
            assertEquals(100, second.value("lmo_steps_total", RUN) - first.value("lmo_steps_total", RUN));
            assertEquals(300, second.value("lmo_end_step", RUN));
            assertEquals(200, second.value("lmo_step_seconds_count", RUN), "one observation per step");
            assertEquals("histogram", second.family("lmo_step_seconds").type());
            assertTrue(second.value("lmo_metric", Map.of("run", "quickstart", "name", "energy"))
                    < first.value("lmo_metric", Map.of("run", "quickstart", "name", "energy")), "the energy falls");
            assertEquals(1, second.value("lmo_metric", Map.of("run", "quickstart", "name", "mass_particles")), 1e-9);
            assertEquals(1, second.value("lmo_members", RUN));
            double shards = second.value("lmo_shards", Map.of("run", "quickstart", "member", RunMetrics.LOCAL));
            assertTrue(shards >= 1);
            List<PromText.Sample> compute = second.samples("lmo_shard_compute_seconds_total");
            assertEquals((int) shards, compute.size(), "one series per shard: " + compute);
            assertTrue(compute.stream().allMatch(c -> c.value() > 0), compute.toString());
            assertEquals(0, second.value("lmo_bytes_exchanged_total", Map.of("run", "quickstart", "direction", "sent")));
            assertEquals(0, second.value("lmo_member_losses_total", RUN));
            assertEquals(0, second.value("lmo_recoveries_total", RUN));
            assertTrue(second.value("lmo_seconds_since_checkpoint", RUN) >= 0);
            assertFalse(second.samples("jvm_memory_used_bytes").isEmpty(), "JVM metrics");
            assertFalse(second.samples("process_cpu_seconds_total").isEmpty(), "process metrics");

            assertEquals("running", s1.get("status").asText());
            assertEquals(100, s1.get("step").asLong());
            assertEquals(300, s1.get("steps").asLong());
            assertEquals(List.of("energy", "mass_particles"), JSON.convertValue(s1.get("columns"), List.class));
            assertEquals(11, s1.get("rows").size(), "rows 0, 10, ..., 100");
            assertEquals(100, s1.get("rows").get(10).get(0).asLong());

            run.release(200);
            RunOutcome o = run.finish();
            assertEquals(RunOutcome.Status.COMPLETED, o.status());
            // the run is over, the endpoint is still up until closed: the final values
            PromText.Exposition last = scrape(run);
            assertEquals(300, last.value("lmo_step", RUN));
            assertEquals(o.finalMetrics().get("energy"), last.value("lmo_metric", Map.of("run", "quickstart", "name", "energy")));
            JsonNode done = status(run);
            assertEquals("completed", done.get("status").asText());
            assertEquals(300, done.get("step").asLong());
            assertEquals(0, done.get("etaSeconds").asDouble());
            assertEquals(31, done.get("rows").size());
        }
        assertThrows(ConnectException.class, () -> get(base + "/metrics"), "closed after the run");
    }

    @Test
    void servesThePageAndItsLibraryFromTheJarAndNothingElse() throws Exception {
        try (HeldRun run = new HeldRun(QUICKSTART, List.of("steps=20"), 10)) {
            run.awaitHeld(10);
            HttpResponse<String> page = get(run.base() + "/");
            assertEquals(200, page.statusCode());
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertTrue(page.body().contains("<script src=\"uplot.min.js\"></script>"), "the vendored uPlot");
            assertFalse(page.body().matches("(?s).*(src|href)\\s*=\\s*\"(https?:)?//.*"), "nothing from elsewhere");
            HttpResponse<String> js = get(run.base() + "/uplot.min.js");
            assertEquals(200, js.statusCode());
            assertTrue(js.body().startsWith("/*! https://github.com/leeoniya/uPlot (v1.6.32) */"));
            assertEquals(200, get(run.base() + "/uplot.min.css").statusCode());
            assertTrue(get(run.base() + "/uplot.LICENSE").body().contains("The MIT License"));
            assertEquals(404, get(run.base() + "/nothing-here").statusCode());
            HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(run.base() + "/status"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, post.statusCode());
        }
    }
}
