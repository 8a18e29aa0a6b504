package lmo.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import lmo.scenario.Assembler;
import lmo.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The asynchronous step machine: a delayed run resumed from any checkpoint ends where the uninterrupted run ends; a
 * bounded run's recorded schedule stays within its staleness and replays bit for bit on any shard count; a metric
 * row is that of its state's own summary; a divergence ends the run at the first diverging state whatever the
 * shards.
 */
class AsyncCoreTest {

    static Simulation sim(String scenario, String... overrides) throws Exception {
        return Assembler.build(ScenarioLoader.load(Path.of(scenario), List.of(overrides)));
    }

    static Simulation sobolev(int steps) throws Exception {
        return sim("scenarios/sobolev-torus-s2.yaml", "steps=" + steps, "populations.particles.count=400",
                "engine.blockSize=50", "output.every=1");
    }

    static Sync delayed(int s) { return new Sync(Sync.Mode.DELAYED, s, Sync.Straggler.NONE); }

    static Sync bounded(int s) { return new Sync(Sync.Mode.BOUNDED, s, Sync.Straggler.NONE); }

    /** Records every step's sources, as the run directory does. */
    static class Sources extends Recorder implements Sync.Recorded {
        final List<List<long[]>> byBlock = new ArrayList<>();

        @Override public void onSources(int block, long step, long[] sources) {
            while (byBlock.size() <= block) byBlock.add(new ArrayList<>());
            assertEquals(step, byBlock.get(block).size(), "block " + block + " steps in order");
            byBlock.get(block).add(sources.clone());
        }

        @Override public long[] sources(int block, long step) { return byBlock.get(block).get((int) step).clone(); }
        @Override public int blocks() { return byBlock.size(); }
        @Override public long steps(int block) { return byBlock.get(block).size(); }
    }

    @Test
    void aDelayedRunResumedFromACheckpointEndsInTheUninterruptedState() throws Exception {
        for (int s : new int[] {1, 3}) {
            Simulation base = sobolev(45).withSync(delayed(s));
            base = new Simulation(base.name(), base.seed(), base.steps(), base.populations(), base.model(),
                    base.dynamics(), base.blockSize(), base.shards(), base.every(), base.snapshotEvery(), 10, 0,
                    base.referenceMass(), null, base.sync(), null);
            Recorder whole = new Recorder();
            RunOutcome reference = LocalEngine.run(base, whole, 3, new Random(1));
            assertEquals(List.of(10L, 20L, 30L, 40L, 45L), whole.checkpoints.stream().map(Checkpoint::step).toList());
            Checkpoint c20 = whole.checkpoints.get(1);
            assertEquals(s, c20.earlier().size(), "a delayed checkpoint holds the s states in flight");
            Recorder rest = new Recorder();
            RunOutcome resumed = LocalEngine.run(base.resumeFrom(c20), rest, 8, new Random(2));
            assertEquals(reference.stateSha256(), resumed.stateSha256(), "s = " + s);
            // the resumed rows are the uninterrupted run's rows, bit for bit
            int from = whole.loggedSteps.indexOf(20L);
            for (int i = 0; i < rest.rows.size(); i++) {
                assertArrayEquals(whole.rows.get(from + i), rest.rows.get(i), "row of step " + rest.loggedSteps.get(i));
            }
        }
    }

    @Test
    void lazilyRenormalisedMassesResumeExactlyAndStayAtTheReferenceTotal() throws Exception {
        Simulation game = sim("scenarios/game-generic.yaml", "steps=30", "engine.blockSize=25", "output.every=1")
                .withSync(delayed(2));
        game = new Simulation(game.name(), game.seed(), game.steps(), game.populations(), game.model(), game.dynamics(),
                game.blockSize(), game.shards(), game.every(), game.snapshotEvery(), 12, 0, game.referenceMass(), null,
                game.sync(), null);
        Recorder whole = new Recorder();
        RunOutcome reference = LocalEngine.run(game, whole, 4, new Random(3));
        assertEquals(RunOutcome.Status.COMPLETED, reference.status(), reference.message());
        double[] ref = game.referenceMass();
        for (int p = 0; p < ref.length; p++) {
            double total = 0;
            for (double m : whole.last.m()[p]) total += m;
            assertEquals(ref[p], total, 1e-12 * ref[p], "population " + p + " keeps its reference mass");
        }
        RunOutcome resumed = LocalEngine.run(game.resumeFrom(whole.checkpoints.get(0)), new Recorder(), 1, null);
        assertEquals(reference.stateSha256(), resumed.stateSha256());
        assertEquals(reference.stateSha256(), LocalEngine.run(game, new Recorder()).stateSha256(), "shards");
    }

