package lmo.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import lmo.cluster.wire.BlockState;
import lmo.cluster.wire.BlockStates;
import lmo.cluster.wire.Bulk;
import lmo.cluster.wire.Chunk;
import lmo.cluster.wire.Chunker;
import lmo.cluster.wire.Control;
import lmo.cluster.wire.Reassembler;
import lmo.cluster.wire.Wire;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Subscribe;

/**
 * The scheduler actor of one run. It sends each order of the {@link SchedulerCore} to every shard, waits for all
 * reports (bulk-synchronous) and feeds them back to the core; it completes {@code done} with the outcome.
 *
 * <p>In one JVM ({@link #local}) it spawns the shards itself. In a cluster ({@link #cluster}) it waits until enough
 * members run a {@link ShardHost}, places the shards on them (shard s on member {@code s * H / S} of the H hosts
 * in address order), and watches membership: when a member that holds shards becomes unreachable or is removed,
 * every block is placed again on the remaining members from the last checkpoint (or the initial state), the core
 * restarts at that step, and the run ends in the state it would have reached without the loss. Orders and reports
 * travel as objects inside a JVM and as raw-byte chunks across JVMs.
 */
public final class Scheduler extends AbstractBehavior<Scheduler.Command> {

    /** Dispatcher the shards run on (see {@code reference.conf}). */
    public static final String SHARD_DISPATCHER = "lmo.shard-dispatcher";

    public interface Command {}

    /** A shard's report to the current order, from this JVM. */
    public record Reported(ShardReport report) implements Command {}

    /** A piece of an encoded report from a shard in another JVM. */
    public record ReportChunk(Chunk chunk) implements Command, Bulk {}

    /** A shard's work threw; the run cannot continue. */
    public record ShardFailed(int shard, String error) implements Command, Control {}

    /** A host spawned shard {@code shard} of placement {@code epoch}. */
    public record Hosted(long epoch, int shard, ActorRef<Shard.Command> ref) implements Command, Control {}

    /** A host could not build shard {@code shard} (e.g. an input file missing on that member). */
    public record HostFailed(long epoch, int shard, String error) implements Command, Control {}

    /** Checkpoint at the next step boundary; {@code written} gets its step (-1 if the run is not stepping). */
    public record RequestCheckpoint(CompletableFuture<Long> written) implements Command {}

    private record HostsChanged(Receptionist.Listing listing) implements Command {}

    private record MemberChanged(ClusterEvent.MemberEvent event) implements Command {}

    private record ReachabilityChanged(ClusterEvent.ReachabilityEvent event) implements Command {}

    private enum Timeout implements Command { WAITING }

    private enum Phase { WAITING, PLACING, RUNNING }

    private final Simulation base;
    private final ClusterPlan plan;
    private final CheckpointKeeper observer;
    private final CompletableFuture<RunOutcome> done;
    private final TimerScheduler<Command> timers;
    private final Reassembler reassembler = new Reassembler();
    private final Map<Integer, ShardReport> inbox = new HashMap<>();
    private final Set<ActorRef<ShardHost.Command>> hosts = new HashSet<>();
    private final Set<Address> lost = new HashSet<>();
    private final Map<Address, Integer> placement = new LinkedHashMap<>();
    /** This scheduler's name in chunk transfers: unique per run, as a worker may serve several runs. */
    private final String source = "scheduler-" + java.util.UUID.randomUUID();

    private Phase phase;
    private Simulation current;
    private BlockLayout layout;
    private List<ActorRef<Shard.Command>> shards = new ArrayList<>();
    private List<Address> shardAddress = new ArrayList<>();
    private SchedulerCore core;
    private Order pending;
    private long epoch;
    private long lastSeq;
    private long hostTransfer;
    private long bytesSent;
    private long bytesReceived;
    private int memberLosses;
    private int recoveries;

