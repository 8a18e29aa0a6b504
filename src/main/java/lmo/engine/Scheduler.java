package lmo.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The scheduler actor of one run: spawns the shards with their blocks, sends each order of the
 * {@link SchedulerCore} to every shard, waits for all reports (bulk-synchronous), and feeds them back to the core.
 * Completes {@code done} with the outcome, or exceptionally if a shard failed, then stops.
 */
public final class Scheduler extends AbstractBehavior<Scheduler.Command> {

    /** Dispatcher the shards run on (see {@code reference.conf}). */
    public static final String SHARD_DISPATCHER = "lmo.shard-dispatcher";

    public interface Command {}

    /** A shard's report to the current order. */
    public record Reported(ShardReport report) implements Command {}

    /** A shard's work threw; the run cannot continue. */
    public record ShardFailed(int shard, Throwable cause) implements Command {}

    private final SchedulerCore core;
    private final List<ActorRef<Shard.Command>> shards = new ArrayList<>();
    private final List<ShardReport> inbox = new ArrayList<>();
    private final CompletableFuture<RunOutcome> done;
    private Order pending;

    public static Behavior<Command> create(Simulation sim, RunObserver observer, CompletableFuture<RunOutcome> done) {
        return Behaviors.setup(ctx -> new Scheduler(ctx, sim, observer, done));
    }

    private Scheduler(ActorContext<Command> ctx, Simulation sim, RunObserver observer,
                      CompletableFuture<RunOutcome> done) {
        super(ctx);
        this.done = done;
        BlockLayout layout = new BlockLayout(sim.populations(), sim.blockSize(), sim.shards());
        for (int s = 0; s < layout.shards(); s++) {
            ShardCore shard = new ShardCore(s, layout.blocksOf(s, sim.populations()), sim);
            shards.add(ctx.spawn(Shard.create(shard), "shard-" + s, DispatcherSelector.fromConfig(SHARD_DISPATCHER)));
        }
        this.core = new SchedulerCore(sim, layout, observer);
        broadcast(core.start());
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Reported.class, this::onReported)
                .onMessage(ShardFailed.class, this::onShardFailed)
                .build();
    }

    private Behavior<Command> onReported(Reported msg) {
        if (pending == null || msg.report().seq() != pending.seq()) {
            getContext().getLog().warn("ignoring stale report {} of shard {}", msg.report().seq(), msg.report().shard());
            return this;
        }
        inbox.add(msg.report());
        if (inbox.size() < shards.size()) return this;
        List<ShardReport> reports = List.copyOf(inbox);
        inbox.clear();
        Order next;
        try {
            next = core.onReports(reports);
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
            return Behaviors.stopped();
        }
        if (next == null) {
            done.complete(core.outcome());
            return Behaviors.stopped();
        }
        broadcast(next);
        return this;
    }

    private Behavior<Command> onShardFailed(ShardFailed msg) {
        done.completeExceptionally(new IllegalStateException("shard " + msg.shard() + " failed: " + msg.cause(), msg.cause()));
        return Behaviors.stopped();
    }

    private void broadcast(Order order) {
        pending = order;
        ActorRef<Command> self = getContext().getSelf();
        for (ActorRef<Shard.Command> s : shards) s.tell(new Shard.Execute(order, self));
    }
}
