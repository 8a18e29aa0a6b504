package lmo.actor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import lmo.actor.cluster.MemberProfile;
import lmo.actor.cluster.wire.BlockState;
import lmo.actor.cluster.wire.BlockStates;
import lmo.actor.cluster.wire.Bulk;
import lmo.actor.cluster.wire.Chunk;
import lmo.actor.cluster.wire.Chunker;
import lmo.actor.cluster.wire.Control;
import lmo.actor.cluster.wire.Reassembler;
import lmo.actor.cluster.wire.Wire;
import lmo.engine.BlockLayout;
import lmo.engine.CheckpointKeeper;
import lmo.engine.Order;
import lmo.engine.RunFailure;
import lmo.engine.RunObserver;
import lmo.engine.RunOutcome;
import lmo.engine.SchedulerCore;
import lmo.engine.ShardCore;
import lmo.engine.ShardReport;
import lmo.engine.Simulation;
import lmo.engine.StepMachine;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.AddressFromURIString;
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
 * The scheduler actor of one run. It sends the orders of a {@link StepMachine} to the shards and feeds their reports
 * back, one at a time: the bsp machine sends every order to every shard and waits for all; the asynchronous one
 * keeps each shard busy on its own. It completes {@code done} with the outcome.
 *
 * <p>In one JVM ({@link #local}) it spawns the shards itself. In a cluster ({@link #cluster}) it waits until enough
 * members run a {@link ShardHost}, places the shards on them by the rules of {@link Placement}, and watches
 * membership: when a member that holds shards becomes unreachable or is removed, every block is placed again on the
 * remaining members from the last checkpoint (or the initial state), the core restarts at that step, and the run
 * ends in the state it would have reached without the loss. Orders and reports travel as objects inside a JVM and as
 * raw-byte chunks across JVMs.
 *
 * <p>In a cluster, the scheduler first {@link ShardHost.Introduce introduces} itself to every host with the
 * coordinator's {@link MemberProfile}; only hosts that answer with the same profile get shards, the others are
 * refused (logged, and named in the message if the run cannot start; the member leaves by itself). Hosts send
 * heartbeats ({@link Heartbeat}); a member that owes an answer (a report, or "hosted" during a placement) and shows no
 * progress for the plan's silence limit is treated as lost (see {@link SilenceWatch}), so no round waits forever.
 * When too few members remain, the run stops with a resumable checkpoint: the last one, or the initial state written
 * as one (checkpoint 0).
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

    /** A host's answer to {@link ShardHost.Introduce}: its member's profile. */
    public record Introduced(ActorRef<ShardHost.Command> host, MemberProfile profile) implements Command, Control {}

    /**
     * A host's heartbeat: for each shard {@code shards[i]} of placement {@code epochs[i]} it holds, its
     * {@link ShardProgress} counter {@code progress[i]} and whether it is busy.
     */
    public record Heartbeat(ActorRef<ShardHost.Command> host, long[] epochs, int[] shards, long[] progress,
                            boolean[] busy) implements Command, Control {}

    private record HostsChanged(Receptionist.Listing listing) implements Command {}

    private record MemberChanged(ClusterEvent.MemberEvent event) implements Command {}

    private record ReachabilityChanged(ClusterEvent.ReachabilityEvent event) implements Command {}

    private enum Timeout implements Command { WAITING, SILENCE_CHECK }

    private enum Phase { WAITING, PLACING, RUNNING }

    private final Simulation base;
    private final ClusterPlan plan;
    private final CheckpointKeeper observer;
    private final CompletableFuture<RunOutcome> done;
    private final TimerScheduler<Command> timers;
    private final Reassembler reassembler = new Reassembler();
    /** The orders each shard owes a report to, oldest first (two when a delayed run pipelines a step). */
    private final Map<Integer, java.util.ArrayDeque<Order>> owed = new HashMap<>();
    private final Set<ActorRef<ShardHost.Command>> hosts = new HashSet<>();
    private final Placement placement;
    private final MemberChecks<ActorRef<ShardHost.Command>> checks = new MemberChecks<>();
    private final SilenceWatch watch;
    /** This scheduler's name in chunk transfers: unique per run, as a worker may serve several runs. */
    private final String source = "scheduler-" + java.util.UUID.randomUUID();

    private Phase phase;
    private Simulation current;
    private BlockLayout layout;
    private List<ActorRef<Shard.Command>> shards = new ArrayList<>();
    private StepMachine core;
    private long epoch;
    private long lastSeq;
    private long hostTransfer;
    private long bytesSent;
    private long bytesReceived;

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
        ctx.setLoggerName(Scheduler.class);
        this.base = sim;
        this.current = sim;
        this.plan = plan;
        this.observer = new CheckpointKeeper(observer, sim);
        this.done = done;
        this.timers = timers;
        this.watch = plan == null ? null : new SilenceWatch(plan.silenceLimit().toNanos());
        this.placement = plan == null ? null : new Placement(plan.startNodes(), plan.minNodes());
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
            timers.startTimerWithFixedDelay(Timeout.SILENCE_CHECK, plan.heartbeat());
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
                .onMessage(Timeout.class, m -> m == Timeout.WAITING ? onWaitingTimeout() : onSilenceCheck())
                .onMessage(RequestCheckpoint.class, this::onRequestCheckpoint)
                .onMessage(Introduced.class, this::onIntroduced)
                .onMessage(Heartbeat.class, this::onHeartbeat)
                .build();
    }

    // --- the step loop

    private void startCore() {
        core = StepMachine.of(current, layout, observer, lastSeq);
        phase = Phase.RUNNING;
        send(core.start());
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
        java.util.ArrayDeque<Order> mine = owed.get(report.shard());
        Order answered = mine == null ? null : mine.peekFirst();
        if (phase != Phase.RUNNING || core == null || answered == null || answered.seq() != report.seq()) return this;
        mine.pollFirst();
        if (watch != null) {
            watch.answered(report.shard());
            if (!mine.isEmpty()) watch.expect(report.shard(), System.nanoTime());
        }
        List<StepMachine.Dispatch> next;
        try {
            next = core.onReport(report);
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
            return Behaviors.stopped();
        } catch (OutOfMemoryError | StackOverflowError e) {
            done.completeExceptionally(RunFailure.of("the scheduler, after step " + core.step(), e));
            return Behaviors.stopped();
        }
        if (core.outcome() != null) {
            done.complete(core.outcome());
            return Behaviors.stopped();
        }
        send(next);
        return this;
    }

    /** Sends each order to its shard; an order several shards get is encoded once for the remote ones. */
    private void send(List<StepMachine.Dispatch> dispatches) {
        long now = System.nanoTime();
        Order encodedOrder = null;
        List<Chunk> chunks = null;
        for (StepMachine.Dispatch d : dispatches) {
            Order order = d.order();
            lastSeq = Math.max(lastSeq, order.seq());
            owed.computeIfAbsent(d.shard(), k -> new java.util.ArrayDeque<>()).addLast(order);
            if (watch != null) watch.expect(d.shard(), now);
            ActorRef<Shard.Command> s = shards.get(d.shard());
            if (s.path().address().hasLocalScope()) {
                s.tell(new Shard.Execute(order));
                continue;
            }
            if (encodedOrder != order) {
                chunks = Chunker.split(source, order.seq(), Wire.encode(order), plan.chunkBytes());
                encodedOrder = order;
            }
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
        if (phase != Phase.RUNNING || core == null || !core.requestCheckpoint()) {
            msg.written().complete(-1L);
        } else {
            observer.whenNextCheckpoint(msg.written());
        }
        return this;
    }

    // --- placement on cluster members

    private Behavior<Command> onHostsChanged(HostsChanged msg) {
        hosts.clear();
        hosts.addAll(msg.listing().getServiceInstances(ShardHost.KEY));
        for (ActorRef<ShardHost.Command> h : hosts) {
            if (checks.firstSight(h)) {
                h.tell(new ShardHost.Introduce(getContext().getSelf(), plan.profile(), plan.heartbeat().toMillis()));
            }
        }
        return placeIfEnough();
    }

    private Behavior<Command> placeIfEnough() {
        if (phase == Phase.WAITING && placement.enough(usableHosts().size())) place();
        return this;
    }

    private Behavior<Command> onIntroduced(Introduced msg) {
        Address a = address(msg.host());
        List<String> differences = plan.profile().differences(msg.profile(), a.toString());
        checks.answered(msg.host(), a, differences);
        if (differences.isEmpty()) return placeIfEnough();
        // the member compares the same profiles, logs the differences and leaves; it never gets a shard here
        getContext().getLog().warn("refusing member {}: its settings differ from the coordinator's: {}", a,
                String.join("; ", differences));
        return this;
    }

    private Behavior<Command> onHeartbeat(Heartbeat msg) {
        if (phase == Phase.WAITING) return this;
        String from = address(msg.host()).toString();
        long now = System.nanoTime();
        for (int i = 0; i < msg.shards().length; i++) {
            int s = msg.shards()[i];
            if (msg.epochs()[i] == epoch && placement.holds(from, s)) {
                watch.beat(s, msg.progress()[i], msg.busy()[i], now);
            }
        }
        return this;
    }

    private Behavior<Command> onSilenceCheck() {
        if (phase == Phase.WAITING) return this;
        long now = System.nanoTime();
        int s = watch.silentShard(now);
        if (s < 0) return this;
        String a = placement.memberOf(s);
        Order order = owed.containsKey(s) ? owed.get(s).peekFirst() : null;
        String owes = phase == Phase.PLACING || order == null ? "placement " + epoch
                : "order " + order.seq() + " (" + order.getClass().getSimpleName() + ")";
        String why = String.format(java.util.Locale.ROOT, "silent for %.1f s (silence limit %.1f s): shard %d has not"
                + " answered %s", watch.silentSeconds(s, now), plan.silenceLimit().toMillis() / 1000.0, s, owes);
        if (!a.equals(selfAddress().toString())) {
            Cluster.get(getContext().getSystem()).manager()
                    .tell(org.apache.pekko.cluster.typed.Down.apply(AddressFromURIString.parse(a)));
        }
        return memberGone(a, why);
    }

    /** The hosts whose settings check passed (the placement's candidates), in no particular order. */
    private List<ActorRef<ShardHost.Command>> candidates() {
        return hosts.stream().filter(checks::vetted).toList();
    }

    private List<String> addresses(List<? extends ActorRef<?>> refs) {
        return refs.stream().map(r -> address(r).toString()).toList();
    }

    /** The hosts to place on: the candidates {@link Placement#usable usable} now, in address order. */
    private List<ActorRef<ShardHost.Command>> usableHosts() {
        List<ActorRef<ShardHost.Command>> candidates = candidates();
        return placement.usable(addresses(candidates)).stream().map(candidates::get).toList();
    }

    private Address address(ActorRef<?> ref) {
        Address a = ref.path().address();
        return a.hasLocalScope() ? selfAddress() : a;
    }

    private Address selfAddress() {
        return Cluster.get(getContext().getSystem()).selfMember().address();
    }

    private void place() {
        timers.cancel(Timeout.WAITING);
        phase = Phase.PLACING;
        List<ActorRef<ShardHost.Command>> members = usableHosts();
        layout = new BlockLayout(current.populations(), current.blockSize(), current.shards());
        int n = layout.shards();
        shards = new ArrayList<>(java.util.Collections.nCopies(n, null));
        int[] memberOf = placement.place(n, addresses(members));
        for (int s = 0; s < n; s++) {
            ActorRef<ShardHost.Command> host = members.get(memberOf[s]);
            List<BlockState> states = layout.blocksOf(s, current.populations()).stream().map(BlockState::of).toList();
            BlockStates bs = new BlockStates(epoch, s, current.startStep(), plan.scenarioYaml(), states);
            host.tell(new ShardHost.Host(epoch, s, getContext().getSelf(), plan.chunkBytes()));
            for (Chunk c : Chunker.split(source, ++hostTransfer, Wire.encode(bs), plan.chunkBytes())) {
                if (!host.path().address().hasLocalScope()) bytesSent += c.data().length;
                host.tell(new ShardHost.BlocksChunk(c));
            }
        }
        watch.placing(n, System.nanoTime());
        getContext().getLog().info("placement {} (step {}): {}", epoch, current.startStep(),
                placement.shardsByMember());
    }

    private Behavior<Command> onHosted(Hosted msg) {
        if (msg.epoch() != epoch || phase != Phase.PLACING) return this;
        shards.set(msg.shard(), msg.ref());
        watch.answered(msg.shard());
        if (shards.stream().allMatch(java.util.Objects::nonNull)) {
            observer.onCluster(placement.status());
            startCore();
        }
        return this;
    }

    // --- membership

    private Behavior<Command> onMemberChanged(MemberChanged msg) {
        ClusterEvent.MemberEvent e = msg.event();
        if (e instanceof ClusterEvent.MemberUp) {
            placement.up(e.member().address().toString());
        } else if (e instanceof ClusterEvent.MemberRemoved || e instanceof ClusterEvent.MemberDowned) {
            return memberGone(e.member().address().toString(), "removed from the cluster");
        }
        return this;
    }

    private Behavior<Command> onReachabilityChanged(ReachabilityChanged msg) {
        if (msg.event() instanceof ClusterEvent.UnreachableMember u) {
            Cluster.get(getContext().getSystem()).manager()
                    .tell(org.apache.pekko.cluster.typed.Down.apply(u.member().address()));
            return memberGone(u.member().address().toString(), "unreachable");
        }
        return this;
    }

    private Behavior<Command> memberGone(String a, String why) {
        Placement.Loss loss = placement.lose(a, addresses(candidates()));
        if (loss == null) return this; // a member that holds no shard of this run
        observer.onCluster(placement.status());
        int left = loss.left();
        if (loss.enough()) {
            getContext().getLog().warn("member {} is lost ({}): placing every block again from step {}", a, why,
                    observer.restartStep());
        } else {
            getContext().getLog().warn("member {} is lost ({}): {} of the {} members needed remain; waiting up to {} s"
                    + " for members to join, then stopping with a checkpoint of step {}", a, why, left, plan.minNodes(),
                    plan.rejoinTimeout().toSeconds(), observer.restartStep());
        }
        epoch++;
        for (ActorRef<ShardHost.Command> h : hosts) h.tell(new ShardHost.Release(epoch));
        owed.clear();
        watch.clear();
        current = observer.restart();
        observer.onRewind(current.startStep());
        phase = Phase.WAITING;
        if (!loss.enough()) timers.startSingleTimer(Timeout.WAITING, plan.rejoinTimeout());
        return placeIfEnough();
    }

    private Behavior<Command> onWaitingTimeout() {
        if (phase != Phase.WAITING) return this;
        int up = usableHosts().size();
        int needed = placement.needed();
        int losses = placement.losses();
        String message = (losses == 0
                ? "waited " + plan.joinTimeout().toSeconds() + " s for " + needed + " members, " + up
                        + " up" + checks.problems(hosts, this::address) + "; start workers with: bin/lmo node --join "
                        + selfHostPort()
                : "lost " + losses + " member(s); " + up + " of the " + needed + " members needed remain and none "
                        + "joined within " + plan.rejoinTimeout().toSeconds() + " s" + checks.problems(hosts, this::address));
        try {
            if (core == null) openAtStart();
            observer.passOnStart();
        } catch (RuntimeException e) { // the run still stops as lost; the report then says no checkpoint was written
            getContext().getLog().error("cannot write the start state as a checkpoint", e);
        }
        long step = observer.restartStep();
        RunOutcome lostRun = new RunOutcome(RunOutcome.Status.LOST, step, null, Map.of(), message, null, 0, 0);
        observer.onFinish(lostRun, null);
        done.complete(lostRun);
        return Behaviors.stopped();
    }

    /**
     * A run that stops before its first step still opens its directory at its start state (the observers see
     * {@code onStart}), so the state can be written as a checkpoint and resumed like any other.
     */
    private void openAtStart() {
        BlockLayout l = layout != null ? layout
                : new BlockLayout(current.populations(), current.blockSize(), current.shards());
        new SchedulerCore(current, l, observer, lastSeq).start();
    }

    private String selfHostPort() {
        Address a = Cluster.get(getContext().getSystem()).selfMember().address();
        return a.host().getOrElse(() -> "127.0.0.1") + ":" + a.port().getOrElse(() -> 25520);
    }
}