    /** A run whose shards all live in this JVM. */
    public static Behavior<Command> local(Simulation sim, RunObserver observer, CompletableFuture<RunOutcome> done) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(t -> {
            try {
                return new Scheduler(ctx, t, sim, null, observer, done);
            } catch (OutOfMemoryError | StackOverflowError e) { // placing the blocks: end the run, not the JVM
                done.completeExceptionally(RunFailure.of("placing the blocks on the shards", e));
                return Behaviors.stopped();
            }
        }));
    }

    /** A run over the members of the cluster this JVM belongs to. */
    public static Behavior<Command> cluster(Simulation sim, ClusterPlan plan, RunObserver observer,
                                            CompletableFuture<RunOutcome> done) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(t -> new Scheduler(ctx, t, sim, plan, observer, done)));
    }

    private Scheduler(ActorContext<Command> ctx, TimerScheduler<Command> timers, Simulation sim, ClusterPlan plan,
                      RunObserver observer, CompletableFuture<RunOutcome> done) {
        super(ctx);
        this.base = sim;
        this.current = sim;
        this.plan = plan;
        this.observer = new CheckpointKeeper(observer);
        this.done = done;
        this.timers = timers;
        if (plan == null) {
            layout = new BlockLayout(sim.populations(), sim.blockSize(), sim.shards());
            for (int s = 0; s < layout.shards(); s++) {
                ShardCore shard = new ShardCore(s, layout.blocksOf(s, sim.populations()), sim);
                shards.add(ctx.spawn(Shard.create(shard, ctx.getSelf(), "shard-" + s, 0), "shard-" + s,
                        DispatcherSelector.fromConfig(SHARD_DISPATCHER)));
            }
            startCore();
        } else {
            phase = Phase.WAITING;
            ctx.getSystem().receptionist().tell(Receptionist.subscribe(ShardHost.KEY,
                    ctx.messageAdapter(Receptionist.Listing.class, HostsChanged::new)));
            Cluster cluster = Cluster.get(ctx.getSystem());
            cluster.subscriptions().tell(Subscribe.create(
                    ctx.messageAdapter(ClusterEvent.MemberEvent.class, MemberChanged::new), ClusterEvent.MemberEvent.class));
            cluster.subscriptions().tell(Subscribe.create(
                    ctx.messageAdapter(ClusterEvent.ReachabilityEvent.class, ReachabilityChanged::new),
                    ClusterEvent.ReachabilityEvent.class));
            timers.startSingleTimer(Timeout.WAITING, plan.joinTimeout());
        }
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Reported.class, m -> onReport(m.report()))
                .onMessage(ReportChunk.class, this::onReportChunk)
                .onMessage(ShardFailed.class, m -> fail("shard " + m.shard() + " failed: " + m.error()))
                .onMessage(HostFailed.class, m -> m.epoch() == epoch ? fail("cannot place shard " + m.shard() + " on "
                        + m.error()) : this)
                .onMessage(Hosted.class, this::onHosted)
                .onMessage(HostsChanged.class, this::onHostsChanged)
                .onMessage(MemberChanged.class, this::onMemberChanged)
                .onMessage(ReachabilityChanged.class, this::onReachabilityChanged)
                .onMessage(Timeout.class, m -> onWaitingTimeout())
                .onMessage(RequestCheckpoint.class, this::onRequestCheckpoint)
                .build();
    }

    // --- the step loop

    private void startCore() {
        core = new SchedulerCore(current, layout, observer, lastSeq);
        phase = Phase.RUNNING;
        broadcast(core.start());
    }

    private Behavior<Command> onReportChunk(ReportChunk msg) {
        bytesReceived += msg.chunk().data().length;
        byte[] whole;
        try {
            whole = reassembler.accept(msg.chunk());
        } catch (IllegalArgumentException e) {
            getContext().getLog().warn("dropping a piece of a report: {}", e.getMessage());
            return this;
        }
        return whole == null ? this : onReport(Wire.decodeReport(whole));
    }

    private Behavior<Command> onReport(ShardReport report) {
        if (phase != Phase.RUNNING || pending == null || report.seq() != pending.seq()) return this; // stale
        inbox.put(report.shard(), report);
        if (inbox.size() < shards.size()) return this;
        List<ShardReport> reports = new ArrayList<>(inbox.values());
        inbox.clear();
        Order next;
        try {
            next = core.onReports(reports);
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
            return Behaviors.stopped();
        } catch (OutOfMemoryError | StackOverflowError e) {
            done.completeExceptionally(RunFailure.of("the scheduler, after step " + core.step(), e));
            return Behaviors.stopped();
        }
        if (next == null) {
            done.complete(core.outcome());
            return Behaviors.stopped();
        }
        broadcast(next);
        return this;
    }

    private void broadcast(Order order) {
        pending = order;
        lastSeq = order.seq();
        List<Chunk> chunks = null;
        for (ActorRef<Shard.Command> s : shards) {
            if (s.path().address().hasLocalScope()) {
                s.tell(new Shard.Execute(order));
                continue;
            }
            if (chunks == null) chunks = Chunker.split(source, order.seq(), Wire.encode(order), plan.chunkBytes());
            for (Chunk c : chunks) {
                s.tell(new Shard.OrderChunk(c));
                bytesSent += c.data().length;
            }
        }
        if (plan != null) observer.onTraffic(bytesSent, bytesReceived);
    }

    private Behavior<Command> fail(String message) {
        RunFailure.Kind fatal = RunFailure.kindOf(message);
        done.completeExceptionally(fatal != null ? new RunFailure(fatal, message) : new IllegalStateException(message));
        return Behaviors.stopped();
    }

    private Behavior<Command> onRequestCheckpoint(RequestCheckpoint msg) {
        if (phase != Phase.RUNNING || core == null) {
            msg.written().complete(-1L);
        } else {
            core.requestCheckpoint();
            observer.whenNextCheckpoint(msg.written());
        }
        return this;
    }

    // --- placement on cluster members

    private Behavior<Command> onHostsChanged(HostsChanged msg) {
        hosts.clear();
        hosts.addAll(msg.listing().getServiceInstances(ShardHost.KEY));
        if (phase == Phase.WAITING && usableHosts().size() >= needed()) place();
        return this;
    }

    /** Members needed to (re)start placing: {@code startNodes} for the first placement, {@code minNodes} after a loss. */
    private int needed() {
        return memberLosses == 0 ? plan.startNodes() : plan.minNodes();
    }

    private List<ActorRef<ShardHost.Command>> usableHosts() {
        return hosts.stream().filter(h -> !lost.contains(address(h)))
                .sorted(Comparator.comparing(h -> address(h).toString())).toList();
    }

    private Address address(ActorRef<?> ref) {
        Address a = ref.path().address();
        return a.hasLocalScope() ? Cluster.get(getContext().getSystem()).selfMember().address() : a;
    }

    private void place() {
        timers.cancel(Timeout.WAITING);
        phase = Phase.PLACING;
        List<ActorRef<ShardHost.Command>> members = usableHosts();
        layout = new BlockLayout(current.populations(), current.blockSize(), current.shards());
        int n = layout.shards();
        shards = new ArrayList<>(java.util.Collections.nCopies(n, null));
        shardAddress = new ArrayList<>(java.util.Collections.nCopies(n, null));
        placement.clear();
        for (int s = 0; s < n; s++) {
            ActorRef<ShardHost.Command> host = members.get((int) ((long) s * members.size() / n));
            List<BlockState> states = layout.blocksOf(s, current.populations()).stream().map(BlockState::of).toList();
            BlockStates bs = new BlockStates(epoch, s, current.startStep(), plan.scenarioYaml(), states);
            host.tell(new ShardHost.Host(epoch, s, getContext().getSelf(), plan.chunkBytes()));
            for (Chunk c : Chunker.split(source, ++hostTransfer, Wire.encode(bs), plan.chunkBytes())) {
                if (!host.path().address().hasLocalScope()) bytesSent += c.data().length;
                host.tell(new ShardHost.BlocksChunk(c));
            }
            shardAddress.set(s, address(host));
            placement.merge(address(host), 1, Integer::sum);
        }
        getContext().getLog().info("placement {} (step {}): {}", epoch, current.startStep(), placement);
    }

    private Behavior<Command> onHosted(Hosted msg) {
        if (msg.epoch() != epoch || phase != Phase.PLACING) return this;
        shards.set(msg.shard(), msg.ref());
        if (shards.stream().allMatch(java.util.Objects::nonNull)) {
            observer.onCluster(status());
            startCore();
        }
        return this;
    }

    // --- membership

    private Behavior<Command> onMemberChanged(MemberChanged msg) {
        ClusterEvent.MemberEvent e = msg.event();
        if (e instanceof ClusterEvent.MemberUp) {
            lost.remove(e.member().address());
        } else if (e instanceof ClusterEvent.MemberRemoved || e instanceof ClusterEvent.MemberDowned) {
            return memberGone(e.member().address(), "removed from the cluster");
        }
        return this;
    }

    private Behavior<Command> onReachabilityChanged(ReachabilityChanged msg) {
        if (msg.event() instanceof ClusterEvent.UnreachableMember u) {
            Cluster.get(getContext().getSystem()).manager()
                    .tell(org.apache.pekko.cluster.typed.Down.apply(u.member().address()));
            return memberGone(u.member().address(), "unreachable");
        }
        return this;
    }

    private Behavior<Command> memberGone(Address a, String why) {
        if (!lost.add(a) || !shardAddress.contains(a)) return this; // a member that holds no shard of this run
        memberLosses++;
        observer.onCluster(status());
        getContext().getLog().warn("member {} {}: placing every block again from step {}", a, why,
                observer.last() == null ? base.startStep() : observer.last().step());
        epoch++;
        for (ActorRef<ShardHost.Command> h : hosts) h.tell(new ShardHost.Release(epoch));
        pending = null;
        inbox.clear();
        shardAddress = new ArrayList<>();
        current = observer.last() == null ? base : base.resumeFrom(observer.last());
        observer.onRewind(current.startStep());
        phase = Phase.WAITING;
        if (usableHosts().size() >= plan.minNodes()) {
            recoveries++;
            place();
        } else {
            timers.startSingleTimer(Timeout.WAITING, plan.rejoinTimeout());
        }
        return this;
    }

    private Behavior<Command> onWaitingTimeout() {
        if (phase != Phase.WAITING) return this;
        int up = usableHosts().size();
        int needed = needed();
        String message = memberLosses == 0
                ? "waited " + plan.joinTimeout().toSeconds() + " s for " + needed + " members, " + up
                        + " up; start workers with: bin/lmo node --join " + selfHostPort()
                : "lost " + memberLosses + " member(s); " + up + " of the " + needed + " members needed remain and none "
                        + "joined within " + plan.rejoinTimeout().toSeconds() + " s";
        long step = observer.last() == null ? base.startStep() : observer.last().step();
        RunOutcome lostRun = new RunOutcome(RunOutcome.Status.LOST, step, null, Map.of(), message, null, 0, 0);
        observer.onFinish(lostRun, null);
        done.complete(lostRun);
        return Behaviors.stopped();
    }

    private String selfHostPort() {
        Address a = Cluster.get(getContext().getSystem()).selfMember().address();
        return a.host().getOrElse(() -> "127.0.0.1") + ":" + a.port().getOrElse(() -> 25520);
    }

    private ClusterStatus status() {
        Map<String, Integer> byAddress = new LinkedHashMap<>();
        placement.forEach((a, n) -> byAddress.put(a.toString(), n));
        return new ClusterStatus(placement.size(), byAddress, memberLosses, recoveries);
    }
}
