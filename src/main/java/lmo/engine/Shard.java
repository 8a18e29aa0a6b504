package lmo.engine;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * A shard actor: owns whole blocks of particles (in a {@link ShardCore}) and answers each order of the scheduler
 * with one report. The compute runs on the shard dispatcher, sized to the cores; the actor only moves arrays.
 * If the work throws, the shard reports the failure to the scheduler and stops. State is held in memory only.
 */
public final class Shard extends AbstractBehavior<Shard.Command> {

    public interface Command {}

    /** Carry out {@code order} on every block and report to {@code replyTo}. */
    public record Execute(Order order, ActorRef<Scheduler.Command> replyTo) implements Command {}

    private final ShardCore core;

    public static Behavior<Command> create(ShardCore core) {
        return Behaviors.setup(ctx -> new Shard(ctx, core));
    }

    private Shard(ActorContext<Command> ctx, ShardCore core) {
        super(ctx);
        this.core = core;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder().onMessage(Execute.class, this::onExecute).build();
    }

    private Behavior<Command> onExecute(Execute msg) {
        try {
            msg.replyTo().tell(new Scheduler.Reported(core.execute(msg.order())));
            return this;
        } catch (RuntimeException | Error e) {
            msg.replyTo().tell(new Scheduler.ShardFailed(core.shard(), e));
            return Behaviors.stopped();
        }
    }
}
