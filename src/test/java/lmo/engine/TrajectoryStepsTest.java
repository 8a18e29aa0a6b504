package lmo.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import lmo.particles.Gathered;
import org.junit.jupiter.api.Test;

/** A diverged run's trajectories end with its last good state, recorded once, in bsp and delayed, on any shards. */
class TrajectoryStepsTest {

    @Test
    void aDivergedRunEndsItsTrajectoriesAtTheLastGoodState() throws Exception {
        // as in AsyncCoreTest: |x| grows 2000-fold per step and overflows near step 93
        Simulation wild = AsyncCoreTest.sim("scenarios/langevin-ou.yaml", "steps=200", "populations.particles.count=200",
                "engine.blockSize=25", "output.every=50", "dynamics.stepSize=1000",
                "output.trajectories={particles: 5, every: 10}");
        for (Sync sync : List.of(Sync.BSP, AsyncCoreTest.delayed(2))) {
            for (int shards : new int[] {1, 3}) {
                Recorder rec = new Recorder();
                RunOutcome out = LocalEngine.run(wild.withSync(sync), rec, shards, new Random(3));
                assertEquals(RunOutcome.Status.DIVERGED, out.status());
                List<Long> expected = new ArrayList<>();
                for (long k = 0; k < out.step(); k += 10) expected.add(k);
                expected.add(out.step()); // the last good state, divisible by 10 or not
                assertEquals(expected, rec.trajectorySteps, sync.mode().key() + ", " + shards + " shards");
                Gathered last = rec.trajectories.get(rec.trajectories.size() - 1);
                Gathered picked = Picks.select(rec.last, new int[] {5});
                assertArrayEquals(picked.x()[0], last.x()[0]);
                assertArrayEquals(picked.m()[0], last.m()[0]);
            }
        }
    }
}
