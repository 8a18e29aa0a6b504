package lmo.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lmo.actor.ActorEngine;
import lmo.run.CheckpointFile;
import lmo.particles.Population;
import lmo.scenario.Assembler;
import lmo.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run resumed from a checkpoint at step j ends in the state of the uninterrupted run, bit for bit, and logs the
 * same metric rows from j on, on either engine and whatever the shard counts before and after.
 */
class ResumeTest {
    @TempDir Path dir;

    /** Renormalised masses and noise: both the reference mass and the step counter must survive the resume. */
    private static Simulation attraction(int shards) {
        Simulation s = Fixtures.sim(300, 2, new MeanAttraction(2), new TestDynamics(0.05, 0.7, true, 0.1), 30, 32, shards);
        return new Simulation(s.name(), s.seed(), s.steps(), s.populations(), s.model(), s.dynamics(), 32, shards, 1, 5, 7);
    }

    private static Checkpoint at(Recorder rec, long step) {
        return rec.checkpoints.stream().filter(c -> c.step() == step).findFirst().orElseThrow();
    }

    /** Rows of steps >= from, in order. */
    private static List<double[]> rowsFrom(Recorder rec, long from) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < rec.loggedSteps.size(); i++) if (rec.loggedSteps.get(i) >= from) out.add(rec.rows.get(i));
        return out;
    }

    private static void assertSameRun(Recorder straight, Recorder resumed, long from) {
        assertEquals(straight.outcome.stateSha256(), resumed.outcome.stateSha256());
        assertEquals(straight.loggedSteps.stream().filter(k -> k >= from).toList(), resumed.loggedSteps);
        List<double[]> a = rowsFrom(straight, from), b = rowsFrom(resumed, from);
        for (int i = 0; i < a.size(); i++) assertArrayEquals(a.get(i), b.get(i), 0.0, "row " + resumed.loggedSteps.get(i));
    }

    @Test
    void checkpointsFallOnMultiplesAndTheFinalState() {
        Recorder rec = new Recorder();
        LocalEngine.run(attraction(1), rec);
        assertEquals(List.of(7L, 14L, 21L, 28L, 30L), rec.checkpoints.stream().map(Checkpoint::step).toList());
        assertEquals(List.of(0L, 5L, 10L, 15L, 20L, 25L), rec.snapshotSteps);
        assertEquals(rec.outcome.stateSha256(), StateHash.sha256(at(rec, 30).state()));
    }

    @Test
    void aResumedRunEndsBitForBitWhereTheStraightRunEnds() {
        Recorder straight = new Recorder();
        ActorEngine.run(attraction(3), straight);
        Checkpoint c = at(straight, 14);
        Recorder local = new Recorder();
        LocalEngine.run(attraction(1).resumeFrom(c), local);
        assertSameRun(straight, local, 14);
        assertEquals(List.of(21L, 28L, 30L), local.checkpoints.stream().map(Checkpoint::step).toList(), "none at the start");
        assertEquals(List.of(15L, 20L, 25L), local.snapshotSteps, "step 14's snapshot was due before the checkpoint");
        Recorder actors = new Recorder();
        ActorEngine.run(attraction(5).resumeFrom(c), actors);
        assertSameRun(straight, actors, 14);
        Recorder noOp = new Recorder();
        LocalEngine.run(attraction(2).resumeFrom(at(straight, 30)), noOp);
        assertSameRun(straight, noOp, 30);
    }

    @Test
    void theRenormalisationTargetStaysTheMassOfStepZero() {
        Simulation sim = attraction(1);
        Recorder straight = new Recorder();
        LocalEngine.run(sim, straight);
        Checkpoint c = at(straight, 14);
        Simulation resumed = sim.resumeFrom(c);
        assertArrayEquals(sim.referenceMass(), resumed.referenceMass(), 0.0);
        assertEquals(14, resumed.startStep());
        // the checkpoint's own total differs from step 0's in the last bits, and that would change the run
        double[] ownTotal = resumed.populations().stream().mapToDouble(Population::initialMass).toArray();
        assertNotEquals(sim.referenceMass()[0], ownTotal[0]);
        Simulation wrong = new Simulation(sim.name(), sim.seed(), sim.steps(), resumed.populations(), sim.model(),
                sim.dynamics(), 32, 1, 1, 5, 7, 14, ownTotal, null);
        assertNotEquals(straight.outcome.stateSha256(), LocalEngine.run(wrong, new Recorder()).stateSha256());
    }

    @Test
    void ordersAreNumberedFromTheGivenBaseAndStrictlyIncrease() {
        Simulation sim = attraction(1);
        BlockLayout layout = new BlockLayout(sim.populations(), sim.blockSize(), 1);
        ShardCore shard = new ShardCore(0, layout.blocksOf(0, sim.populations()), sim);
        SchedulerCore core = new SchedulerCore(sim, layout, new Recorder(), 1000);
        long last = 1000;
        for (Order o = core.start(); o != null; o = core.onReports(List.of(shard.execute(o)))) {
            assertTrue(o.seq() > last, o.seq() + " after " + last);
            last = o.seq();
        }
        assertEquals(last, core.seq());
    }

    @Test
    void aRequestedCheckpointIsTakenAtTheNextState() {
        Simulation sim = Fixtures.sim(200, 1, new MeanAttraction(1), new TestDynamics(0.1, 0, false, 0.05), 12, 16, 1);
        BlockLayout layout = new BlockLayout(sim.populations(), sim.blockSize(), 1);
        ShardCore shard = new ShardCore(0, layout.blocksOf(0, sim.populations()), sim);
        Recorder rec = new Recorder();
        SchedulerCore core = new SchedulerCore(sim, layout, rec);
        for (Order o = core.start(); o != null; o = core.onReports(List.of(shard.execute(o)))) {
            if (o instanceof Order.Apply a && a.step() == 5) core.requestCheckpoint();
        }
        assertEquals(List.of(6L), rec.checkpoints.stream().map(Checkpoint::step).toList(), "once, and not at the end");
        Recorder six = new Recorder();
        LocalEngine.run(Fixtures.sim(200, 1, new MeanAttraction(1), new TestDynamics(0.1, 0, false, 0.05), 6, 16, 1), six);
        assertEquals(six.outcome.stateSha256(), StateHash.sha256(rec.checkpoints.get(0).state()));
    }

    /** The mmd flow of the shipped test scenario, with noise or with renormalised masses, through a checkpoint file. */
    @ParameterizedTest
    @ValueSource(strings = {"{type: langevin, stepSize: 0.01, temperature: 0.01}",
                            "{type: wfr, stepSize: 0.01, massStepSize: 0.5, conserveMass: true}"})
    void theMmdScenarioResumesFromAFile(String dynamics) throws Exception {
        Path scenario = Path.of(ResumeTest.class.getResource("/lmo/scenario/sobolev-torus-s1.yaml").toURI());
        Simulation sim = Assembler.build(ScenarioLoader.load(scenario, List.of("steps=40", "populations.particles.count=300",
                "dynamics=" + dynamics, "engine.blockSize=32", "engine.shards=3", "output.every=1", "checkpoint.every=10")));
        Recorder straight = new Recorder();
        ActorEngine.run(sim, straight);
        byte[] fingerprint = CheckpointFile.fingerprint("any");
        CheckpointFile.write(dir, List.of("particles"), at(straight, 20), fingerprint);
        Checkpoint c = CheckpointFile.read(dir.resolve(CheckpointFile.NAME)).checkpoint();
        assertEquals(StateHash.sha256(at(straight, 20).state()), StateHash.sha256(c.state()));
        Recorder local = new Recorder();
        LocalEngine.run(sim.resumeFrom(c), local);
        assertSameRun(straight, local, 20);
        Recorder actors = new Recorder();
        ActorEngine.run(sim.withShards(2).resumeFrom(c), actors);
        assertSameRun(straight, actors, 20);
        assertNotEquals(StateHash.sha256(c.state()), straight.outcome.stateSha256(), "the state moved after step 20");
    }
}
