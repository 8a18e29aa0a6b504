package lmo.actor.cluster;

import static lmo.actor.cluster.RunDirs.assertEachStepOnce;
import static lmo.actor.cluster.RunDirs.reference;
import static lmo.actor.cluster.RunDirs.summary;
import static lmo.actor.cluster.RunDirs.waitForStep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One scenario on three JVMs (a coordinator and two workers on loopback) ends in the state of one JVM, also when a
 * worker is killed mid-run, and a run whose coordinator is killed resumes to that state (both kills in a delayed,
 * asynchronous run, whose checkpoints carry the states in flight). Two long-lived workers
 * serve every coordinator of this class, as {@code lmo node} does between runs, all three with the jar of the user
 * model family of {@code examples/user-model}; the tests that kill workers start their own.
 */
@Tag("jvm")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterRunTest {
    @TempDir Path dir;
    private int port;
    private final List<Jvm> shared = new ArrayList<>();

    /**
     * The model families, one line each: a name, a scenario, overrides (with at least 3 shards, so that every member
     * gets one). Every family must give the same stateSha256 on one JVM and on three.
     */
    static Stream<Arguments> families() {
        return Stream.of(
                family("sobolev exact, gathered particles", "src/test/resources/lmo/scenario/sobolev-torus-s1.yaml",
                        "steps=60", "checkpoint.every=20", "engine.shards=6"),
                family("sobolev fourier with langevin noise, summed modes",
                        "src/test/resources/lmo/scenario/single-mode.yaml", "steps=30", "dynamics.temperature=1e-5",
                        "engine.shards=5", "engine.blockSize=64"),
                family("gaussian kernel in the plane, fisher-rao masses renormalised", "scenarios/mmd-gaussian-2d.yaml",
                        "steps=15", "dynamics={type: wfr, stepSize: 0.5, massStepSize: 0.2}", "engine.shards=4"),
                family("several MiB per message: 600000 particles in 3 shard messages of 4.8 MB", "scenarios/quickstart.yaml",
                        "populations.particles.count=600000", "populations.particles.space.dim=2",
                        "populations.particles.init={type: uniform}", "model.kernel={type: sobolev, s: 1.5, modes: 2}",
                        "steps=3", "engine.shards=3", "output.snapshotEvery=1"),
                family("two-layer cone network, wfr, teacher-student samples summed over blocks",
                        "scenarios/relu-teacher-student-wfr.yaml", "populations.neurons.count=300",
                        "model.data.inputs.count=256", "model.data.test.count=256", "steps=20", "engine.shards=4",
                        "engine.blockSize=64", "checkpoint.every=10"),
                family("two-layer bilevel, population loss, annealed langevin: ridge solve on the coordinator",
                        "scenarios/single-neuron-bilevel.yaml", "populations.neurons.count=80", "steps=30",
                        "engine.shards=5", "engine.blockSize=16"),
                family("two-layer mass readout on the circle, population loss gathered, wfr",
                        "scenarios/relu-circle-wfr.yaml", "populations.neurons.count=120",
                        "model.data.teacher.neurons=120", "steps=20", "engine.shards=3", "engine.blockSize=16"),
                family("two-layer coordinate readout (the lifting), annealed langevin noise",
                        "scenarios/signed-lifting-vs-bilevel.yaml", "populations.neurons.count=200", "steps=30",
                        "engine.shards=4", "engine.blockSize=32"),
                family("game on T^2, random fourier payoff by feature sums, cp-mp conic: ghost stages across JVMs",
                        "scenarios/game-fourier-random.yaml", "steps=40", "output.every=10",
                        "populations.x={count: 300, space: {type: torus, dim: 2}, init: {type: uniform}}",
                        "populations.y={count: 200, space: {type: torus, dim: 2}, init: {type: uniform}}",
                        "model.payoff={type: fourier, random: {order: 2, seed: 3}}", "model.niError={grid: 16}",
                        "engine.shards=6", "engine.blockSize=32", "checkpoint.every=20"),
                family("game example-4.1 gathered, alternating cp-mda, one particle per block",
                        "scenarios/game-generic.yaml", "steps=300", "model.path=gathered",
                        "dynamics.players=alternating", "engine.shards=4", "engine.blockSize=1"),
                family("entropic OT, debiased annealed Sinkhorn: potentials as solver state, log-sum-exp rounds",
                        "scenarios/ot-w1.yaml", "steps=30", "populations.x.count=300", "model.target.count=200",
                        "model.solver={type: debiased-annealed, beta0: 10, kappa: 0.6667}", "engine.shards=5",
                        "engine.blockSize=32", "checkpoint.every=10"),
                family("(lambda, tau)-barycenter by noisy particles: warm potentials as global state across steps",
                        "scenarios/barycenter-gaussians.yaml", "steps=12", "populations.x.count=300",
                        "model.inputs=[{type: gaussian, mean: [-1, 2], variance: 0.25, points: 7}, {type: gaussian, mean:"
                                + " [2, 1], variance: 2.25, sampling: random, count: 60}, {type: atoms, points: [[4, 3],"
                                + " [5, 3]], weights: [1, 2]}]",
                        "model.solver.sinkhornIterations=2", "engine.shards=4", "engine.blockSize=32",
                        "checkpoint.every=5"),
                family("resnet (MLU): hidden units as particles, 2L rounds of residual and backward streams",
                        "scenarios/resnet-shapes.yaml", "model.depth=6", "model.width=8", "model.embedding=16", "steps=4",
                        "engine.shards=3", "engine.blockSize=8"),
                family("deep linear network: layers as particles, gathered, Lanczos sharpness on the coordinator",
                        "scenarios/deep-linear-sharpness.yaml", "steps=60", "output.every=20", "model.sharpnessEvery=20",
                        "engine.shards=3", "engine.blockSize=3"),
                family("delayed s = 2 (asynchronous, deterministic), sobolev fourier: summed modes of stale states",
                        "src/test/resources/lmo/scenario/single-mode.yaml", "steps=30", "engine.sync=delayed",
                        "engine.staleness=2", "engine.shards=5", "engine.blockSize=64", "checkpoint.every=10"),
                family("delayed s = 1, game cp-mda gathered: stale opponents, weights renormalised lazily",
                        "scenarios/game-generic.yaml", "steps=200", "model.path=gathered", "engine.sync=delayed",
                        "engine.staleness=1", "engine.shards=4", "engine.blockSize=1", "checkpoint.every=50"),
                family("a user family from a jar (examples/user-model): quadratic interaction, one summed moment round",
                        "examples/user-model/scenario.yaml", "steps=30", "engine.shards=4", "engine.blockSize=128",
                        "checkpoint.every=10"));
    }

    private static Arguments family(String name, String scenario, String... overrides) {
        return Arguments.of(name, scenario, List.of(overrides));
    }

    /** The jar of the user family every JVM of the shared cluster loads ({@code --jar}), as members must agree. */
    private Path userJar;

    @BeforeAll
    void startWorkers(@TempDir Path logs) throws IOException {
        userJar = lmo.family.UserModelJar.build(logs);
        port = Jvm.freePort();
        for (int i = 0; i < 2; i++) {
            shared.add(Jvm.start(logs.resolve("worker" + i + ".log"), "node", "--join", "127.0.0.1:" + port, "--jar",
                    userJar.toString()));
        }
    }

    @AfterAll
    void stopWorkers() throws InterruptedException {
        for (Jvm w : shared) w.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void threeJvmsEndInTheStateOfOne(String name, String scenario, List<String> overrides) throws Exception {
        Path out = dir.resolve("run");
        List<String> args = new ArrayList<>(List.of("run", scenario, "--out", out.toString(), "-q", "--no-plots", "--cluster",
                "--port", "" + port, "--min-nodes", "3", "--join-timeout", "60", "--jar", userJar.toString()));
        for (String o : overrides) args.addAll(List.of("--set", o));
        assertEquals(0, lmo.cli.Main.execute(args.toArray(String[]::new)), name);
        JsonNode summary = summary(out);
        assertEquals(3, summary.get("engine").get("nodes").asInt(), name);
        assertEquals(reference(scenario, overrides, List.of(userJar)), summary.get("stateSha256").asText(), name);
    }

    /** A delayed run (staleness 2) of the exact s = 2 kernel: its checkpoints hold the two states in flight. */
    static final List<String> DELAYED = List.of("steps=600", "checkpoint.every=50", "model.kernel.s=2",
            "engine.sync=delayed", "engine.staleness=2");

    private static List<String> with(List<String> overrides, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        for (String o : overrides) all.addAll(List.of("--set", o));
        return all;
    }

    @Test
    void aWorkerKilledMidRunChangesNothing() throws Exception {
        int own = Jvm.freePort();
        Path out = dir.resolve("killed-worker");
        List<String> overrides = DELAYED;
        try (Jvm coordinator = Jvm.start(dir.resolve("c.log"), with(overrides, "run",
                "src/test/resources/lmo/scenario/sobolev-torus-s1.yaml", "--out", out.toString(), "-q", "--cluster",
                "--port", "" + own, "--start-nodes", "3", "--min-nodes", "2").toArray(String[]::new));
             Jvm victim = Jvm.start(dir.resolve("w1.log"), "node", "--join", "127.0.0.1:" + own, "--once");
             Jvm survivor = Jvm.start(dir.resolve("w2.log"), "node", "--join", "127.0.0.1:" + own, "--once")) {
            waitForStep(out, 200, coordinator, true);
            victim.kill();
            assertEquals(0, coordinator.exitCode(180), coordinator.log());
            JsonNode summary = summary(out);
            assertEquals(1, summary.get("engine").get("memberLosses").asInt());
            assertEquals(1, summary.get("engine").get("recoveries").asInt());
            assertEquals(2, summary.get("engine").get("nodes").asInt());
            assertEquals(reference("src/test/resources/lmo/scenario/sobolev-torus-s1.yaml", overrides),
                    summary.get("stateSha256").asText());
            assertEachStepOnce(out, 600, 10);
        }
    }

    @Test
    void aKilledCoordinatorResumesOnOneJvm() throws Exception {
        Path out = dir.resolve("killed-coordinator");
        List<String> overrides = DELAYED;
        try (Jvm coordinator = Jvm.start(dir.resolve("c.log"), with(overrides, "run",
                "src/test/resources/lmo/scenario/sobolev-torus-s1.yaml", "--out", out.toString(), "-q", "--cluster",
                "--port", "" + port, "--min-nodes", "3", "--jar", userJar.toString()).toArray(String[]::new))) {
            waitForStep(out, 200, coordinator, true);
            coordinator.kill();
        }
        assertEquals(0, lmo.cli.Main.execute("resume", out.toString(), "-q"));
        assertEquals(reference("src/test/resources/lmo/scenario/sobolev-torus-s1.yaml", overrides),
                summary(out).get("stateSha256").asText());
        assertEachStepOnce(out, 600, 10);
    }

    /**
     * A bounded run (staleness 2) on three JVMs with transient stragglers records its schedule; replays of it on one
     * shard, on five and on three JVMs end in its recorded stateSha256.
     */
    @Test
    void aBoundedRunOnThreeJvmsReplaysOnOneShardFiveShardsAndThreeJvms() throws Exception {
        Path out = dir.resolve("bounded");
        List<String> overrides = List.of("steps=150", "model.kernel.s=2", "engine.sync=bounded", "engine.staleness=2",
                "engine.shards=3", "engine.blockSize=100", "engine.straggler={probability: 0.3, factor: 4}");
        try (Jvm coordinator = Jvm.start(dir.resolve("b.log"), with(overrides, "run",
                "src/test/resources/lmo/scenario/sobolev-torus-s1.yaml", "--out", out.toString(), "-q", "--no-plots",
                "--cluster", "--port", "" + port, "--min-nodes", "3", "--jar", userJar.toString()).toArray(String[]::new))) {
            assertEquals(0, coordinator.exitCode(180), coordinator.log());
        }
        assertEquals(3, summary(out).get("engine").get("nodes").asInt());
        double max = 0;
        for (String row : java.nio.file.Files.readAllLines(out.resolve("staleness.csv")).subList(1, 16)) {
            double m = Double.parseDouble(row.split(",")[3]);
            assertTrue(m <= 2, row);
            max = Math.max(max, m);
        }
        assertTrue(max > 0, "stragglers make some summary stale");
        String recorded = summary(out).get("stateSha256").asText();
        assertEquals(0, lmo.cli.Main.execute("replay", out.toString(), "--out", dir.resolve("r1").toString(),
                "--shards", "1", "-q", "--no-plots"));
        assertEquals(recorded, summary(dir.resolve("r1")).get("stateSha256").asText());
        assertEquals(0, lmo.cli.Main.execute("replay", out.toString(), "--out", dir.resolve("r5").toString(),
                "--shards", "5", "-q", "--no-plots"));
        assertEquals(recorded, summary(dir.resolve("r5")).get("stateSha256").asText());
        try (Jvm replay = Jvm.start(dir.resolve("r3.log"), "replay", out.toString(), "--out",
                dir.resolve("r3").toString(), "-q", "--no-plots", "--cluster", "--port", "" + port, "--min-nodes", "3",
                "--jar", userJar.toString())) {
            assertEquals(0, replay.exitCode(180), replay.log());
        }
        assertEquals(recorded, summary(dir.resolve("r3")).get("stateSha256").asText());
        assertEquals(3, summary(dir.resolve("r3")).get("engine").get("nodes").asInt());
    }

    @Test
    void tooFewMembersStopWithCode4AndAResumableCheckpoint() throws Exception {
        int own = Jvm.freePort();
        Path out = dir.resolve("lost");
        List<String> overrides = List.of("steps=600", "checkpoint.every=50");
        try (Jvm coordinator = Jvm.start(dir.resolve("c.log"), "run", "src/test/resources/lmo/scenario/sobolev-torus-s1.yaml",
                "--set", overrides.get(0), "--set", overrides.get(1), "--out", out.toString(), "-q", "--cluster",
                "--port", "" + own, "--min-nodes", "3", "--rejoin-timeout", "3");
             Jvm victim = Jvm.start(dir.resolve("w1.log"), "node", "--join", "127.0.0.1:" + own, "--once");
             Jvm other = Jvm.start(dir.resolve("w2.log"), "node", "--join", "127.0.0.1:" + own, "--once")) {
            waitForStep(out, 200, coordinator, true);
            victim.kill();
            assertEquals(4, coordinator.exitCode(120), coordinator.log());
            assertTrue(coordinator.log().contains("resumable from the checkpoint at step"), coordinator.log());
            assertEquals("lost", summary(out).get("status").asText());
        }
        assertEquals(0, lmo.cli.Main.execute("resume", out.toString(), "-q"));
        assertEquals(reference("src/test/resources/lmo/scenario/sobolev-torus-s1.yaml", overrides),
                summary(out).get("stateSha256").asText());
    }
}
