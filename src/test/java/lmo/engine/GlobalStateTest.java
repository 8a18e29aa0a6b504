package lmo.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import lmo.actor.ActorEngine;
import lmo.actor.cluster.wire.Wire;
import lmo.run.CheckpointFile;
import lmo.particles.Gathered;
import lmo.particles.Population;
import lmo.particles.Summaries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model's global state across steps (warm-started potentials on a barycenter's inputs, say): carried from step to
 * step by the scheduler, seen by every block's round 0, rolled back, hashed, checkpointed, resumed and sent over
 * the wire, and the same whatever the shards or actors.
 */
class GlobalStateTest {
    @TempDir Path dir;

    private static Simulation sim(int steps, int shards, long poisonAt) {
        return Fixtures.sim(203, 1, new DampedMean(0.5, poisonAt), TestDynamics.euler(0.1), steps, 16, shards);
    }

    /** g_k by the recurrence g_{k+1} = (theta - M) g_k + X, M and X summed in particle order. */
    private static double expected(Simulation sim, int k) {
        Population p = sim.populations().get(0);
        double mass = 0, moment = 0;
        for (int i = 0; i < p.count(); i++) {
            mass += p.m0()[i];
            moment += p.m0()[i] * p.x0()[i];
        }
        double g = 1.0;
        for (int t = 0; t < k; t++) g = (0.5 - mass) * g + moment;
        return g;
    }

    @Test
    void everyStepSeesTheGlobalStateCarriedFromTheStepBefore() {
        Simulation sim = sim(12, 3, Long.MAX_VALUE);
        Recorder rec = new Recorder();
        assertEquals(RunOutcome.Status.COMPLETED, LocalEngine.run(sim, rec).status());
        assertEquals(13, rec.rows.size());
        for (int k = 0; k <= 12; k++) {
            assertEquals(expected(sim, k), rec.rows.get(k)[0], 1e-13, "g at step " + k);
        }
        assertArrayEquals(new double[] {expected(sim, 12)}, rec.last.global(), 1e-13, "the final state carries g");
    }

    @Test
    void theStateHashCoversTheGlobalStateAndNotTheShards() {
        String one = LocalEngine.run(sim(9, 1, Long.MAX_VALUE), new Recorder()).stateSha256();
        assertEquals(one, LocalEngine.run(sim(9, 5, Long.MAX_VALUE), new Recorder()).stateSha256());
        assertEquals(one, ActorEngine.run(sim(9, 4, Long.MAX_VALUE), new Recorder()).stateSha256());
        assertNotEquals(one, LocalEngine.run(sim(8, 1, Long.MAX_VALUE), new Recorder()).stateSha256(),
                "positions and masses are the same after 8 and 9 steps; only the global state differs");
    }

    @Test
    void aNonFiniteGlobalStateRollsTheStepBack() {
        Recorder rec = new Recorder();
        RunOutcome out = LocalEngine.run(sim(10, 3, 4), rec);
        assertEquals(RunOutcome.Status.DIVERGED, out.status());
        assertTrue(out.message().contains("step 4: the model's global state entry 0 of 1 is NaN"), out.message());
        assertEquals(4, rec.outcome.step());
        assertEquals(expected(sim(10, 1, 4), 4), rec.last.global()[0], 1e-13, "state 4 kept");
    }

    @Test
    void aResumedRunEndsInTheStateOfAStraightOne() throws Exception {
        Simulation straight = sim(10, 2, Long.MAX_VALUE);
        Simulation withCheckpoints = new Simulation("t", 11, 10, straight.populations(), straight.model(),
                straight.dynamics(), 16, 2, 1, 0, 4);
        Recorder rec = new Recorder();
        String expected = LocalEngine.run(withCheckpoints, rec).stateSha256();
        Checkpoint at4 = rec.checkpoints.stream().filter(c -> c.step() == 4).findFirst().orElseThrow();
        CheckpointFile.write(dir, List.of("p"), at4, new byte[32]);
        Checkpoint back = CheckpointFile.read(dir.resolve(CheckpointFile.NAME)).checkpoint();
        assertArrayEquals(at4.state().global(), back.state().global(), 0.0, "the file keeps the global state");
        assertEquals(expected(straight, 4), back.state().global()[0], 1e-13);
        assertEquals(expected, ActorEngine.run(withCheckpoints.resumeFrom(back), new Recorder()).stateSha256());
    }

    @Test
    void aCheckpointWithoutTheGlobalStateIsRefused() {
        Simulation s = sim(10, 1, Long.MAX_VALUE);
        Population p = s.populations().get(0);
        Checkpoint bare = new Checkpoint(3, new Gathered(new double[][] {p.x0()}, new double[][] {p.m0()},
                new int[] {1}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.resumeFrom(bare));
        assertTrue(e.getMessage().contains("0 doubles of model global state, the model 1"), e.getMessage());
    }

    @Test
    void summariesCarryTheGlobalStateOverTheWire() {
        Summaries s = new Summaries(2, 7, new double[] {1.5, -0.0, Double.MIN_VALUE});
        s.set(0, new double[] {2, 3});
        Order.Partials back = (Order.Partials) Wire.decodeOrder(Wire.encode(new Order.Partials(3, 7, 1, s)));
        assertArrayEquals(s.global(), back.done().global(), 0.0);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(back.done().global()[1]));
        assertArrayEquals(new double[] {2, 3}, back.done().sum(0), 0.0);
        assertEquals(null, back.done().get(1));
    }
}
