package lmo.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import lmo.actor.ActorEngine;
import lmo.run.CheckpointFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-particle solver state (a Sinkhorn potential, say): updated by the model, committed with the particles, rolled
 * back with them, hashed, checkpointed and resumed, and the same whatever the shards or actors.
 */
class SolverStateTest {
    @TempDir Path dir;

    private static Simulation sim(int steps, int shards, long poisonAt) {
        return Fixtures.sim(203, 1, new DiscountedSum(0.5, poisonAt), TestDynamics.euler(0.1), steps, 16, shards);
    }

    @Test
    void theModelsUpdateIsCommittedEveryStep() {
        int steps = 12;
        Simulation sim = sim(steps, 2, Long.MAX_VALUE);
        Recorder rec = new Recorder();
        assertEquals(RunOutcome.Status.COMPLETED, LocalEngine.run(sim, rec).status());
        double[] x = sim.populations().get(0).x0();
        double factor = (1 - Math.pow(0.5, steps)) / 0.5;
        assertEquals(1, rec.last.solverWidth()[0]);
        for (int i = 0; i < x.length; i++) assertEquals(x[i] * factor, rec.last.s()[0][i], 1e-14);
        assertArrayEquals(x, rec.last.x()[0], 0.0, "V = 0: the particles stay");
        for (int k = 0; k < rec.rows.size(); k++) {
            assertEquals(rec.loggedSteps.get(k), rec.rows.get(k)[1], 0.0, "the summaries know their step");
        }
    }

    @Test
    void theStateHashCoversTheSolverStateAndNotTheShards() {
        String one = LocalEngine.run(sim(9, 1, Long.MAX_VALUE), new Recorder()).stateSha256();
        String three = LocalEngine.run(sim(9, 3, Long.MAX_VALUE), new Recorder()).stateSha256();
        String actors = ActorEngine.run(sim(9, 4, Long.MAX_VALUE), new Recorder()).stateSha256();
        assertEquals(one, three);
        assertEquals(one, actors);
        assertNotEquals(one, LocalEngine.run(sim(8, 1, Long.MAX_VALUE), new Recorder()).stateSha256(),
                "positions and masses are the same after 8 and 9 steps; only the solver state differs");
    }

    @Test
    void aNonFiniteSolverStateRollsTheStepBack() {
        Recorder rec = new Recorder();
        RunOutcome out = LocalEngine.run(sim(10, 3, 4), rec);
        assertEquals(RunOutcome.Status.DIVERGED, out.status());
        assertTrue(out.message().contains("solver state"), out.message());
        double[] x = sim(10, 1, 4).populations().get(0).x0();
        double factor = (1 - Math.pow(0.5, 4)) / 0.5;
        for (int i = 0; i < x.length; i++) assertEquals(x[i] * factor, rec.last.s()[0][i], 1e-14, "state 4 kept");
    }

    @Test
    void aResumedRunEndsInTheStateOfAStraightOne() throws Exception {
        Simulation straight = Fixtures.sim(203, 1, new DiscountedSum(0.5, Long.MAX_VALUE), TestDynamics.euler(0.1), 10,
                16, 2);
        Simulation withCheckpoints = new Simulation("t", 11, 10, straight.populations(), straight.model(),
                straight.dynamics(), 16, 2, 1, 0, 4);
        Recorder rec = new Recorder();
        String expected = LocalEngine.run(withCheckpoints, rec).stateSha256();
        Checkpoint at4 = rec.checkpoints.stream().filter(c -> c.step() == 4).findFirst().orElseThrow();
        CheckpointFile.write(dir, List.of("p"), at4, new byte[32]);
        Checkpoint back = CheckpointFile.read(dir.resolve(CheckpointFile.NAME)).checkpoint();
        assertArrayEquals(at4.state().s()[0], back.state().s()[0], 0.0, "the file keeps the solver state");
        assertEquals(expected, ActorEngine.run(withCheckpoints.resumeFrom(back), new Recorder()).stateSha256());
    }
}
