package lmo.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import lmo.dynamics.Wasserstein;
import lmo.engine.RunObserver;
import lmo.engine.Simulation;
import lmo.particles.Gathered;
import lmo.particles.Population;
import lmo.space.Euclidean;
import lmo.space.Sphere;
import lmo.space.Torus;
import org.junit.jupiter.api.Test;

/**
 * {@code /status} gains the live sample: null before the first, then each population's space, full count, sampled
 * positions (flat) and masses, and the page's view of it (histogram or scatter, which coordinates) per space; the
 * metric rows gain their wall seconds and the run its time step. Fed through {@link RunMonitor#onLiveSample}, the
 * callback the engine calls.
 */
class LiveSampleTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Three populations (a torus circle, a sphere S^2, a euclidean plane) of 3 particles each, time step 0.02. */
    static Simulation sim() {
        return new Simulation("demo", 1, 100, List.of(
                new Population("a", 0, new Torus(1), new double[] {0.1, 0.5, 0.9}, new double[] {1, 1, 1}),
                new Population("b", 1, new Sphere(3), new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, new double[] {1, 2, 3}),
                new Population("c", 2, new Euclidean(2), new double[] {0, 0, 1, 1, 2, 2}, new double[] {1, 1, 1})),
                null, new Wasserstein(0.02), 3, 1, 1, 0);
    }

    private static JsonNode status(StatusBoard board) throws Exception {
        return JSON.readTree(StatusJson.write(board.snapshot()));
    }

    @Test
    void theMonitorAsksForSamplesAndTheMetricsAloneDoNot() throws Exception {
        try (RunMonitor monitor = RunMonitor.start("127.0.0.1", 0, "")) {
            assertTrue(monitor.wantsLiveSample(), "the status page draws the particles");
            assertTrue(monitor.board().wantsLiveSample());
        }
        assertFalse(new RunMetrics().wantsLiveSample(), "/metrics alone has no use for them");
        RunObserver none = new RunObserver() {};
        assertFalse(none.wantsLiveSample());
    }

    @Test
    void theSampleIsNullBeforeTheFirstThenEachPopulationWithItsSpaceCountAndView() throws Exception {
        try (RunMonitor monitor = RunMonitor.start("127.0.0.1", 0, "")) {
            Simulation sim = sim();
            monitor.onStart(sim, null, List.of("energy"));
            monitor.onMetrics(0, 0.25, new double[] {1});
            monitor.onMetrics(10, 1.5, new double[] {0.5});
            JsonNode before = status(monitor.board());
            assertTrue(before.get("sample").isNull(), "null before the first sample: " + before);
            assertEquals(0.02, before.get("timeStep").asDouble());
            assertEquals("[0.25,1.5]", before.get("wallSeconds").toString(), "one wall time per row");
            assertEquals("[[0,1.0],[10,0.5]]", before.get("rows").toString(), "rows as before: step and the values");

            // the sample holds particles 0 and 2 of a and c, and all of b (an engine thins by id)
            Gathered sample = new Gathered(new double[][] {{0.1, 0.9}, {1, 0, 0, 0, 1, 0, 0, 0, 1}, {0, 0, 2, 2}},
                    new double[][] {{1, 1}, {1, 2, 3}, {1, Double.NaN}}, new int[] {1, 3, 2});
            monitor.onLiveSample(7, sample);
            JsonNode s = status(monitor.board()).get("sample");
            assertEquals(7, s.get("step").asLong());
            assertEquals(3, s.get("populations").size());
            JsonNode a = s.get("populations").get(0);
            assertEquals("a", a.get("name").asText());
            assertEquals("torus", a.get("space").asText());
            assertEquals(1, a.get("dim").asInt());
            assertEquals(3, a.get("count").asInt(), "the population's full count");
            assertEquals(2, a.get("sampled").asInt());
            assertEquals("histogram", a.get("plot").asText());
            assertEquals("x", a.get("projection").asText());
            assertEquals("[0.1,0.9]", a.get("positions").toString(), "floats, written short");
            assertEquals("[1.0,1.0]", a.get("masses").toString());
            JsonNode b = s.get("populations").get(1);
            assertEquals("sphere", b.get("space").asText());
            assertEquals("scatter", b.get("plot").asText());
            assertEquals("lonlat", b.get("projection").asText());
            assertEquals(9, b.get("positions").size(), "flat: sampled * dim");
            assertEquals("[1.0,2.0,3.0]", b.get("masses").toString());
            JsonNode c = s.get("populations").get(2);
            assertEquals("euclidean", c.get("space").asText());
            assertEquals("xy", c.get("projection").asText());
            assertEquals("[0.0,0.0,2.0,2.0]", c.get("positions").toString());
            assertTrue(c.get("masses").get(1).isNull(), "NaN is written as null");
        }
    }

    @Test
    void theViewOfEachSpace() {
        assertEquals(new LiveSample.View("histogram", "x"), LiveSample.view("torus", 1));
        assertEquals(new LiveSample.View("histogram", "x"), LiveSample.view("euclidean", 1));
        assertEquals(new LiveSample.View("histogram", "x"), LiveSample.view("sphere", 1));
        assertEquals(new LiveSample.View("histogram", "angle"), LiveSample.view("sphere", 2), "the circle");
        assertEquals(new LiveSample.View("scatter", "xy"), LiveSample.view("torus", 2));
        assertEquals(new LiveSample.View("scatter", "xy"), LiveSample.view("euclidean", 2));
        assertEquals(new LiveSample.View("scatter", "lonlat"), LiveSample.view("sphere", 3));
        assertEquals(new LiveSample.View("scatter", "first-two"), LiveSample.view("torus", 3));
        assertEquals(new LiveSample.View("scatter", "first-two"), LiveSample.view("euclidean", 5));
        assertEquals(new LiveSample.View("scatter", "first-two"), LiveSample.view("sphere", 4));
        assertEquals(new LiveSample.View("scatter", "xy"), LiveSample.view(null, 2), "an unknown space: its coordinates");
    }

    @Test
    void aSampleLargerThanTheCapIsThinnedEvenlyAndItsJsonIsWrittenOnce() throws Exception {
        int n = 3 * LiveSample.MAX_SHOWN + 1;
        double[] x = new double[n];
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            m[i] = 1;
        }
        LiveSample s = new LiveSample(3, new Gathered(new double[][] {x}, new double[][] {m}, new int[] {1}),
                List.of(new LiveSample.Population("p", "euclidean", 1, 1_000_000)));
        String json = s.json();
        assertSame(json, s.json(), "written once per sample");
        JsonNode p = JSON.readTree(json).get("populations").get(0);
        assertEquals(1_000_000, p.get("count").asInt());
        int sampled = p.get("sampled").asInt();
        assertTrue(sampled <= LiveSample.MAX_SHOWN, "sampled " + sampled);
        assertEquals((n + 3) / 4, sampled, "every 4th particle (the smallest stride within the cap)");
        assertEquals(sampled, p.get("positions").size());
        assertEquals(0, p.get("positions").get(0).asDouble());
        assertEquals(4, p.get("positions").get(1).asDouble(), "every 4th particle, by id");
    }

    @Test
    void aPopulationTheRunDidNotAnnounceIsWrittenWithAnUnknownSpace() throws Exception {
        LiveSample s = new LiveSample(1, new Gathered(new double[][] {{0.5, 0.5}}, new double[][] {{2}},
                new int[] {2}), List.of());
        JsonNode p = JSON.readTree(s.json()).get("populations").get(0);
        assertEquals("population 0", p.get("name").asText());
        assertTrue(p.get("space").isNull());
        assertEquals(1, p.get("count").asInt());
        assertEquals("scatter", p.get("plot").asText());
    }

    @Test
    void aRewindDropsASampleOfALaterStateAndKeepsAnEarlierOne() throws Exception {
        StatusBoard board = new StatusBoard("");
        board.onStart(sim(), null, List.of());
        Gathered g = new Gathered(new double[][] {{0.5}, {}, {}}, new double[][] {{1}, {}, {}}, new int[] {1, 3, 2});
        board.onLiveSample(40, g);
        board.onRewind(50);
        assertEquals(40, status(board).get("sample").get("step").asLong(), "an earlier state stays");
        board.onRewind(30);
        assertTrue(status(board).get("sample").isNull(), "a state the run goes back from is dropped");
    }
}