    @Test
    void aBoundedRunStaysWithinItsStalenessAndReplaysOnAnyShardCount() throws Exception {
        int s = 2;
        Simulation base = sobolev(40).withSync(bounded(s));
        Sources recorded = new Sources();
        RunOutcome run = LocalEngine.run(base, recorded, 4, new Random(11));
        long max = Long.MIN_VALUE;
        for (int b = 0; b < recorded.blocks(); b++) {
            assertEquals(40, recorded.steps(b));
            for (int k = 0; k < 40; k++) {
                for (long t : recorded.sources(b, k)) {
                    assertTrue(k - t <= s, "block " + b + " step " + k + " read state " + t);
                    max = Math.max(max, k - t);
                }
            }
        }
        assertTrue(max > 0, "uneven shards make some summary stale");
        assertNotEquals(LocalEngine.run(base.withSync(Sync.BSP), new Recorder()).stateSha256(), run.stateSha256());
        for (int shards : new int[] {1, 5}) {
            Simulation replay = base.withSync(base.sync().replaying(recorded));
            RunOutcome again = LocalEngine.run(replay, new Recorder(), shards, new Random(shards));
            assertEquals(run.stateSha256(), again.stateSha256(), shards + " shards");
        }
    }

    @Test
    void aMetricRowIsThatOfItsStatesOwnSummary() throws Exception {
        // a GATHER model with metric sums: the energy row of state k against a bsp evaluation of the snapshot of k
        Simulation gauss = sim("scenarios/mmd-gaussian-2d.yaml", "steps=12", "populations.particles.count=200",
                "model.target.count=150", "engine.blockSize=25", "output.every=4", "output.snapshotEvery=4")
                .withSync(delayed(2));
        Recorder run = new Recorder();
        LocalEngine.run(gauss, run, 3, null);
        assertEquals(List.of(0L, 4L, 8L), run.snapshotSteps);
        for (int i = 1; i < run.snapshotSteps.size(); i++) {
            long k = run.snapshotSteps.get(i);
            Simulation at = gauss.withSync(Sync.BSP).resumeFrom(new Checkpoint(k, run.snapshots.get(i)));
            at = new Simulation(at.name(), at.seed(), (int) k, at.populations(), at.model(), at.dynamics(),
                    at.blockSize(), at.shards(), at.every(), 0, 0, k, at.referenceMass(), null);
            Recorder exact = new Recorder();
            LocalEngine.run(at, exact);
            assertEquals(exact.rows.get(exact.rows.size() - 1)[0], run.rows.get(run.loggedSteps.indexOf(k))[0],
                    1e-14, "energy of state " + k);
        }
    }

    @Test
    void aDivergenceEndsAtTheFirstDivergingStateWhateverTheShards() throws Exception {
        // x <- x - eta kappa x + noise with eta kappa = 2000: |x| grows 2000-fold per step and overflows near step 93
        Simulation wild = sim("scenarios/langevin-ou.yaml", "steps=200", "populations.particles.count=200",
                "engine.blockSize=25", "output.every=50", "dynamics.stepSize=1000").withSync(delayed(2));
        RunOutcome one = LocalEngine.run(wild, new Recorder());
        assertEquals(RunOutcome.Status.DIVERGED, one.status());
        Recorder rec = new Recorder();
        RunOutcome eight = LocalEngine.run(wild, rec, 8, new Random(5));
        assertEquals(one.message(), eight.message());
        assertEquals(one.step(), eight.step());
        assertEquals(one.stateSha256(), eight.stateSha256());
        assertEquals(one.step(), (long) rec.loggedSteps.get(rec.loggedSteps.size() - 1), "the last row is the last good state's");
        assertTrue(one.message().startsWith("step " + one.step() + ": "), one.message());
    }

