package lmo.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import lmo.engine.BlockLayout;
import lmo.engine.Checkpoint;
import lmo.engine.LocalEngine;
import lmo.engine.RunObserver;
import lmo.engine.RunOutcome;
import lmo.engine.Simulation;
import lmo.engine.Sync;
import lmo.io.RunLayout;
import lmo.particles.Gathered;
import lmo.scenario.Assembler;
import lmo.scenario.Scenario;
import lmo.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run directory of an asynchronous run: a bounded run's {@code schedule.lmo} holds the sources the engine
 * reported, within the staleness bound and stale somewhere, cut at every checkpoint's state, and a replay from it
 * on other shard counts ends in the same state and writes the same schedule and staleness files;
 * {@code staleness.csv} summarises the steps between logged rows; a rewind and a resume leave the files of the
 * uninterrupted run.
 */
class RunDirectoryAsyncTest {
    @TempDir Path tmp;

    static final int S = 2;

    /** sobolev-torus-s2 with 400 particles in 8 blocks, 40 steps, rows every 3 steps, checkpoints every 10. */
    static Scenario scenario() throws Exception {
        return ScenarioLoader.load(Path.of("scenarios/sobolev-torus-s2.yaml"), List.of("steps=40",
                "populations.particles.count=400", "engine.blockSize=50", "output.every=3", "checkpoint.every=10"));
    }

    static Simulation sim(Sync sync) throws Exception {
        return Assembler.build(scenario()).withSync(sync);
    }

    static String yaml() throws Exception {
        Scenario s = scenario();
        return Assembler.resolved(s, Assembler.build(s)).toYaml();
    }

    /** Every call the engine made, in order, to be made again on another observer. */
    static final class Events implements RunObserver {
        record Event(String kind, long step, Consumer<RunObserver> call) {}

        final List<Event> all = new ArrayList<>();
        final List<List<long[]>> sources = new ArrayList<>();
        final TreeMap<Long, Checkpoint> checkpoints = new TreeMap<>();
        Simulation sim;
        BlockLayout layout;
        List<String> columns;
        RunOutcome outcome;

        @Override public void onStart(Simulation sim, BlockLayout layout, List<String> columns) {
            this.sim = sim;
            this.layout = layout;
            this.columns = List.copyOf(columns);
        }
        @Override public void onSources(int block, long step, long[] src) {
            while (sources.size() <= block) sources.add(new ArrayList<>());
            assertEquals(step, sources.get(block).size(), "block " + block + " reports its steps in order");
            long[] copy = src.clone();
            sources.get(block).add(copy);
            all.add(new Event("sources", step, o -> o.onSources(block, step, copy.clone())));
        }
        @Override public void onMetrics(long step, double wallSeconds, double[] values) {
            double[] v = values.clone();
            all.add(new Event("metrics", step, o -> o.onMetrics(step, wallSeconds, v.clone())));
        }
        @Override public void onSnapshot(long step, Gathered state) {
            all.add(new Event("snapshot", step, o -> o.onSnapshot(step, state)));
        }
        @Override public void onCheckpoint(Checkpoint c) {
            checkpoints.put(c.step(), c);
            all.add(new Event("checkpoint", c.step(), o -> o.onCheckpoint(c)));
        }
        @Override public void onFinish(RunOutcome outcome, Gathered state) {
            this.outcome = outcome;
            all.add(new Event("finish", outcome.step(), o -> o.onFinish(outcome, state)));
        }

        /** The events after a restart at checkpoint c, as a run resumed from it that ordered the same steps makes them. */
        void after(long c, RunObserver o) {
            for (Event e : all) {
                boolean again = switch (e.kind()) {
                    case "sources" -> e.step() >= c;
                    case "metrics" -> e.step() >= c; // the checkpoint's own row is logged again, when it is logged
                    case "snapshot", "checkpoint" -> e.step() > c;
                    default -> true;
                };
                if (again) e.call().accept(o);
            }
        }
    }

