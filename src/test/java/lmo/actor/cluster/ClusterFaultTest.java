package lmo.actor.cluster;

import static lmo.actor.cluster.RunDirs.assertEachStepOnce;
import static lmo.actor.cluster.RunDirs.reference;
import static lmo.actor.cluster.RunDirs.summary;
import static lmo.actor.cluster.RunDirs.waitForStep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import lmo.run.CheckpointFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Members that must not or cannot take part: a worker whose settings differ from the coordinator's is refused on both
 * sides and never gets a shard; a worker that stops answering (SIGSTOP) is found silent and the run recovers from its
 * initial state (no checkpoint was written) to the state of an undisturbed run; a worker lost before any checkpoint
 * when too few members remain stops the run with exit code 4 and a checkpoint of step 0 that resumes to that state.
 *
 * <p>Every JVM of the SIGSTOP run reads a configuration whose failure detector waits 120 s, so that only the
 * silence limit (5 s, well above the heartbeat interval of 1 s even on a loaded machine) can find the stopped worker:
 * the test fails if heartbeats or the silence watch do not work.
 */
@Tag("jvm")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ClusterFaultTest {
    private static final String SCENARIO = "src/test/resources/lmo/scenario/sobolev-torus-s1.yaml";
    /** 10 blocks on 6 shards: every member holds some; 300 steps take seconds, so a fault at step 50 lands mid-run. */
    private static final List<String> RUN = List.of("steps=300", "engine.blockSize=100", "engine.shards=6");

    @TempDir Path dir;

    @Test
    void membersWithOtherSettingsAreRefusedOnBothSidesAndNeverGetAShard() throws Exception {
        int own = Jvm.freePort();
        Path out = dir.resolve("refused");
        Path smallFrames = Files.writeString(dir.resolve("small-frames.conf"),
                "pekko.remote.artery.advanced.maximum-frame-size = 32 KiB\n");
        Path jar = emptyJar(dir.resolve("payoffs.jar"));
        String join = "127.0.0.1:" + own;
        try (Jvm coordinator = Jvm.start(dir.resolve("c.log"), command(out, own, List.of("steps=100"), "--min-nodes", "2",
                     "--join-timeout", "240"));
             Jvm frames = Jvm.start(dir.resolve("frames.log"), "node", "--join", join, "--once", "--config",
                     smallFrames.toString());
             Jvm jars = Jvm.start(dir.resolve("jars.log"), "node", "--join", join, "--once", "--jar", jar.toString())) {
            assertEquals(2, frames.exitCode(120), frames.log());
            assertEquals(2, jars.exitCode(120), jars.log());
            String framesAt = address(frames);
            String jarsAt = address(jars);
            String coordinatorAt = "pekko://lmo@" + join;
            assertTrue(frames.log().contains("refused by the coordinator " + coordinatorAt
                    + ": maximum-frame-size: 32 KiB here, 256 KiB on the coordinator " + coordinatorAt), frames.log());
            assertTrue(jars.log().contains("--jar: payoffs.jar sha256:"), jars.log());
            assertTrue(jars.log().contains(" here, none on the coordinator " + coordinatorAt), jars.log());
            coordinator.await("refusing member " + java.util.regex.Pattern.quote(framesAt)
                    + ": its settings differ from the coordinator's: maximum-frame-size: 256 KiB here, 32 KiB on", 30);
            coordinator.await("refusing member " + java.util.regex.Pattern.quote(jarsAt)
                    + ": its settings differ from the coordinator's: --jar: none here, payoffs.jar sha256:", 30);
            assertTrue(coordinator.alive(), coordinator.log());
            assertFalse(coordinator.log().contains("placement 0"), "placed on a refused member:\n" + coordinator.log());

            try (Jvm good = Jvm.start(dir.resolve("good.log"), "node", "--join", join, "--once")) {
                assertEquals(0, coordinator.exitCode(180), coordinator.log());
            }
            JsonNode summary = summary(out);
            assertEquals(2, summary.get("engine").get("nodes").asInt(), coordinator.log());
            assertFalse(summary.get("engine").get("placement").has(framesAt));
            assertEquals(reference(SCENARIO, List.of("steps=100")), summary.get("stateSha256").asText());
        }
    }

    @Test
    void aStoppedWorkerIsFoundSilentAndTheRunRecoversFromItsInitialState() throws Exception {
        Path out = dir.resolve("stopped");
        Path patient = Files.writeString(dir.resolve("patient.conf"),
                "pekko.cluster.failure-detector.acceptable-heartbeat-pause = 120s\n");
        int port = Jvm.freePort();
        String join = "127.0.0.1:" + port;
        try (Jvm coordinator = Jvm.start(dir.resolve("c.log"), command(out, port, RUN, "--start-nodes", "3",
                     "--min-nodes", "2", "--config", patient.toString(), "--silence-limit", "5"));
             Jvm victim = Jvm.start(dir.resolve("victim.log"), "node", "--join", join, "--once", "--config", patient.toString());
             Jvm survivor = Jvm.start(dir.resolve("survivor.log"), "node", "--join", join, "--once", "--config",
                     patient.toString())) {
            try {
                waitForStep(out, 50, coordinator, false);
                assertFalse(Files.exists(out.resolve(CheckpointFile.NAME)), "the fault must come before any checkpoint");
                victim.suspend();
                assertEquals(0, coordinator.exitCode(180), coordinator.log());
            } finally {
                victim.resume();
            }
            String victimAt = address(victim);
            assertTrue(coordinator.log().contains("member " + victimAt + " is lost (silent for "), coordinator.log());
            assertTrue(coordinator.log().contains("placing every block again from step 0"), coordinator.log());
            JsonNode summary = summary(out);
            assertEquals(1, summary.get("engine").get("memberLosses").asInt());
            assertEquals(1, summary.get("engine").get("recoveries").asInt());
            assertEquals(2, summary.get("engine").get("nodes").asInt());
            assertEquals(reference(SCENARIO, RUN), summary.get("stateSha256").asText());
            assertEachStepOnce(out, 300, 10);
        }
    }

    @Test
    void aWorkerLostBeforeAnyCheckpointWithTooFewLeftStopsWithCode4AndResumesFromStep0() throws Exception {
        Path out = dir.resolve("lost");
        int port = Jvm.freePort();
        // with plots on (no --no-plots): a lost run must draw none and print no plot warning before its message
        String[] withPlots = java.util.Arrays.stream(command(out, port, RUN, "--min-nodes", "2", "--rejoin-timeout", "2"))
                .filter(a -> !a.equals("--no-plots")).toArray(String[]::new);
        try (Jvm coordinator = Jvm.start(dir.resolve("c.log"), withPlots);
             Jvm victim = Jvm.start(dir.resolve("victim.log"), "node", "--join", "127.0.0.1:" + port, "--once")) {
            waitForStep(out, 50, coordinator, false);
            victim.kill();
            assertEquals(4, coordinator.exitCode(120), coordinator.log());
            assertTrue(coordinator.log().contains("resumable from the checkpoint at step 0: bin/lmo resume " + out),
                    coordinator.log());
            assertFalse(coordinator.log().contains("lmo: warning: no plots"), coordinator.log());
            assertFalse(Files.exists(out.resolve("plots")), "a lost run draws no plots");
            JsonNode summary = summary(out);
            assertEquals("lost", summary.get("status").asText());
            assertEquals(0, summary.get("resumableFromStep").asInt());
            assertEquals(0, summary.get("checkpointStep").asInt());
        }
        assertEquals(0, CheckpointFile.read(out.resolve(CheckpointFile.NAME)).checkpoint().step());
        assertEquals(0, lmo.cli.Main.execute("resume", out.toString(), "-q", "--no-plots"));
        assertEquals(reference(SCENARIO, RUN), summary(out).get("stateSha256").asText());
        assertEachStepOnce(out, 300, 10);
    }

    private static String[] command(Path out, int port, List<String> overrides, String... options) {
        List<String> args = new ArrayList<>(List.of("run", SCENARIO, "--out", out.toString(), "-q", "--no-plots",
                "--cluster", "--port", "" + port));
        for (String o : overrides) args.addAll(List.of("--set", o));
        args.addAll(List.of(options));
        return args.toArray(String[]::new);
    }

    /** The member address a worker prints when it starts. */
    private static String address(Jvm worker) throws InterruptedException {
        return worker.await("^lmo node (pekko://\\S+): joining", 60);
    }

    private static Path emptyJar(Path file) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (OutputStream o = Files.newOutputStream(file); JarOutputStream j = new JarOutputStream(o, m)) {
            j.flush();
        }
        return file;
    }
}
