package lmo.actor.cluster.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.List;
import lmo.engine.Order;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Claim: with Pekko's default 256 KiB frame, an 8 MiB summary crosses Artery intact when it is chunked, and is
 * dropped when it is not. Two actor systems in this JVM form a cluster over Artery TCP on 127.0.0.1; every ref
 * used across them is resolved from its serialized form, so each message really goes through the wire.
 */
class CrossJvmChunkTest {

    /** The receiving actor's protocol, with its chunk wrapper: what the engine's Shard.Command will look like. */
    public interface Cmd {}

    public record Piece(Chunk chunk) implements Cmd, Bulk {}

    private static ActorTestKit seed;
    private static ActorTestKit joiner;

    private static Config config() {
        return ConfigFactory.parseString(String.join("\n",
                        "pekko.actor.provider = cluster",
                        "pekko.remote.artery.transport = tcp",
                        "pekko.remote.artery.canonical.hostname = \"127.0.0.1\"",
                        "pekko.remote.artery.canonical.port = 0",
                        "pekko.cluster.jmx.multi-mbeans-in-same-jvm = on",
                        "pekko.cluster.log-info = off",
                        "pekko.loglevel = ERROR"))
                .withFallback(ConfigFactory.parseResources("lmo-wire.conf"))
                .withFallback(ConfigFactory.load());
    }

    @BeforeAll
    static void formCluster() throws InterruptedException {
        seed = ActorTestKit.create("Wire", config());
        joiner = ActorTestKit.create("Wire", config());
        Cluster seedCluster = Cluster.get(seed.system());
        seedCluster.manager().tell(Join.create(seedCluster.selfMember().address()));
        Cluster.get(joiner.system()).manager().tell(Join.create(seedCluster.selfMember().address()));
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!(allUp(seed.system()) && allUp(joiner.system()))) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("cluster did not form in 15 s");
            Thread.sleep(50);
        }
    }

    private static boolean allUp(ActorSystem<?> system) {
        var members = Cluster.get(system).state().getMembers();
        int up = 0;
        for (var m : members) if (m.status() == MemberStatus.up()) up++;
        return up == 2;
    }

    @AfterAll
    static void shutDown() {
        if (joiner != null) joiner.shutdownTestKit();
        if (seed != null) seed.shutdownTestKit();
    }

    /** Reassembles, decodes, and answers "transfer:sha256 of the decoded summaries". */
    static Behavior<Cmd> receiver(ActorRef<String> replyTo) {
        return Behaviors.setup(ctx -> {
            Reassembler reassembler = new Reassembler();
            return Behaviors.receive(Cmd.class)
                    .onMessage(Piece.class, p -> {
                        byte[] whole = reassembler.accept(p.chunk());
                        if (whole != null) {
                            Order.Apply order = (Order.Apply) Wire.decodeOrder(whole);
                            replyTo.tell(p.chunk().transfer() + ":" + Digest.of(order.summaries()));
                        }
                        return Behaviors.same();
                    })
                    .build();
        });
    }

    /** {@code ref} of {@code from}, as {@code to} sees it: through its serialized form, so a remote ref. */
    private static <T> ActorRef<T> across(ActorRef<T> ref, ActorSystem<?> from, ActorSystem<?> to) {
        return ActorRefResolver.get(to).resolveActorRef(ActorRefResolver.get(from).toSerializationFormat(ref));
    }

    @Test
    void eightMebibytesCrossInChunksAndAreDroppedWhole() {
        for (ActorSystem<?> s : List.of(seed.system(), joiner.system())) {
            assertEquals(256 * 1024, s.settings().config().getBytes(BulkCodec.FRAME_SIZE_PATH), "default frame size");
        }
        TestProbe<String> probe = seed.createTestProbe(String.class);
        ActorRef<Cmd> local = joiner.spawn(receiver(across(probe.ref(), seed.system(), joiner.system())), "receiver");
        ActorRef<Cmd> remote = across(local, joiner.system(), seed.system());
        assertTrue(remote.path().address().hasGlobalScope(), "the sender holds a remote ref");

        Order.Apply order = WireThroughputTest.gatherOrder(350_000, 2, 7);
        String expected = Digest.of(order.summaries());
        byte[] encoded = Wire.encode(order);
        assertTrue(encoded.length >= 8 << 20, "at least 8 MiB: " + encoded.length);

        // whole: one message far above the frame size is dropped by the sender's Artery; nothing ever answers
        remote.tell(new Piece(new Chunk("sender", 1, 0, 1, encoded)));
        probe.expectNoMessage(Duration.ofSeconds(3));

        // chunked: the same bytes in 192 KiB pieces arrive, reassemble and decode bit for bit
        BulkCodec codec = BulkCodec.forConfig(seed.system().settings().config());
        assertEquals(192 * 1024, codec.chunkBytes());
        for (long transfer = 2; transfer <= 4; transfer++) {
            long t0 = System.nanoTime();
            List<Chunk> chunks = codec.chunks("sender", transfer, order);
            for (Chunk c : chunks) remote.tell(new Piece(c));
            assertEquals(transfer + ":" + expected, probe.expectMessage(Duration.ofSeconds(10), transfer + ":" + expected));
            System.out.printf("lmo wire cross-JVM: %.2f MB in %d chunks of %d KiB, encode+send+reassemble+decode+reply"
                            + " %.0f ms%n", encoded.length / 1e6, chunks.size(), codec.chunkBytes() / 1024,
                    (System.nanoTime() - t0) / 1e6);
        }
        probe.expectNoMessage(Duration.ofMillis(200));
    }
}