    /** Calls the observers in order. */
    record Tee(List<RunObserver> all) implements RunObserver {
        @Override public void onStart(Simulation sim, BlockLayout layout, List<String> columns) {
            all.forEach(o -> o.onStart(sim, layout, columns));
        }
        @Override public void onSources(int block, long step, long[] sources) {
            all.forEach(o -> o.onSources(block, step, sources));
        }
        @Override public void onMetrics(long step, double wallSeconds, double[] values) {
            all.forEach(o -> o.onMetrics(step, wallSeconds, values));
        }
        @Override public void onSnapshot(long step, Gathered state) { all.forEach(o -> o.onSnapshot(step, state)); }
        @Override public void onCheckpoint(Checkpoint c) { all.forEach(o -> o.onCheckpoint(c)); }
        @Override public void onRewind(long step) { all.forEach(o -> o.onRewind(step)); }
        @Override public void onFinish(RunOutcome outcome, Gathered state) { all.forEach(o -> o.onFinish(outcome, state)); }
    }

    private static JsonNode summary(Path run) throws IOException {
        return new ObjectMapper().readTree(run.resolve(RunLayout.SUMMARY).toFile());
    }

    /** staleness.csv as the rows {step, min, mean, max}, header checked. */
    private static List<double[]> stalenessRows(Path run) throws IOException {
        List<String> lines = Files.readAllLines(run.resolve(RunLayout.STALENESS));
        assertEquals("step,min,mean,max", lines.get(0));
        List<double[]> rows = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            rows.add(new double[] {Long.parseLong(f[0]), Long.parseLong(f[1]), Double.parseDouble(f[2]), Long.parseLong(f[3])});
        }
        return rows;
    }

    /** The rows staleness.csv should hold for these sources and logged steps. */
    private static List<double[]> expectedRows(List<List<long[]>> sources, List<Long> logged) {
        List<double[]> rows = new ArrayList<>();
        long from = 0;
        for (long k : logged) {
            if (k == from) continue;
            long min = Long.MAX_VALUE, max = Long.MIN_VALUE, sum = 0, n = 0;
            for (List<long[]> block : sources) {
                for (long t = from; t < k; t++) {
                    for (long src : block.get((int) t)) {
                        min = Math.min(min, t - src);
                        max = Math.max(max, t - src);
                        sum += t - src;
                        n++;
                    }
                }
            }
            rows.add(new double[] {k, min, (double) sum / n, max});
            from = k;
        }
        return rows;
    }

    private static void assertRows(List<double[]> expected, List<double[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) assertArrayEquals(expected.get(i), actual.get(i), "row " + i);
    }

    private static List<Long> loggedSteps(Path run) throws IOException {
        return Files.readAllLines(run.resolve(RunLayout.METRICS)).stream().skip(1)
                .map(l -> Long.parseLong(l.split(",")[0])).toList();
    }

    private static void assertSameFile(Path a, Path b, String name) throws IOException {
        assertTrue(Files.size(a.resolve(name)) > 0, name + " is not empty");
        assertArrayEquals(Files.readAllBytes(a.resolve(name)), Files.readAllBytes(b.resolve(name)), name);
    }

    /** metrics.csv without the wallSeconds column. */
    private static List<String> metricRows(Path run) throws IOException {
        return Files.readAllLines(run.resolve(RunLayout.METRICS)).stream().map(l -> l.replaceFirst(",[^,]*", "")).toList();
    }

    @Test
    void aBoundedRunWritesItsScheduleWithEveryCheckpointAndAReplayWritesTheSameFiles() throws Exception {
        Simulation sim = sim(new Sync(Sync.Mode.BOUNDED, S, Sync.Straggler.NONE));
        Path dir = tmp.resolve("run");
        RunDirectory run = RunDirectory.create(dir, yaml(), "");
        Events events = new Events();
        List<Long> cuts = new ArrayList<>();
        RunObserver cutCheck = new RunObserver() {
            @Override public void onCheckpoint(Checkpoint c) {
                try { // written with the checkpoint: the steps before its state, as the engine reported them
                    ScheduleFile f = ScheduleFile.read(dir.resolve(RunLayout.SCHEDULE));
                    for (int b = 0; b < f.blocks(); b++) {
                        assertEquals(c.step(), f.steps(b), "block " + b + " at the checkpoint of " + c.step());
                        for (int k = 0; k < c.step(); k++) assertArrayEquals(events.sources.get(b).get(k), f.sources(b, k));
                    }
                    cuts.add(c.step());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        RunOutcome o = LocalEngine.run(sim, new Tee(List.of(events, run, cutCheck)), 4, new Random(11));
        assertEquals(RunOutcome.Status.COMPLETED, o.status(), o.message());
        assertEquals(List.of(10L, 20L, 30L, 40L), cuts);

        ScheduleFile file = ScheduleFile.read(dir.resolve(RunLayout.SCHEDULE));
        assertEquals(8, file.blocks());
        assertEquals(S, file.staleness());
        long stalest = Long.MIN_VALUE, freshest = Long.MAX_VALUE;
        for (int b = 0; b < 8; b++) {
            assertEquals(40, file.steps(b));
            for (int k = 0; k < 40; k++) {
                long[] src = file.sources(b, k);
                assertArrayEquals(events.sources.get(b).get(k), src, "block " + b + " step " + k);
                for (long t : src) {
                    stalest = Math.max(stalest, k - t);
                    freshest = Math.min(freshest, k - t);
                }
            }
        }
        assertTrue(stalest <= S, "staleness " + stalest);
        assertTrue(stalest > 0, "uneven shards make some summary stale");
        assertTrue(freshest >= -(S + 2), "ahead by " + -freshest);
        JsonNode summary = summary(dir);
        assertEquals(RunLayout.SCHEDULE, summary.get("schedule").asText());
        assertEquals(o.stateSha256(), summary.get("stateSha256").asText());

        List<Long> logged = loggedSteps(dir);
        assertEquals(0L, logged.get(0));
        List<double[]> rows = stalenessRows(dir);
        assertRows(expectedRows(events.sources, logged), rows);
        assertEquals(logged.subList(1, logged.size()), rows.stream().map(r -> (long) r[0]).toList(), "no row for step 0");
        assertTrue(rows.stream().allMatch(r -> r[3] <= S), "every row's max <= s");
        assertTrue(rows.stream().anyMatch(r -> r[3] > 0), "a stale row");

        for (int shards : new int[] {1, 5}) {
            Path again = tmp.resolve("replay-" + shards);
            RunDirectory replayDir = RunDirectory.create(again, yaml(), "");
            replayDir.replayOf(dir);
            Simulation replay = sim.withSync(sim.sync().replaying(ScheduleFile.read(dir.resolve(RunLayout.SCHEDULE))));
            RunOutcome r = LocalEngine.run(replay, replayDir, shards, new Random(shards));
            assertEquals(o.stateSha256(), r.stateSha256(), shards + " shards");
            assertSameFile(dir, again, RunLayout.SCHEDULE);
            assertSameFile(dir, again, RunLayout.STALENESS);
            assertEquals(metricRows(dir), metricRows(again));
            assertEquals(dir.toString(), summary(again).get("replayOf").asText());
        }
    }

    @Test
    void aDelayedRunWritesStalenessAndNoSchedule() throws Exception {
        Simulation sim = sim(new Sync(Sync.Mode.DELAYED, S, Sync.Straggler.NONE));
        Path dir = tmp.resolve("delayed");
        Events events = new Events();
        LocalEngine.run(sim, new Tee(List.of(events, RunDirectory.create(dir, yaml(), ""))), 3, new Random(2));
        assertFalse(Files.exists(dir.resolve(RunLayout.SCHEDULE)));
        assertFalse(summary(dir).has("schedule"));
        List<double[]> rows = stalenessRows(dir);
        assertRows(expectedRows(events.sources, loggedSteps(dir)), rows);
        // state t reads state max(0, t - s): staleness min(t, s) everywhere
        assertArrayEquals(new double[] {3, 0, 1, 2}, rows.get(0));
        assertArrayEquals(new double[] {6, 2, 2, 2}, rows.get(1));
    }

    @Test
    void bspAndSynchronousRunsWriteNeither() throws Exception {
        for (Sync sync : List.of(Sync.BSP, new Sync(Sync.Mode.BOUNDED, 0, Sync.Straggler.NONE))) {
            Path dir = tmp.resolve(sync.mode().key());
            LocalEngine.run(sim(sync), RunDirectory.create(dir, yaml(), ""), 3, new Random(2));
            assertFalse(Files.exists(dir.resolve(RunLayout.SCHEDULE)));
            assertFalse(Files.exists(dir.resolve(RunLayout.STALENESS)));
            assertFalse(summary(dir).has("schedule"));
        }
    }

    /**
     * A rewind to the checkpoint of step 20 (rows every 3 steps: 20 has none) after row 27 and steps beyond, and a
     * kill after row 27 then {@code reopen} at 20, each followed by the same steps again, leave the uninterrupted run's
     * schedule.lmo, staleness.csv and metrics.csv.
     */
    @Test
    void aRewindAndAResumeLeaveTheFilesOfTheUninterruptedRun() throws Exception {
        for (Sync sync : List.of(new Sync(Sync.Mode.BOUNDED, S, Sync.Straggler.NONE),
                new Sync(Sync.Mode.DELAYED, S, Sync.Straggler.NONE))) {
            String mode = sync.mode().key();
            Simulation sim = sim(sync);
            Path whole = tmp.resolve(mode + "-whole");
            Events events = new Events();
            LocalEngine.run(sim, new Tee(List.of(events, RunDirectory.create(whole, yaml(), ""))), 4, new Random(11));
            int cut = -1; // the kill comes after row 27
            for (int i = 0; i < events.all.size(); i++) {
                Events.Event e = events.all.get(i);
                if (e.kind().equals("metrics") && e.step() == 27) cut = i;
            }
            assertTrue(events.all.subList(0, cut).stream().anyMatch(e -> e.kind().equals("sources") && e.step() > 27));
            Simulation resumed = sim.resumeFrom(events.checkpoints.get(20L));

            Path rewound = tmp.resolve(mode + "-rewound");
            RunDirectory r = RunDirectory.create(rewound, yaml(), "");
            r.onStart(events.sim, events.layout, events.columns);
            events.all.subList(0, cut + 1).forEach(e -> e.call().accept(r));
            r.onRewind(20);
            r.onStart(resumed, events.layout, events.columns);
            events.after(20, r);

            Path killed = tmp.resolve(mode + "-killed");
            RunDirectory k = RunDirectory.create(killed, yaml(), "");
            k.onStart(events.sim, events.layout, events.columns);
            events.all.subList(0, cut + 1).forEach(e -> e.call().accept(k));
            if (sync.mode() == Sync.Mode.BOUNDED) {
                assertEquals(20, ScheduleFile.read(killed.resolve(RunLayout.SCHEDULE)).minSteps());
            }
            RunDirectory back = RunDirectory.reopen(killed, 20);
            back.onStart(resumed, events.layout, events.columns);
            events.after(20, back);

            for (Path p : List.of(rewound, killed)) {
                String what = mode + " " + p.getFileName();
                assertEquals(metricRows(whole), metricRows(p), what);
                assertEquals(Files.readString(whole.resolve(RunLayout.STALENESS)),
                        Files.readString(p.resolve(RunLayout.STALENESS)), what);
                if (sync.mode() == Sync.Mode.BOUNDED) {
                    assertArrayEquals(Files.readAllBytes(whole.resolve(RunLayout.SCHEDULE)),
                            Files.readAllBytes(p.resolve(RunLayout.SCHEDULE)), what);
                    assertEquals(RunLayout.SCHEDULE, summary(p).get("schedule").asText());
                }
                assertEquals(summary(whole).get("stateSha256"), summary(p).get("stateSha256"), what);
            }
            assertEquals(20, summary(killed).get("resumedFrom").asInt());
        }
    }
}
