package lmo.cluster;

import lmo.engine.ShardHost;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Subscribe;

/**
 * The root of a worker JVM: runs a {@link ShardHost} and stops (ending this actor system) when the coordinator
 * leaves, is removed or becomes unreachable, so that {@code lmo node} can start a fresh system and join the next
 * coordinator.
 */
public final class NodeGuardian {
    private NodeGuardian() {}

    /** Something happened to a member: {@code gone} when it left, was removed, downed or became unreachable. */
    public record MemberNews(Member member, boolean gone) {}

    public static Behavior<MemberNews> create() {
        return Behaviors.setup(ctx -> {
            ctx.spawn(ShardHost.create(null, null), "host");
            var subs = Cluster.get(ctx.getSystem()).subscriptions();
            subs.tell(Subscribe.create(ctx.messageAdapter(ClusterEvent.MemberEvent.class, e -> new MemberNews(e.member(),
                    e instanceof ClusterEvent.MemberRemoved || e instanceof ClusterEvent.MemberDowned
                            || e instanceof ClusterEvent.MemberExited)), ClusterEvent.MemberEvent.class));
            subs.tell(Subscribe.create(ctx.messageAdapter(ClusterEvent.ReachabilityEvent.class, e -> new MemberNews(e.member(),
                    e instanceof ClusterEvent.UnreachableMember)), ClusterEvent.ReachabilityEvent.class));
            return Behaviors.receive(MemberNews.class)
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
