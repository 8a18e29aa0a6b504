package lmo.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import lmo.particles.Population;
import lmo.engine.RunOutcome;
import lmo.engine.BlockLayout;
import lmo.engine.Simulation;
import lmo.engine.Sync;
import lmo.space.Euclidean;
import org.junit.jupiter.api.Test;

/** The status page's JSON: decimated rows that keep the first and latest points, the rate and ETA, the statuses. */
class StatusBoardTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong();

    private static Simulation sim(int steps) {
        return new Simulation("demo", 1, steps, List.of(new Population("p", 0, new Euclidean(1),
                new double[] {0}, new double[] {1})), null, null, 1, 1, 1, 0);
    }

    private static JsonNode json(StatusBoard board) throws Exception {
        return JSON.readTree(StatusJson.write(board.snapshot()));
    }

    private static RunOutcome outcome(RunOutcome.Status status, long step, String message, double stepsPerSecond) {
        return new RunOutcome(status, step, null, Map.of(), message,
                new RunOutcome.Timing(1, stepsPerSecond, 0, 0, 0, 0, 0), 1, 1);
    }

    @Test
    void decimationKeepsAtMostCapacityPlusOneRowsEvenlySpacedWithTheFirstAndTheLatest() {
        for (int n : new int[] {1, 2, 9, 10, 11, 17, 100, 1000, 4097}) {
            DecimatedRows rows = new DecimatedRows(10);
            for (int k = 0; k < n; k++) rows.add(new double[] {3 * k, k * k});
            List<double[]> kept = rows.rows();
            assertTrue(kept.size() <= 11, n + " rows kept " + kept.size());
            assertTrue(kept.size() >= Math.min(n, 6), n + " rows: too few kept, " + kept.size());
            assertEquals(0, kept.get(0)[0], "the first row");
            assertEquals(3.0 * (n - 1), kept.get(kept.size() - 1)[0], "the latest row");
            assertEquals((double) (n - 1) * (n - 1), kept.get(kept.size() - 1)[1]);
            double stride = kept.size() > 1 ? kept.get(1)[0] - kept.get(0)[0] : 0;
            for (int i = 1; i < kept.size() - 1; i++) {
                assertEquals(stride, kept.get(i)[0] - kept.get(i - 1)[0], "evenly spaced, " + n + " rows");
            }
        }
    }

    @Test
    void aLongRunsJsonStaysLight() throws Exception {
        StatusBoard board = new StatusBoard("", 2000, clock::get);
        board.onStart(sim(1_000_000), null, List.of("energy", "mass_p"));
        for (int k = 0; k <= 1_000_000; k += 10) {
            board.onMetrics(k, 0, new double[] {1.0 / (k + 1), 1});
            board.onStep(k, 0, null);
        }
        JsonNode s = json(board);
        assertTrue(s.get("rows").size() <= 2001, "rows " + s.get("rows").size());
        assertTrue(s.get("rows").size() > 1000, "rows " + s.get("rows").size());
        assertEquals(0, s.get("rows").get(0).get(0).asLong());
        assertEquals(1_000_000, s.get("rows").get(s.get("rows").size() - 1).get(0).asLong());
        assertTrue(StatusJson.write(board.snapshot()).length < 200_000, "a light page");
    }

    @Test
    void theRateIsRecentStepsPerSecondAndTheEtaFollowsIt() throws Exception {
        StatusBoard board = new StatusBoard("a \"quoted\"\ndescription", 100, clock::get);
        JsonNode s = json(board);
        assertEquals("starting", s.get("status").asText());
        assertTrue(s.get("stepsPerSecond").isNull(), "not known before the run");
        assertTrue(s.get("etaSeconds").isNull());

        board.onStart(sim(1000), null, List.of("energy", "mass_p"));
        board.onStep(0, 0, null);
        s = json(board);
        assertEquals("running", s.get("status").asText());
        assertEquals("a \"quoted\"\ndescription", s.get("description").asText());
        assertEquals("demo", s.get("name").asText());
        assertEquals(1000, s.get("steps").asLong());
        assertTrue(s.get("stepsPerSecond").isNull(), "no time has passed");

        for (int k = 1; k <= 100; k++) { // 10 steps per second for 10 s
            clock.addAndGet(SECOND / 10);
            board.onStep(k, 0, null);
        }
        s = json(board);
        assertEquals(100, s.get("step").asLong());
        assertEquals(10, s.get("stepsPerSecond").asDouble(), 1e-9);
        assertEquals(90, s.get("etaSeconds").asDouble(), 1e-9);

        for (int k = 101; k <= 700; k++) { // then 20 steps per second for 30 s: the old rate leaves the window
            clock.addAndGet(SECOND / 20);
            board.onStep(k, 0, null);
        }
        s = json(board);
        assertEquals(20, s.get("stepsPerSecond").asDouble(), 0.3);
        assertEquals(15, s.get("etaSeconds").asDouble(), 0.3);

        clock.addAndGet(30 * SECOND); // the run stalls: its rate falls, its ETA grows
        s = json(board);
        assertEquals(601 / 60.1, s.get("stepsPerSecond").asDouble(), 0.3);
        assertEquals(300 / (601 / 60.1), s.get("etaSeconds").asDouble(), 1);

        clock.addAndGet(30 * SECOND); // a slow step: the rate spans it
        board.onStep(701, 0, null);
        s = json(board);
        double rate = s.get("stepsPerSecond").asDouble();
        assertTrue(rate > 0 && rate < 20, "rate " + rate);
    }

    @Test
    void statusesAndTheirFinalValues() throws Exception {
        StatusBoard completed = new StatusBoard("", 100, clock::get);
        completed.onStart(sim(10), null, List.of("energy"));
        completed.onMetrics(10, 0, new double[] {0.5});
        completed.onStep(10, 0, null);
        completed.onFinish(outcome(RunOutcome.Status.COMPLETED, 10, null, 123.5), null);
        JsonNode s = json(completed);
        assertEquals("completed", s.get("status").asText());
        assertEquals(0, s.get("etaSeconds").asDouble());
        assertEquals(123.5, s.get("stepsPerSecond").asDouble(), "the run's average");
        assertFalse(s.has("message"));

        StatusBoard diverged = new StatusBoard("", 100, clock::get);
        diverged.onStart(sim(10), null, List.of("energy", "mass_p"));
        diverged.onMetrics(0, 0, new double[] {1, 1});
        diverged.onMetrics(4, 0, new double[] {Double.NaN, Double.POSITIVE_INFINITY});
        diverged.onStep(4, 0, null);
        diverged.onFinish(outcome(RunOutcome.Status.DIVERGED, 3, "step 4: metric energy is NaN", 10), null);
        s = json(diverged);
        assertEquals("diverged", s.get("status").asText());
        assertEquals("step 4: metric energy is NaN", s.get("message").asText());
        assertEquals(3, s.get("step").asLong(), "the last good step");
        assertTrue(s.get("etaSeconds").isNull());
        assertTrue(s.get("rows").get(1).get(1).isNull(), "NaN is written as null");
        assertTrue(s.get("rows").get(1).get(2).isNull(), "+Inf is written as null");

        StatusBoard lost = new StatusBoard("", 100, clock::get);
        lost.onStart(sim(10), null, List.of("energy"));
        lost.onStep(7, 0, null);
        lost.onFinish(new RunOutcome(RunOutcome.Status.LOST, 5, null, Map.of(), "lost 1 member(s)", null, 0, 0), null);
        s = json(lost);
        assertEquals("lost", s.get("status").asText());
        assertEquals(7, s.get("step").asLong(), "the step reached");
        assertEquals("lost 1 member(s)", s.get("message").asText());
    }

    @Test
    void aRewindDropsTheRowsThatWillBeLoggedAgain() throws Exception {
        StatusBoard board = new StatusBoard("", 100, clock::get);
        board.onStart(sim(100), null, List.of("energy"));
        for (int k = 0; k <= 50; k += 10) board.onMetrics(k, 0, new double[] {k});
        board.onRewind(30);
        board.onStart(sim(100), null, List.of("energy")); // the same run continues
        for (int k = 30; k <= 60; k += 10) board.onMetrics(k, 0, new double[] {k + 0.5});
        List<Double> steps = new ArrayList<>();
        for (JsonNode row : json(board).get("rows")) steps.add(row.get(0).asDouble());
        assertEquals(List.of(0.0, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0), steps);
        assertEquals(30.5, json(board).get("rows").get(3).get(1).asDouble());
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> out = new ArrayList<>();
        for (JsonNode n : array) out.add(n.asLong());
        return out;
    }

    @Test
    void anAsynchronousRunsStatusHasEveryShardsStepAndTheStalenessUsed() throws Exception {
        Simulation sim = new Simulation("demo", 1, 100, List.of(new Population("p", 0, new Euclidean(1),
                new double[] {0, 1, 2, 3}, new double[] {1, 1, 1, 1})), null, null, 1, 3, 1, 0)
                .withSync(new Sync(Sync.Mode.BOUNDED, 2, Sync.Straggler.NONE));
        StatusBoard board = new StatusBoard("", 100, clock::get);
        board.onStart(sim, new BlockLayout(sim.populations(), 1, 3), List.of("energy"));
        JsonNode s = json(board);
        assertEquals("bounded", s.get("sync").asText());
        assertEquals(2, s.get("staleness").asInt());
        assertEquals(List.of(0L, 0L, 0L), longs(s.get("shardSteps")));
        assertEquals(0, s.get("stalenessUsed").get("count").asLong());
        assertTrue(s.get("stalenessUsed").get("mean").isNull(), "no step yet");
        assertTrue(s.get("stalenessUsed").get("max").isNull());

        board.onSources(1, 3, new long[] {1, 2, 3, 4});     // 2 1 0 -1
        board.onSources(2, 5, new long[] {3, 5, 3, 7});     // 2 0 2 -2
        board.onShardStep(0, 4);
        board.onShardStep(2, 6);
        board.onShardStep(1, 5);
        s = json(board);
        assertEquals(List.of(4L, 5L, 6L), longs(s.get("shardSteps")));
        JsonNode used = s.get("stalenessUsed");
        assertEquals(8, used.get("count").asLong());
        assertEquals(4.0 / 8, used.get("mean").asDouble(), 1e-15);
        assertEquals(2, used.get("max").asLong());
        assertEquals(List.of(2L, 2L, 1L, 3L, 0L), longs(used.get("counts")), "<= -1, 0, 1, 2, > 2");

        board.onRewind(3);
        assertEquals(List.of(3L, 3L, 3L), longs(json(board).get("shardSteps")), "every shard back at the checkpoint");
        assertEquals(8, json(board).get("stalenessUsed").get("count").asLong(), "the same run continues");
    }

    @Test
    void aBspRunsStatusNamesItsSyncAndHasNoShardSteps() throws Exception {
        StatusBoard board = new StatusBoard("", 100, clock::get);
        board.onStart(sim(10), null, List.of("energy"));
        board.onShardStep(0, 3);
        board.onSources(0, 3, new long[] {3});
        JsonNode s = json(board);
        assertEquals("bsp", s.get("sync").asText());
        assertEquals(0, s.get("staleness").asInt());
        assertFalse(s.has("shardSteps"));
        assertFalse(s.has("stalenessUsed"));
    }
}
