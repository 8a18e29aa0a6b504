package lmo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import lmo.actor.ActorEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActorEngineTest {

    @ParameterizedTest(name = "{0} shards")
    @ValueSource(ints = {1, 3, 8})
    void shardsReproduceThePlainLoopBitForBit(int shards) {
        Simulation sim = Fixtures.sim(1000, 2, new MeanAttraction(2), new TestDynamics(0.05, 0.3, true, 0), 25, 64, shards);
        String reference = LocalEngine.run(sim, new Recorder()).stateSha256();
        Recorder rec = new Recorder();
        RunOutcome out = ActorEngine.run(sim, rec);
        assertEquals(RunOutcome.Status.COMPLETED, out.status());
        assertEquals(Math.min(shards, 16), out.shards());
        assertEquals(reference, out.stateSha256());
    }

    @ParameterizedTest(name = "{0} shards")
    @ValueSource(ints = {1, 3, 8})
    void noiseIsKeyedByParticleNotByShard(int shards) {
        Simulation sim = Fixtures.sim(700, 3, new MeanAttraction(3), new TestDynamics(0.05, 0, false, 0.1), 20, 64, shards);
        assertEquals(LocalEngine.run(sim, new Recorder()).stateSha256(), ActorEngine.run(sim, new Recorder()).stateSha256());
    }

    @ParameterizedTest(name = "{0} shards")
    @ValueSource(ints = {1, 3, 8})
    void aConcatRoundAndAGlobalStepAreShardInvariantToo(int shards) {
        Simulation sim = Fixtures.sim(900, 2, new ConcatMean(2), TestDynamics.euler(0.1), 12, 64, shards);
        Recorder rec = new Recorder();
        RunOutcome out = ActorEngine.run(sim, rec);
        assertEquals(LocalEngine.run(sim, new Recorder()).stateSha256(), out.stateSha256());
        double v0 = rec.rows.get(0)[0];
        assertEquals(v0 * Math.pow(0.9, 24), rec.rows.get(12)[0], 1e-12 * v0, "deviations shrink by (1 - eta) per step");
    }
}
