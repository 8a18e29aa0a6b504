package lmo.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import lmo.actor.ActorEngine;
import lmo.engine.LocalEngine;
import lmo.engine.Recorder;
import lmo.engine.RunOutcome;
import lmo.engine.Simulation;
import lmo.engine.Sync;
import lmo.particles.Gathered;
import org.junit.jupiter.api.Test;

/**
 * The claims of {@code output.trajectories}, through the scenario text, the assembler and the real engines: the
 * recorded points follow the s = 1 flow's closed form, at the right steps, and recording changes no state.
 */
class TrajectoryClaimsTest {
    private static final int N = 300;
    private static final double ETA = 0.05;

    private static Simulation sim(String... more) throws ScenarioException {
        List<String> o = new ArrayList<>(List.of("populations.particles.count=" + N, "dynamics.stepSize=" + ETA,
                "steps=53", "output.every=5", "engine.blockSize=32", "engine.shards=3"));
        o.addAll(List.of(more));
        return Assembler.build(Scenarios.load(Scenarios.resource("sobolev-torus-s1.yaml"), o.toArray(String[]::new)));
    }

    /**
     * s = 1, d = 1, nu uniform, one period: particle of rank r moves geometrically towards its equispaced position
     * {@code xbar + q_r}, {@code q_r = (r + 1/2)/N - 1/2}: {@code x_k = xbar + q_r + (1 - eta)^k (x_0 - xbar - q_r)}
     * (explicit Euler is exact). Recorded at 0, 10, ..., 50 and the last step 53, for K = 7 of N = 300 particles
     * (ids floor(i * 300 / 7)), on the plain loop and the actor engine.
     */
    @Test
    void recordedPointsFollowTheClosedFormOfTheSobolevOneFlow() throws ScenarioException {
        Simulation sim = sim("output.trajectories={particles: 7, every: 10}");
        double[] x0 = sim.populations().get(0).x0();
        double xbar = Arrays.stream(x0).sum() / N;
        Integer[] order = new Integer[N];
        for (int i = 0; i < N; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(x0[a], x0[b]));
        int[] rank = new int[N];
        for (int r = 0; r < N; r++) rank[order[r]] = r;
        for (boolean actors : new boolean[] {false, true}) {
            Recorder rec = new Recorder();
            RunOutcome out = actors ? ActorEngine.run(sim, rec) : LocalEngine.run(sim, rec);
            assertEquals(RunOutcome.Status.COMPLETED, out.status());
            assertEquals(List.of(0L, 10L, 20L, 30L, 40L, 50L, 53L), rec.trajectorySteps);
            for (int s = 0; s < rec.trajectorySteps.size(); s++) {
                long k = rec.trajectorySteps.get(s);
                Gathered g = rec.trajectories.get(s);
                assertEquals(7, g.m()[0].length);
                for (int i = 0; i < 7; i++) {
                    int id = i * N / 7;
                    double q = xbar + (rank[id] + 0.5) / N - 0.5;
                    double expected = q + Math.pow(1 - ETA, k) * (x0[id] - q);
                    assertEquals(expected, g.x()[0][i], 1e-12, "particle " + id + " at step " + k + (actors ? ", actors" : ""));
                    assertEquals(1.0 / N, g.m()[0][i], 1e-15);
                }
            }
        }
    }

    /** More particles asked than there are: every particle, in id order, exactly the final state at the last step. */
    @Test
    void askingForMoreThanTheCountRecordsEveryParticle() throws ScenarioException {
        Recorder rec = new Recorder();
        LocalEngine.run(sim("output.trajectories={particles: 1000, every: 25}"), rec);
        assertEquals(List.of(0L, 25L, 50L, 53L), rec.trajectorySteps);
        Gathered last = rec.trajectories.get(3);
        assertEquals(List.of(), mismatches(rec.last.x()[0], last.x()[0]));
        assertEquals(List.of(), mismatches(rec.last.m()[0], last.m()[0]));
    }

    /**
     * Recording (with snapshots and checkpoints on other steps) leaves stateSha256 as it was: bsp and delayed for any
     * shard count; bounded, whose result depends on timing, for the same schedule (a traced run's recorded sources
     * replayed without trajectories, and an untraced run's replayed with them).
     */
    @Test
    void recordingChangesNoState() throws ScenarioException {
        String fourier = "model.kernel={type: sobolev, s: 1, method: fourier, modes: 6}";
        for (String sync : List.of("bsp", "delayed", "bounded")) {
            List<String> o = new ArrayList<>(List.of(fourier, "output.snapshotEvery=15", "checkpoint.every=20"));
            if (!sync.equals("bsp")) o.addAll(List.of("engine.sync=" + sync, "engine.staleness=2"));
            Simulation plain = sim(o.toArray(String[]::new));
            o.add("output.trajectories={particles: 9, every: 4}");
            Simulation traced = sim(o.toArray(String[]::new));
            assertEquals(sync, traced.sync().mode().key());
            boolean bounded = traced.sync().mode() == Sync.Mode.BOUNDED;
            String reference = LocalEngine.run(plain, new Recorder()).stateSha256();
            for (int shards : new int[] {1, 2, 4}) {
                Sources rec = new Sources();
                String hash = LocalEngine.run(traced.withShards(shards), rec, shards, null).stateSha256();
                assertEquals(15, rec.trajectorySteps.size(), sync + ": 0, 4, ..., 52 and 53");
                if (!bounded) {
                    assertEquals(reference, hash, sync + ", " + shards + " shards");
                    continue;
                }
                Simulation replay = plain.withSync(plain.sync().replaying(rec)).withShards(shards);
                assertEquals(hash, LocalEngine.run(replay, new Recorder(), shards, null).stateSha256(), shards + " shards");
                Sources untraced = new Sources();
                String plainHash = LocalEngine.run(plain.withShards(shards), untraced, shards, null).stateSha256();
                Simulation tracedReplay = traced.withSync(traced.sync().replaying(untraced)).withShards(shards);
                assertEquals(plainHash, LocalEngine.run(tracedReplay, new Recorder(), shards, null).stateSha256());
            }
            if (!bounded) {
                assertEquals(reference, ActorEngine.run(traced.withShards(3), new Recorder()).stateSha256(), sync + ", actors");
            }
        }
    }

    /** A recorder that keeps the sources of every asynchronous step, as a schedule to replay. */
    private static final class Sources extends Recorder implements Sync.Recorded {
        private final java.util.Map<Integer, List<long[]>> byBlock = new java.util.TreeMap<>();

        @Override public void onSources(int block, long step, long[] sources) {
            List<long[]> steps = byBlock.computeIfAbsent(block, b -> new ArrayList<>());
            assertEquals(steps.size(), step, "block " + block + " steps in order");
            steps.add(sources.clone());
        }
        @Override public long[] sources(int block, long step) { return byBlock.get(block).get((int) step); }
        @Override public int blocks() { return byBlock.size(); }
        @Override public long steps(int block) { return byBlock.get(block).size(); }
    }

    private static List<Integer> mismatches(double[] a, double[] b) {
        List<Integer> out = new ArrayList<>();
        if (a.length != b.length) return List.of(-1);
        for (int i = 0; i < a.length; i++) if (Double.doubleToLongBits(a[i]) != Double.doubleToLongBits(b[i])) out.add(i);
        return out;
    }
}
