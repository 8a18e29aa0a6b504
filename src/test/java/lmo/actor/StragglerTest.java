package lmo.actor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import lmo.engine.LocalEngine;
import lmo.engine.Recorder;
import lmo.engine.RunOutcome;
import lmo.engine.Simulation;
import lmo.engine.Sync;
import lmo.scenario.Assembler;
import lmo.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * {@code engine.straggler} on the actor engine: slow shards sleep on a timer and the orders sent meanwhile wait, so
 * results are unchanged in bsp and delayed (a delayed run keeps several orders in flight per shard), while a bounded
 * run's shards drift apart, within the staleness.
 */
@org.junit.jupiter.api.Timeout(value = 2, unit = java.util.concurrent.TimeUnit.MINUTES)
class StragglerTest {
    static Simulation sim() throws Exception {
        return Assembler.build(ScenarioLoader.load(Path.of("scenarios/sobolev-torus-s2.yaml"),
                List.of("steps=40", "populations.particles.count=400", "engine.blockSize=50", "engine.shards=4")));
    }

    static final Sync.Straggler TRANSIENT = new Sync.Straggler(0.3, 4, -1);

    @Test
    void stragglersChangeNothingInBspAndDelayed() throws Exception {
        Simulation base = sim();
        for (Sync sync : List.of(new Sync(Sync.Mode.BSP, 0, TRANSIENT), new Sync(Sync.Mode.DELAYED, 2, TRANSIENT),
                new Sync(Sync.Mode.DELAYED, 1, new Sync.Straggler(0, 3, 0)))) {
            Sync plain = new Sync(sync.mode(), sync.staleness(), Sync.Straggler.NONE);
            RunOutcome slow = ActorEngine.run(base.withSync(sync), new Recorder());
            assertEquals(RunOutcome.Status.COMPLETED, slow.status(), slow.message());
            assertEquals(LocalEngine.run(base.withSync(plain), new Recorder()).stateSha256(), slow.stateSha256(),
                    sync.toString());
        }
    }

    @Test
    void boundedShardsDriftApartWithinTheStaleness() throws Exception {
        long[] range = {Long.MAX_VALUE, Long.MIN_VALUE};
        Recorder rec = new Recorder() {
            @Override public void onSources(int block, long step, long[] sources) {
                for (long t : sources) {
                    range[0] = Math.min(range[0], step - t);
                    range[1] = Math.max(range[1], step - t);
                }
            }
        };
        RunOutcome out = ActorEngine.run(sim().withSync(new Sync(Sync.Mode.BOUNDED, 2, TRANSIENT)), rec);
        assertEquals(RunOutcome.Status.COMPLETED, out.status(), out.message());
        assertTrue(range[1] > 0 && range[1] <= 2, "staleness used " + range[0] + " .. " + range[1]);
    }
}
