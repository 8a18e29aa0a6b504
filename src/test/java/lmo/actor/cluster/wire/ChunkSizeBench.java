package lmo.actor.cluster.wire;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures 8 MiB transfers between two actor systems for several frame and chunk sizes, to choose the pair
 * (a measurement, off by default: {@code mvn test -Dtest=ChunkSizeBench -Dlmo.wire.bench=true}).
 */
@EnabledIfSystemProperty(named = "lmo.wire.bench", matches = "true")
class ChunkSizeBench {

    static Behavior<CrossJvmChunkTest.Cmd> counter(ActorRef<Long> replyTo) {
        return Behaviors.setup(ctx -> {
            Reassembler r = new Reassembler();
            return Behaviors.receive(CrossJvmChunkTest.Cmd.class)
                    .onMessage(CrossJvmChunkTest.Piece.class, p -> {
                        byte[] whole = r.accept(p.chunk());
                        if (whole != null) replyTo.tell(Wire.decodeOrder(whole).seq());
                        return Behaviors.same();
                    })
                    .build();
        });
    }

    @Test
    void transferTimes() {
        run(256 * 1024, new int[] {64 * 1024, 128 * 1024, 192 * 1024, 240 * 1024});
        run(1024 * 1024, new int[] {192 * 1024, 768 * 1024});
        run(4 * 1024 * 1024, new int[] {192 * 1024, 3 * 1024 * 1024});
    }

    private static void run(int frame, int[] chunkSizes) {
        Config c = ConfigFactory.parseString(String.join("\n",
                        "pekko.actor.provider = remote",
                        "pekko.remote.artery.transport = tcp",
                        "pekko.remote.artery.canonical.hostname = \"127.0.0.1\"",
                        "pekko.remote.artery.canonical.port = 0",
                        "pekko.remote.artery.advanced.maximum-frame-size = " + frame,
                        "pekko.loglevel = ERROR"))
                .withFallback(ConfigFactory.parseResources("lmo-wire.conf"))
                .withFallback(ConfigFactory.load());
        ActorTestKit a = ActorTestKit.create("Bench", c);
        ActorTestKit b = ActorTestKit.create("Bench", c);
        try {
            TestProbe<Long> probe = a.createTestProbe(Long.class);
            ActorRef<Long> probeInB = ActorRefResolver.get(b.system()).resolveActorRef(
                    ActorRefResolver.get(a.system()).toSerializationFormat(probe.ref()));
            ActorRef<CrossJvmChunkTest.Cmd> local = b.spawn(counter(probeInB), "counter");
            ActorRef<CrossJvmChunkTest.Cmd> remote = ActorRefResolver.get(a.system()).resolveActorRef(
                    ActorRefResolver.get(b.system()).toSerializationFormat(local));
            long seq = 0;
            for (int chunk : chunkSizes) {
                BulkCodec codec = new BulkCodec(chunk);
                List<Long> ms = new ArrayList<>();
                for (int i = 0; i < 25; i++) {
                    var order = WireThroughputTest.gatherOrder(350_000, 2, i);
                    long t0 = System.nanoTime();
                    seq++;
                    var o = new lmo.engine.Order.Apply(seq, 1, order.summaries(), true, true);
                    for (Chunk k : codec.chunks("a", seq, o)) remote.tell(new CrossJvmChunkTest.Piece(k));
                    probe.expectMessage(Duration.ofSeconds(20), seq);
                    if (i >= 5) ms.add((System.nanoTime() - t0) / 1_000_000);
                }
                Collections.sort(ms);
                System.out.printf("lmo wire bench: frame %d KiB, chunk %d KiB: 8.4 MB one way + tiny reply, median %d ms"
                                + " (min %d, max %d) = %.0f MB/s%n", frame / 1024, chunk / 1024, ms.get(ms.size() / 2),
                        ms.get(0), ms.get(ms.size() - 1), 8.4e3 / ms.get(ms.size() / 2));
            }
        } finally {
            b.shutdownTestKit();
            a.shutdownTestKit();
        }
    }
}