    /** The combinations issue 16 names as must-run, each in both asynchronous modes (reduced sizes). */
    static final List<List<String>> MUST_RUN = List.of(
            List.of("scenarios/mmd-gaussian-2d.yaml", "populations.particles.count=120", "model.target.count=80"),
            List.of("scenarios/mmd-gaussian-2d.yaml", "populations.particles.count=120", "model.target.count=80",
                    "dynamics={type: langevin, stepSize: 0.5, temperature: 1e-4}"),
            List.of("scenarios/sobolev-torus-s2.yaml", "populations.particles.count=300", "model.kernel={type: sobolev,"
                    + " s: 1.5, modes: 40}", "dynamics.stepSize=1"),
            List.of("scenarios/sobolev-torus-s2.yaml", "populations.particles.count=300"),
            List.of("scenarios/sobolev-torus-s2.yaml", "populations.particles.count=300",
                    "dynamics={type: langevin, stepSize: 20, temperature: 1e-6}"),
            List.of("scenarios/relu-teacher-student-gd.yaml", "populations.neurons.count=64",
                    "model.data.inputs.count=128", "model.data.test.count=64"),
            List.of("scenarios/relu-teacher-student-gd.yaml", "populations.neurons.count=64",
                    "model.data.inputs.count=128", "model.data.test.count=64",
                    "dynamics={type: langevin, stepSize: 0.5, temperature: 1e-5}"),
            List.of("scenarios/relu-teacher-student-wfr.yaml", "populations.neurons.count=64",
                    "model.data.inputs.count=128", "model.data.test.count=64", "dynamics.conserveMass=false"),
            List.of("scenarios/relu-teacher-student-wfr.yaml", "populations.neurons.count=64",
                    "model.data.inputs.count=128", "model.data.test.count=64", "dynamics.conserveMass=true"),
            List.of("scenarios/game-generic.yaml", "engine.blockSize=1"));

    @Test
    void everyCombinationTheIssueNamesRunsInBothModesAndDelayedIsShardInvariant() throws Exception {
        for (List<String> c : MUST_RUN) {
            List<String> o = new ArrayList<>(c.subList(1, c.size()));
            o.addAll(List.of("steps=12", "output.every=4"));
            if (o.stream().noneMatch(x -> x.startsWith("engine.blockSize"))) o.add("engine.blockSize=16");
            Simulation sim = sim(c.get(0), o.toArray(String[]::new));
            for (Sync sync : List.of(delayed(1), bounded(1))) {
                Sources rec = new Sources();
                RunOutcome out = LocalEngine.run(sim.withSync(sync), rec, 3, new Random(7));
                assertEquals(RunOutcome.Status.COMPLETED, out.status(), c + " " + sync + ": " + out.message());
                Simulation replay = sync.mode() == Sync.Mode.DELAYED ? sim.withSync(sync)
                        : sim.withSync(sync.replaying(rec));
                assertEquals(out.stateSha256(), LocalEngine.run(replay, new Recorder()).stateSha256(), c + " " + sync);
                if (sim.dynamics().normalizesMass()) {
                    double[] ref = sim.referenceMass();
                    for (int p = 0; p < ref.length; p++) {
                        double total = 0;
                        for (double m : rec.last.m()[p]) total += m;
                        assertEquals(ref[p], total, 1e-12 * ref[p], c + " " + sync + ": mass renormalised");
                    }
                }
            }
        }
    }

    @Test
    void aBoundedRunResumedFromACheckpointReplaysFromStepZeroToItsOwnEnd() throws Exception {
        Simulation base = sobolev(40).withSync(bounded(2));
        base = new Simulation(base.name(), base.seed(), base.steps(), base.populations(), base.model(),
                base.dynamics(), base.blockSize(), base.shards(), base.every(), base.snapshotEvery(), 10, 0,
                base.referenceMass(), null, base.sync(), null);
        Sources first = new Sources();
        LocalEngine.run(base, first, 4, new Random(21));
        Checkpoint c20 = first.checkpoints.stream().filter(c -> c.step() == 20).findFirst().orElseThrow();
        // the resumed run schedules its own steps from 20 on; steps before 20 read no partial past 20
        Sources rest = new Sources() {
            @Override public void onSources(int block, long step, long[] sources) {
                while (byBlock.size() <= block) byBlock.add(new ArrayList<>(first.byBlock.get(byBlock.size()).subList(0, 20)));
                super.onSources(block, step, sources);
            }
        };
        RunOutcome resumed = LocalEngine.run(base.resumeFrom(c20), rest, 3, new Random(22));
        for (int b = 0; b < first.blocks(); b++) {
            for (int k = 0; k < 20; k++) for (long t : first.sources(b, k)) assertTrue(t <= 20, "step " + k + " read " + t);
        }
        RunOutcome replay = LocalEngine.run(base.withSync(base.sync().replaying(rest)), new Recorder(), 5, new Random(23));
        assertEquals(resumed.stateSha256(), replay.stateSha256());
    }
}
