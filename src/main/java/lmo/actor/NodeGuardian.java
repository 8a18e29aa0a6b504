package lmo.actor;

import java.util.function.Consumer;
import lmo.actor.cluster.ClusterSettings;
import lmo.actor.cluster.MemberProfile;
import lmo.engine.SimulationFactory;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Subscribe;

/**
 * The root of a worker JVM: runs a {@link ShardHost} and stops (ending this actor system) when the coordinator
 * leaves, is removed or becomes unreachable, so that {@code lmo node} can start a fresh system and join the next
 * coordinator; and when the coordinator's profile differs from this member's, after handing the differences to
 * {@code refused} (then {@code lmo node} exits instead of joining again).
 */
public final class NodeGuardian {
    private NodeGuardian() {}

    /** What the guardian hears. */
    public sealed interface News {}

    /** Something happened to a member: {@code gone} when it left, was removed, downed or became unreachable. */
    public record MemberNews(Member member, boolean gone) implements News {}

    /** The coordinator refused this member (its settings differ). */
    private record Refused() implements News {}

    /**
     * @param simulations builds the model of the shards placed on this member from the run's scenario text
     * @param refused called (once per refusal) with the coordinator and the settings that differ
     */
    public static Behavior<News> create(SimulationFactory simulations, Consumer<String> refused) {
        return Behaviors.setup(ctx -> {
            MemberProfile profile = MemberProfile.of(ctx.getSystem().settings().config());
            ActorRef<News> self = ctx.getSelf(); // the callback runs on the host's thread: no context there
            ctx.spawn(ShardHost.create(simulations, null, null, profile, why -> {
                refused.accept(why);
                self.tell(new Refused());
            }), "host");
            var subs = Cluster.get(ctx.getSystem()).subscriptions();
            subs.tell(Subscribe.create(ctx.messageAdapter(ClusterEvent.MemberEvent.class, e -> new MemberNews(e.member(),
                    e instanceof ClusterEvent.MemberRemoved || e instanceof ClusterEvent.MemberDowned
                            || e instanceof ClusterEvent.MemberExited)), ClusterEvent.MemberEvent.class));
            subs.tell(Subscribe.create(ctx.messageAdapter(ClusterEvent.ReachabilityEvent.class, e -> new MemberNews(e.member(),
                    e instanceof ClusterEvent.UnreachableMember)), ClusterEvent.ReachabilityEvent.class));
            return Behaviors.receive(News.class)
                    .onMessage(Refused.class, r -> Behaviors.stopped())
                    .onMessage(MemberNews.class, n -> {
                        if (n.gone() && n.member().hasRole(ClusterSettings.COORDINATOR)) {
                            ctx.getLog().info("coordinator {} is gone", n.member().address());
                            return Behaviors.stopped();
                        }
                        return Behaviors.same();
                    })
                    .build();
        });
    }
}
