package lmo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import lmo.particles.Gathered;
import org.junit.jupiter.api.Test;

/**
 * The live sample: an observer that wants it gets, early in the run (at its first state) and then every few seconds,
 * at most 2000 particles per population, the ids {@code floor(i * count / 2000)}, without any change to the state
 * (bsp, delayed; a bounded run's result depends on timing anyway);
 * with no such observer the scheduler never orders one. No wall-clock assertion: only the first sample is certain.
 */
class LiveSampleOrderTest {
    private static final int COUNT = 4500;

    /** Keeps the live samples. */
    static final class Live extends Recorder {
        final List<Long> steps = new ArrayList<>();
        final List<Gathered> samples = new ArrayList<>();

        @Override public boolean wantsLiveSample() { return true; }
        @Override public void onLiveSample(long step, Gathered sample) {
            steps.add(step);
            samples.add(sample);
        }
    }

    static Simulation sim(Sync sync) throws Exception {
        return AsyncCoreTest.sim("scenarios/sobolev-torus-s2.yaml", "steps=12", "populations.particles.count=" + COUNT,
                "engine.blockSize=700", "output.every=5", "model.kernel={type: sobolev, s: 2, method: fourier, modes: 8}")
                .withSync(sync);
    }

    @Test
    void theFirstStateIsSampledEvenlyByIdAndNothingElseChanges() throws Exception {
        for (Sync sync : List.of(Sync.BSP, AsyncCoreTest.delayed(2), AsyncCoreTest.bounded(1))) {
            Simulation sim = sim(sync);
            String reference = LocalEngine.run(sim, new Recorder(), 3, null).stateSha256();
            Live live = new Live();
            String hash = LocalEngine.run(sim, live, 3, null).stateSha256();
            // bounded: the sample's tasks change the order timing, hence (as any timing) the schedule, which is recorded
            if (sync.mode() != Sync.Mode.BOUNDED) assertEquals(reference, hash, sync.mode().key());
            assertEquals(0L, live.steps.get(0), "the first state is sampled");
            double[] x0 = sim.populations().get(0).x0();
            double[] m0 = sim.populations().get(0).m0();
            Gathered first = live.samples.get(0);
            assertEquals(Picks.LIVE_PARTICLES, first.m()[0].length);
            for (int i = 0; i < Picks.LIVE_PARTICLES; i++) {
                int id = (int) ((long) i * COUNT / Picks.LIVE_PARTICLES);
                assertEquals(x0[id], first.x()[0][i], 0.0, "particle " + id);
                assertEquals(m0[id], first.m()[0][i], 0.0, "mass of particle " + id);
            }
            for (Gathered g : live.samples) assertTrue(g.m()[0].length <= Picks.LIVE_PARTICLES);
            for (int i = 1; i < live.steps.size(); i++) assertTrue(live.steps.get(i) > live.steps.get(i - 1));
        }
    }

    @Test
    void withoutAnObserverThatWantsItNoSampleIsOrdered() throws Exception {
        for (Sync sync : List.of(Sync.BSP, AsyncCoreTest.delayed(2), AsyncCoreTest.bounded(1))) {
            Simulation sim = sim(sync);
            assertFalse(orders(sim, new Recorder()).stream().anyMatch(LiveSampleOrderTest::picks), sync.mode().key());
            assertTrue(orders(sim, new Live()).stream().anyMatch(LiveSampleOrderTest::picks), sync.mode().key());
        }
    }

    /** True for an order that picks particles (a bsp Pick, or PICK or SAMPLE tasks). */
    private static boolean picks(Order o) {
        if (o instanceof Order.Pick) return true;
        return o instanceof Order.Tasks t && t.tasks().stream().anyMatch(k -> k.kind() == Order.TaskKind.PICK
                || k.kind() == Order.TaskKind.SAMPLE);
    }

    /** Every order the machine issues in a run on 3 shards (the loop of {@link LocalEngine}). */
    private static List<Order> orders(Simulation sim, RunObserver observer) {
        BlockLayout layout = new BlockLayout(sim.populations(), sim.blockSize(), 3);
        List<ShardCore> cores = new ArrayList<>();
        for (int s = 0; s < layout.shards(); s++) cores.add(new ShardCore(s, layout.blocksOf(s, sim.populations()), sim));
        StepMachine machine = StepMachine.of(sim, layout, observer, 0);
        List<Order> seen = new ArrayList<>();
        ArrayDeque<StepMachine.Dispatch> fifo = new ArrayDeque<>(machine.start());
        while (!fifo.isEmpty()) {
            StepMachine.Dispatch d = fifo.poll();
            seen.add(d.order());
            fifo.addAll(machine.onReport(cores.get(d.shard()).execute(d.order())));
        }
        assertEquals(RunOutcome.Status.COMPLETED, machine.outcome().status());
        return seen;
    }
}
