package lmo.actor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import lmo.actor.cluster.MemberProfile;
import lmo.actor.cluster.wire.BlockState;
import lmo.actor.cluster.wire.BlockStates;
import lmo.actor.cluster.wire.Bulk;
import lmo.actor.cluster.wire.Chunk;
import lmo.actor.cluster.wire.Control;
import lmo.actor.cluster.wire.Reassembler;
import lmo.actor.cluster.wire.Wire;
import lmo.engine.ShardCore;
import lmo.engine.Simulation;
import lmo.engine.SimulationFactory;
import lmo.particles.Block;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;

/**
 * One per cluster member: registers with the receptionist under {@link #KEY}, and spawns the shards the scheduler
 * places on this member. A scheduler first {@link Introduce}s itself with its {@link MemberProfile}: the host answers
 * with its own ({@link Scheduler.Introduced}) and, if they differ, logs every difference and gives up the cluster
 * (its {@code refused} callback; {@code lmo node} exits with code 2), as the scheduler refuses it too. A placement is a {@link Host} control message (who the scheduler is) plus the shard's
 * blocks as {@link BlockStates} in chunks; when both are in, the host rebuilds the model and dynamics from the
 * resolved scenario text with its {@link SimulationFactory} (deterministic: the same on every member) and spawns the
 * shard. {@link Release} stops the
 * shards of earlier placements (after a lost member the scheduler places every block again, from the last
 * checkpoint). Input files named by the scenario must be readable at the same absolute path on every member.
 *
 * <p>A child {@link Pulse} sends the scheduler a heartbeat at the interval of its introduction, with one
 * {@link ShardProgress} per shard placed here: ticked by every piece of a placement received, busy while the host
 * builds the model and while the shard computes (see {@link SilenceWatch} for how the scheduler reads them).
 */
public final class ShardHost extends AbstractBehavior<ShardHost.Command> {

    public static final ServiceKey<Command> KEY = ServiceKey.create(Command.class, "lmo-shard-host");

    public interface Command {}

    /**
     * A scheduler's first word to this host: its profile (to compare with this member's) and how often to send it
     * heartbeats.
     */
    public record Introduce(ActorRef<Scheduler.Command> scheduler, MemberProfile profile, long heartbeatMillis)
            implements Command, Control {}

    /** Host shard {@code shard} of placement {@code epoch} for {@code scheduler}; its blocks follow in chunks. */
    public record Host(long epoch, int shard, ActorRef<Scheduler.Command> scheduler, int chunkBytes)
            implements Command, Control {}

    /** A piece of the encoded {@link BlockStates} of one shard. */
    public record BlocksChunk(Chunk chunk) implements Command, Bulk {}

    /** Stop every shard of a placement older than {@code epoch}. */
    public record Release(long epoch) implements Command, Control {}

    private record Key(long epoch, int shard) {}

    private final Map<Key, Host> hosts = new HashMap<>();
    private final Map<Key, BlockStates> blocks = new HashMap<>();
    private final Map<Key, ActorRef<Shard.Command>> shards = new HashMap<>();
    private final Map<Key, ShardProgress> placing = new HashMap<>();
    private final Reassembler reassembler = new Reassembler();
    private final SimulationFactory factory;
    private final MemberProfile profile;
    private final Consumer<String> refused;
    private final ActorRef<Pulse.Command> pulse;
    private long spawned;
    private String builtFor;
    private Simulation built;

    /**
     * @param factory builds the simulation of a scenario text placed here that is not {@code presetYaml}
     * @param preset a simulation already built from {@code presetYaml} in this JVM (the coordinator's), or null
     * @param profile this member's profile
     * @param refused called once with the differences when a scheduler's profile differs from this member's
     */
    public static Behavior<Command> create(SimulationFactory factory, Simulation preset, String presetYaml,
                                           MemberProfile profile, Consumer<String> refused) {
        return Behaviors.setup(ctx -> new ShardHost(ctx, factory, preset, presetYaml, profile, refused));
    }

