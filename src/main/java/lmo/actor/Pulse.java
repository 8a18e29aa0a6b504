package lmo.actor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * The heartbeat of one member: a child of its {@link ShardHost}, on the default dispatcher (never the shard
 * dispatcher, which a long computation may fill), that every interval sends each scheduler with shards here one
 * {@link Scheduler.Heartbeat} carrying, per shard, its {@link ShardProgress} (a counter and a busy flag). It reads
 * the shared counters and nothing else, so it beats while the shards compute and while the host builds a model.
 * The interval is the scheduler's ({@link Every}); before the first one, nothing is sent.
 */
final class Pulse extends AbstractBehavior<Pulse.Command> {

    interface Command {}

    /** Beat every {@code interval} (the last one given wins). */
    record Every(Duration interval) implements Command {}

    /** Report shard {@code shard} of placement {@code epoch} to {@code scheduler}. */
    record Track(ActorRef<Scheduler.Command> scheduler, long epoch, int shard, ShardProgress progress) implements Command {}

    /** Stop reporting the shards of placements older than {@code epoch}. */
    record Release(long epoch) implements Command {}

    private enum Tick implements Command { INSTANCE }

    private record Key(ActorRef<Scheduler.Command> scheduler, long epoch, int shard) {}

    private record Tracked(ActorRef<Scheduler.Command> scheduler, long epoch, int shard, ShardProgress progress) {}

    private final ActorRef<ShardHost.Command> host;
    private final TimerScheduler<Command> timers;
    private final Map<Key, Tracked> tracked = new LinkedHashMap<>();
    private Duration interval;

    static Behavior<Command> create(ActorRef<ShardHost.Command> host) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(t -> new Pulse(ctx, t, host)));
    }

    private Pulse(ActorContext<Command> ctx, TimerScheduler<Command> timers, ActorRef<ShardHost.Command> host) {
        super(ctx);
        this.timers = timers;
        this.host = host;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Every.class, this::onEvery)
                .onMessage(Track.class, this::onTrack)
                .onMessage(Release.class, this::onRelease)
                .onMessage(Tick.class, t -> beat())
                .build();
    }

    private Behavior<Command> onEvery(Every msg) {
        if (!msg.interval().equals(interval)) {
            interval = msg.interval();
            timers.startTimerWithFixedDelay(Tick.INSTANCE, interval);
        }
        return this;
    }

    private Behavior<Command> onTrack(Track msg) {
        tracked.put(new Key(msg.scheduler(), msg.epoch(), msg.shard()),
                new Tracked(msg.scheduler(), msg.epoch(), msg.shard(), msg.progress()));
        return this;
    }

    private Behavior<Command> onRelease(Release msg) {
        tracked.values().removeIf(t -> t.epoch() < msg.epoch());
        return this;
    }

    private Behavior<Command> beat() {
        Map<ActorRef<Scheduler.Command>, List<Tracked>> bySchedulers = new LinkedHashMap<>();
        for (Tracked t : tracked.values()) bySchedulers.computeIfAbsent(t.scheduler(), k -> new ArrayList<>()).add(t);
        bySchedulers.forEach((scheduler, list) -> {
            int n = list.size();
            long[] epochs = new long[n];
            int[] shards = new int[n];
            long[] counts = new long[n];
            boolean[] busy = new boolean[n];
            for (int i = 0; i < n; i++) {
                Tracked t = list.get(i);
                epochs[i] = t.epoch();
                shards[i] = t.shard();
                busy[i] = t.progress().busy();
                counts[i] = t.progress().count();
            }
            scheduler.tell(new Scheduler.Heartbeat(host, epochs, shards, counts, busy));
        });
        return this;
    }
}
