package lmo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.List;
import lmo.scenario.Assembler;
import lmo.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** The initial state stands as checkpoint 0 until a run writes one, and is exactly the state a run starts from. */
class CheckpointKeeperTest {

    private static Simulation sim(String scenario, String... overrides) throws Exception {
        return Assembler.build(ScenarioLoader.load(Path.of(scenario), List.of(overrides)));
    }

    @Test
    void theInitialStateHashesAsTheStateOfAZeroStepRun() throws Exception {
        // a model with per-particle solver state and one with global state: both are part of checkpoint 0
        for (Simulation s : List.of(
                sim("scenarios/ot-w1.yaml", "populations.x.count=50", "model.target.count=40"),
                sim("scenarios/barycenter-gaussians.yaml", "populations.x.count=40", "model.solver.sinkhornIterations=2"))) {
            Simulation zero = new Simulation(s.name(), s.seed(), 0, s.populations(), s.model(), s.dynamics(),
                    s.blockSize(), s.shards(), s.every(), s.snapshotEvery(), s.checkpointEvery());
            assertEquals(LocalEngine.run(zero, new Recorder()).stateSha256(),
                    StateHash.sha256(CheckpointKeeper.initialState(s)), s.name());
        }
    }

    @Test
    void untilACheckpointIsWrittenTheRunRestartsFromItsStartAndPassesItOnAsStep0() throws Exception {
        Simulation s = sim("src/test/resources/lmo/scenario/sobolev-torus-s1.yaml", "steps=20");
        Recorder inner = new Recorder();
        CheckpointKeeper k = new CheckpointKeeper(inner, s);
        assertSame(s, k.restart());
        assertEquals(0, k.restartStep());
        k.passOnStart();
        assertEquals(1, inner.checkpoints.size());
        assertEquals(0, inner.checkpoints.get(0).step());
        assertEquals(StateHash.sha256(CheckpointKeeper.initialState(s)), StateHash.sha256(inner.checkpoints.get(0).state()));
        k.passOnStart();
        assertEquals(1, inner.checkpoints.size(), "once a checkpoint is kept, the start is not passed on again");

        Recorder run = new Recorder();
        Simulation ten = new Simulation(s.name(), s.seed(), 20, s.populations(), s.model(), s.dynamics(), s.blockSize(),
                s.shards(), s.every(), s.snapshotEvery(), 10);
        LocalEngine.run(ten, run);
        Checkpoint at10 = run.checkpoints.get(0);
        k.onCheckpoint(at10.step(), at10.state());
        assertEquals(10, k.restartStep());
        assertEquals(10, k.restart().startStep());
    }

    @Test
    void aResumedRunHasItsCheckpointFileAlready() throws Exception {
        Simulation s = sim("src/test/resources/lmo/scenario/sobolev-torus-s1.yaml", "steps=20", "checkpoint.every=10");
        Recorder run = new Recorder();
        LocalEngine.run(s, run);
        Simulation resumed = s.resumeFrom(run.checkpoints.get(0));
        Recorder inner = new Recorder();
        CheckpointKeeper k = new CheckpointKeeper(inner, resumed);
        assertEquals(10, k.restartStep());
        k.passOnStart();
        assertEquals(0, inner.checkpoints.size());
    }
}
