package lmo.actor.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lmo.actor.Scheduler;
import lmo.actor.ShardHost;
import lmo.model.game.UserPayoffs;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a member's profile holds, how two profiles are compared, and that the introduction crosses JVMs. */
class MemberProfileTest {
    @TempDir Path dir;

    @Test
    void theFrameSizeAndTheChunkCutFromItAreInTheProfile() {
        Config base = ClusterConfig.of(new ClusterSettings("127.0.0.1", 0, List.of(), ClusterSettings.WORKER, null));
        Config small = ConfigFactory.parseString("pekko.remote.artery.advanced.maximum-frame-size = 32 KiB").withFallback(base);
        MemberProfile mine = MemberProfile.of(base);
        MemberProfile theirs = MemberProfile.of(small);
        assertEquals("256 KiB", mine.settings().get(MemberProfile.FRAME));
        assertEquals("192 KiB", mine.settings().get(MemberProfile.CHUNK));
        assertEquals(List.of("maximum-frame-size: 256 KiB here, 32 KiB on W", "chunk size: 192 KiB here, 24 KiB on W"),
                mine.differences(theirs, "W"));
        assertEquals(List.of(), mine.differences(MemberProfile.of(base), "W"));
        assertTrue(mine.settings().get(MemberProfile.JAVA).contains(System.getProperty("java.vm.version")));
        assertTrue(mine.settings().get(MemberProfile.BUILD).startsWith("sha256:"), mine.toString());
    }

    @Test
    void lmosBuildIsNamedByItsClassesWhetherItRunsFromAJarOrADirectory() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes/lmo"));
        Files.write(classes.resolve("A.class"), new byte[] {1, 2});
        Files.writeString(Files.createDirectories(dir.resolve("classes/META-INF")).resolve("x.txt"), "built now");
        Path jar = dir.resolve("lmo.jar");
        java.util.jar.Manifest m = new java.util.jar.Manifest();
        m.getMainAttributes().putValue("Manifest-Version", "1.0");
        m.getMainAttributes().putValue("Build-Jdk-Spec", "17");
        try (java.util.jar.JarOutputStream j = new java.util.jar.JarOutputStream(Files.newOutputStream(jar), m)) {
            j.putNextEntry(new java.util.jar.JarEntry("lmo/"));
            j.putNextEntry(new java.util.jar.JarEntry("lmo/A.class"));
            j.write(new byte[] {1, 2});
        }
        String fromDir = CodeDigest.ofCode(dir.resolve("classes"));
        assertEquals(fromDir, CodeDigest.ofCode(jar), "META-INF (manifest, timestamps) is not code");
        assertTrue(fromDir.endsWith("(1 files)"), fromDir);
        Files.write(classes.resolve("A.class"), new byte[] {1, 3});
        assertFalse(fromDir.equals(CodeDigest.ofCode(dir.resolve("classes"))), "other bytes, other build");
    }

    @Test
    void theJarsGivenWithJarAreComparedByContent() throws IOException {
        Path a = Files.write(dir.resolve("payoffs.jar"), new byte[] {1, 2, 3});
        Path b = Files.createDirectories(dir.resolve("elsewhere")).resolve("payoffs.jar");
        Files.write(b, new byte[] {1, 2, 4});
        Config c = ClusterConfig.of(new ClusterSettings("127.0.0.1", 0, List.of(), ClusterSettings.WORKER, null));
        try {
            MemberProfile none = MemberProfile.of(c);
            UserPayoffs.useJars(List.of(a));
            MemberProfile withA = MemberProfile.of(c);
            UserPayoffs.useJars(List.of(b));
            MemberProfile withB = MemberProfile.of(c);
            assertEquals("none", none.settings().get(MemberProfile.JARS));
            assertEquals(List.of("--jar: none here, payoffs.jar sha256:" + CodeDigest.ofFile(a) + " on W"),
                    none.differences(withA, "W"));
            assertEquals(1, withA.differences(withB, "W").size(), "same name, other bytes");
        } finally {
            UserPayoffs.useJars(List.of());
        }
    }

    @Test
    void aSettingOnlyOneSideChecksIsADifference() {
        Map<String, String> old = new LinkedHashMap<>(Map.of("wire version", "4"));
        Map<String, String> now = new LinkedHashMap<>(old);
        now.put("lmo build", "lmo.jar sha256:0123");
        assertEquals(List.of("lmo build: lmo.jar sha256:0123 here, (not checked) on W"),
                new MemberProfile(now).differences(new MemberProfile(old), "W"));
        assertEquals("32 KiB", MemberProfile.bytes(32 * 1024));
        assertEquals("4 MiB", MemberProfile.bytes(4 << 20));
        assertEquals("1000 bytes", MemberProfile.bytes(1000));
    }

    @Test
    void theIntroductionAndTheHeartbeatCrossJvmsAsCbor() throws Exception {
        Config c = ConfigFactory.parseString("pekko.actor.provider = local")
                .withFallback(ClusterConfig.of(new ClusterSettings("127.0.0.1", 0, List.of(), ClusterSettings.WORKER, null)));
        ActorTestKit kit = ActorTestKit.create(c);
        try {
            TestProbe<ShardHost.Command> host = kit.createTestProbe();
            TestProbe<Scheduler.Command> scheduler = kit.createTestProbe();
            Serialization s = SerializationExtension.get(org.apache.pekko.actor.typed.javadsl.Adapter.toClassic(kit.system()));
            MemberProfile p = MemberProfile.of(c);
            for (Object m : List.of(new Scheduler.Introduced(host.ref(), p),
                    new ShardHost.Introduce(scheduler.ref(), p, 1000))) {
                assertEquals(33, s.findSerializerFor(m).identifier(), "jackson-cbor, as every control message");
                assertEquals(m, s.deserialize(s.serialize(m).get(), m.getClass()).get());
            }
            Scheduler.Heartbeat beat = new Scheduler.Heartbeat(host.ref(), new long[] {3, 3}, new int[] {0, 5},
                    new long[] {17, 0}, new boolean[] {true, false});
            Scheduler.Heartbeat back = s.deserialize(s.serialize(beat).get(), Scheduler.Heartbeat.class).get();
            assertEquals(host.ref(), back.host());
            assertArrayEquals(beat.epochs(), back.epochs());
            assertArrayEquals(beat.shards(), back.shards());
            assertArrayEquals(beat.progress(), back.progress());
            assertArrayEquals(beat.busy(), back.busy());
        } finally {
            kit.shutdownTestKit();
        }
    }
}
