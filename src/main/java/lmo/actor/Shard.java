package lmo.actor;

import lmo.actor.cluster.wire.Bulk;
import lmo.actor.cluster.wire.Chunk;
import lmo.actor.cluster.wire.Chunker;
import lmo.actor.cluster.wire.Reassembler;
import lmo.actor.cluster.wire.Wire;
import lmo.engine.Order;
import lmo.engine.RunFailure;
import lmo.engine.ShardCore;
import lmo.engine.ShardReport;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * A shard actor: owns whole blocks of particles (in a {@link ShardCore}) and answers each order of its scheduler
 * with one report. The compute runs on the shard dispatcher, sized to the cores; the actor only moves arrays.
 * In the scheduler's JVM orders and reports travel as objects; across JVMs both travel as raw little-endian bytes
 * cut into {@link Chunk}s (see {@link Wire}). If the work throws, the shard reports the failure and stops. State is
 * held in memory only: a lost shard is rebuilt by the scheduler from the last checkpoint. Its {@link ShardProgress}
 * ticks for every piece of an order received, and is busy while an order is computed (its host's heartbeats read it).
 */
public final class Shard extends AbstractBehavior<Shard.Command> {

    public interface Command {}

    /** Carry out {@code order} on every block and report to the scheduler. */
    public record Execute(Order order) implements Command {}

    /** A piece of an encoded {@link Order} from a scheduler in another JVM. */
    public record OrderChunk(Chunk chunk) implements Command, Bulk {}

    /** A straggler's sleep is over: its report is due now. */
    private record Deliver(ShardReport report) implements Command {}

    private final ShardCore core;
    private final ActorRef<Scheduler.Command> scheduler;
    private final boolean remoteScheduler;
    private final String source;
    private final int chunkBytes;
    private final Reassembler reassembler = new Reassembler();
    private final ShardProgress progress;
    private final TimerScheduler<Command> timers;
    /** Orders that arrive while the shard sleeps ({@code engine.straggler}), handled when it wakes, in order. */
    private final StashBuffer<Command> stash;

    /** A shard whose progress nobody watches (all shards in the scheduler's JVM). */
    public static Behavior<Command> create(ShardCore core, ActorRef<Scheduler.Command> scheduler, String source,
                                           int chunkBytes) {
        return create(core, scheduler, source, chunkBytes, new ShardProgress());
    }

    /**
     * @param source this shard's name in chunk transfers (unique per placement epoch)
     * @param chunkBytes the largest chunk sent to a remote scheduler
     * @param progress where this shard shows that it works
     */
    public static Behavior<Command> create(ShardCore core, ActorRef<Scheduler.Command> scheduler, String source,
                                           int chunkBytes, ShardProgress progress) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(t -> Behaviors.withStash(100_000, stash ->
                new Shard(ctx, t, stash, core, scheduler, source, chunkBytes, progress))));
    }

    private Shard(ActorContext<Command> ctx, TimerScheduler<Command> timers, StashBuffer<Command> stash, ShardCore core,
                  ActorRef<Scheduler.Command> scheduler, String source, int chunkBytes, ShardProgress progress) {
        super(ctx);
        this.timers = timers;
        this.stash = stash;
        this.progress = progress;
        this.core = core;
        this.scheduler = scheduler;
        this.remoteScheduler = !scheduler.path().address().hasLocalScope();
        this.source = source;
        this.chunkBytes = chunkBytes;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Execute.class, m -> onOrder(m.order()))
                .onMessage(OrderChunk.class, this::onChunk)
                .build();
    }

    private Behavior<Command> onChunk(OrderChunk msg) {
        progress.tick();
        byte[] whole;
        try {
            whole = reassembler.accept(msg.chunk());
        } catch (IllegalArgumentException e) {
            getContext().getLog().warn("dropping a piece of an order: {}", e.getMessage());
            return this;
        }
        return whole == null ? this : onOrder(Wire.decodeOrder(whole));
    }

    private Behavior<Command> onOrder(Order order) {
        ShardReport report;
        progress.busy(true);
        try {
            report = core.execute(order);
        } catch (RuntimeException | Error e) {
            scheduler.tell(new Scheduler.ShardFailed(core.shard(), String.valueOf(e)));
            if (RunFailure.kindOf(e) != null) { // the command says it in one line; the trace would only bury it
                getContext().getLog().warn("shard {} failed: {}", core.shard(), e.toString());
            } else {
                getContext().getLog().error("shard " + core.shard() + " failed", e);
            }
            return Behaviors.stopped();
        } finally {
            progress.busy(false);
        }
        double slowdown = core.slowdown(order);
        if (slowdown > 1) { // a straggler sleeps on a timer (the cores stay free for the other shards)
            timers.startSingleTimer(new Deliver(report),
                    java.time.Duration.ofNanos((long) ((slowdown - 1) * report.computeNanos())));
            return sleeping();
        }
        return deliver(report);
    }

    /** Asleep until the report is due: later orders wait in the stash, as on a slow machine. */
    private Behavior<Command> sleeping() {
        return Behaviors.receive(Command.class)
                .onMessage(Deliver.class, m -> {
                    deliver(m.report());
                    return stash.unstashAll(this);
                })
                .onAnyMessage(m -> {
                    stash.stash(m);
                    return Behaviors.same();
                })
                .build();
    }

    private Behavior<Command> deliver(ShardReport report) {
        if (!remoteScheduler) {
            scheduler.tell(new Scheduler.Reported(report));
        } else {
            for (Chunk c : Chunker.split(source, report.seq(), Wire.encode(report), chunkBytes)) {
                scheduler.tell(new Scheduler.ReportChunk(c));
            }
        }
        return this;
    }
}
