package lmo.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lmo.engine.BlockLayout;
import lmo.engine.Checkpoint;
import lmo.engine.LocalEngine;
import lmo.engine.RunObserver;
import lmo.engine.RunOutcome;
import lmo.engine.Simulation;
import lmo.io.Npy;
import lmo.io.RunLayout;
import lmo.particles.Gathered;
import lmo.scenario.Assembler;
import lmo.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trajectory files of a run directory: {@code trajectories-<population>.npy} of shape (S, K', dim + 1) and
 * {@code trajectories-steps.npy} of shape (S, 2) (step, mean-field time); a run killed after its checkpoint and
 * resumed, and a run rewound to its checkpoint, leave the uninterrupted run's files byte for byte.
 */
class TrajectoryFilesTest {
    @TempDir Path tmp;

    private static Simulation sim() throws Exception {
        Path scenario = Path.of(TrajectoryFilesTest.class.getResource("/lmo/scenario/sobolev-torus-s1.yaml").toURI());
        return Assembler.build(ScenarioLoader.load(scenario, List.of("steps=53", "populations.particles.count=200",
                "dynamics.stepSize=0.05", "engine.blockSize=32", "engine.shards=3", "output.every=5",
                "checkpoint.every=20", "output.trajectories={particles: 7, every: 10}")));
    }

    /** Forwards to a run directory, then stops the run (an exception, as a kill) after the row of {@code at}. */
    private record Killer(RunDirectory dir, long at) implements RunObserver {
        @Override public void onStart(Simulation sim, BlockLayout layout, List<String> columns) { dir.onStart(sim, layout, columns); }
        @Override public void onMetrics(long step, double wall, double[] values) {
            dir.onMetrics(step, wall, values);
            if (step == at) throw new IllegalStateException("killed");
        }
        @Override public void onSnapshot(long step, Gathered state) { dir.onSnapshot(step, state); }
        @Override public void onTrajectory(long step, Gathered points) { dir.onTrajectory(step, points); }
        @Override public void onCheckpoint(Checkpoint c) { dir.onCheckpoint(c); }
        @Override public void onFinish(RunOutcome outcome, Gathered state) { dir.onFinish(outcome, state); }
    }

    @Test
    void theFilesHoldEveryRecordedStepItsTimeAndTheChosenParticles() throws Exception {
        Path dir = tmp.resolve("whole");
        LocalEngine.run(sim(), RunDirectory.create(dir, "name: t\n", ""), 3, null);
        Npy.Array steps = Npy.readArray(dir.resolve(RunLayout.TRAJECTORY_STEPS));
        assertArrayEquals(new long[] {7, 2}, steps.shape());
        List<String> rows = Files.readAllLines(dir.resolve(RunLayout.METRICS));
        long[] expected = {0, 10, 20, 30, 40, 50, 53};
        for (int s = 0; s < expected.length; s++) {
            assertEquals(expected[s], steps.data()[2 * s]);
            String step = "" + expected[s];
            String time = rows.stream().skip(1).map(r -> r.split(",")).filter(f -> f[0].equals(step))
                    .findFirst().orElseThrow()[2];
            assertEquals(Double.parseDouble(time), steps.data()[2 * s + 1], 0.0, "metrics.csv's time of step " + expected[s]);
        }
        Npy.Array points = Npy.readArray(dir.resolve(RunLayout.trajectories("particles")));
        assertArrayEquals(new long[] {7, 7, 2}, points.shape());
        Npy.Array last = Npy.readArray(dir.resolve(RunLayout.finalState("particles")));
        for (int i = 0; i < 7; i++) {
            int id = i * 200 / 7;
            for (int c = 0; c < 2; c++) {
                assertEquals(last.data()[id * 2 + c], points.data()[6 * 14 + i * 2 + c], 0.0, "particle " + id);
            }
        }
    }

    @Test
    void aResumedRunAndARewoundRunWriteTheFilesOfTheUninterruptedRun() throws Exception {
        Simulation sim = sim();
        Path whole = tmp.resolve("whole");
        LocalEngine.run(sim, RunDirectory.create(whole, "name: t\n", ""), 3, null);

        Path killed = tmp.resolve("killed");
        assertThrows(IllegalStateException.class,
                () -> LocalEngine.run(sim, new Killer(RunDirectory.create(killed, "name: t\n", ""), 35), 3, null));
        Checkpoint c = CheckpointFile.read(killed.resolve(RunLayout.CHECKPOINT)).checkpoint();
        assertEquals(20, c.step());
        assertArrayEquals(new long[] {3, 2}, Npy.readArray(killed.resolve(RunLayout.TRAJECTORY_STEPS)).shape(),
                "written with the checkpoint of step 20: steps 0, 10, 20");
        LocalEngine.run(sim.resumeFrom(c), RunDirectory.reopen(killed, 20), 2, null);

        Path rewound = tmp.resolve("rewound");
        RunDirectory r = RunDirectory.create(rewound, "name: t\n", "");
        assertThrows(IllegalStateException.class, () -> LocalEngine.run(sim, new Killer(r, 35), 3, null));
        r.onRewind(20);
        LocalEngine.run(sim.resumeFrom(c), r, 1, null);

        for (Path p : List.of(killed, rewound)) {
            for (String f : List.of(RunLayout.TRAJECTORY_STEPS, RunLayout.trajectories("particles"))) {
                assertArrayEquals(Files.readAllBytes(whole.resolve(f)), Files.readAllBytes(p.resolve(f)), p + " " + f);
            }
        }
    }
}