    private ShardHost(ActorContext<Command> ctx, SimulationFactory factory, Simulation preset, String presetYaml,
                      MemberProfile profile, Consumer<String> refused) {
        super(ctx);
        this.factory = factory;
        this.built = preset;
        this.builtFor = preset == null ? null : presetYaml;
        this.profile = profile;
        this.refused = refused;
        this.pulse = ctx.spawn(Pulse.create(ctx.getSelf()), "pulse");
        ctx.getSystem().receptionist().tell(Receptionist.register(KEY, ctx.getSelf()));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Introduce.class, this::onIntroduce)
                .onMessage(Host.class, this::onHost)
                .onMessage(BlocksChunk.class, this::onChunk)
                .onMessage(Release.class, this::onRelease)
                .build();
    }

    private Behavior<Command> onIntroduce(Introduce msg) {
        String coordinator = "the coordinator " + msg.scheduler().path().address();
        List<String> differences = profile.differences(msg.profile(), coordinator);
        msg.scheduler().tell(new Scheduler.Introduced(getContext().getSelf(), profile));
        if (!differences.isEmpty()) {
            String why = String.join("; ", differences);
            getContext().getLog().error("refused by {}: its settings differ from this member's: {}", coordinator, why);
            refused.accept(coordinator + ": " + why);
            return this;
        }
        pulse.tell(new Pulse.Every(java.time.Duration.ofMillis(Math.max(1, msg.heartbeatMillis()))));
        return this;
    }

    private Behavior<Command> onHost(Host msg) {
        Key k = new Key(msg.epoch(), msg.shard());
        hosts.put(k, msg);
        ShardProgress progress = new ShardProgress();
        placing.put(k, progress);
        pulse.tell(new Pulse.Track(msg.scheduler(), msg.epoch(), msg.shard(), progress));
        return tryStart(k);
    }

    private Behavior<Command> onChunk(BlocksChunk msg) {
        placing.values().forEach(ShardProgress::tick); // which shard a piece belongs to is known once it is whole
        byte[] whole;
        try {
            whole = reassembler.accept(msg.chunk());
        } catch (IllegalArgumentException e) {
            getContext().getLog().warn("dropping a piece of a placement: {}", e.getMessage());
            return this;
        }
        if (whole == null) return this;
        BlockStates states = Wire.decodeBlocks(whole);
        Key k = new Key(states.epoch(), states.shard());
        blocks.put(k, states);
        return tryStart(k);
    }

    private Behavior<Command> tryStart(Key k) {
        Host host = hosts.get(k);
        BlockStates states = blocks.get(k);
        if (host == null || states == null) return this;
        hosts.remove(k);
        blocks.remove(k);
        ShardProgress progress = placing.remove(k);
        progress.busy(true);
        try {
            Simulation sim = simulation(states.scenarioYaml());
            List<Block> owned = states.blocks().stream().map(BlockState::toBlock).toList();
            ShardCore core = new ShardCore(k.shard(), owned, sim, states.startStep());
            String name = "shard-e" + k.epoch() + "-" + k.shard() + "-" + (++spawned);
            ActorRef<Shard.Command> ref = getContext().spawn(
                    Shard.create(core, host.scheduler(), name, host.chunkBytes(), progress),
                    name, DispatcherSelector.fromConfig(Scheduler.SHARD_DISPATCHER));
            shards.put(k, ref);
            host.scheduler().tell(new Scheduler.Hosted(k.epoch(), k.shard(), ref));
        } catch (Exception e) {
            String where = getContext().getSystem().address().toString();
            host.scheduler().tell(new Scheduler.HostFailed(k.epoch(), k.shard(), where + ": " + e.getMessage()));
        } finally {
            progress.busy(false);
        }
        return this;
    }

    private Behavior<Command> onRelease(Release msg) {
        shards.entrySet().removeIf(e -> {
            if (e.getKey().epoch() >= msg.epoch()) return false;
            getContext().stop(e.getValue());
            return true;
        });
        hosts.keySet().removeIf(k -> k.epoch() < msg.epoch());
        blocks.keySet().removeIf(k -> k.epoch() < msg.epoch());
        placing.keySet().removeIf(k -> k.epoch() < msg.epoch());
        pulse.tell(new Pulse.Release(msg.epoch()));
        return this;
    }

    /** The simulation of a resolved scenario text, built once per text. */
    private Simulation simulation(String yaml) throws Exception {
        if (!yaml.equals(builtFor)) {
            built = factory.build(yaml);
            builtFor = yaml;
        }
        return built;
    }
}
