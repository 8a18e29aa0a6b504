package lmo.actor;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import lmo.actor.cluster.ClusterConfig;
import lmo.actor.cluster.ClusterSettings;
import lmo.actor.cluster.MemberProfile;
import lmo.engine.RunObserver;
import lmo.engine.RunOutcome;
import lmo.engine.Simulation;
import lmo.engine.SimulationFactory;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Runs a simulation as the coordinator of a Pekko cluster: this JVM is the seed (unless the configuration names
 * others), hosts shards itself, and waits for workers ({@code lmo node --join HOST:PORT}) before placing shards on
 * every member. Members whose {@link MemberProfile} differs from this JVM's are refused. Leaves the cluster when the
 * run ends, so the workers can serve the next coordinator.
 */
public final class ClusterEngine {
    private ClusterEngine() {}

    /**
     * @param simulations builds the simulation of a scenario text other than {@code scenarioYaml} placed on this
     *     JVM's own host ({@code sim} is the one of {@code scenarioYaml})
     */
    public static RunOutcome run(Simulation sim, String scenarioYaml, SimulationFactory simulations,
                                 ClusterSettings settings, int startNodes, int minNodes, Duration joinTimeout,
                                 Duration rejoinTimeout, RunObserver observer) {
        Config config = ClusterConfig.of(settings);
        MemberProfile profile = MemberProfile.of(config);
        ClusterPlan plan = new ClusterPlan(scenarioYaml, startNodes, minNodes, joinTimeout, rejoinTimeout,
                ClusterConfig.chunkBytes(config), ClusterConfig.silenceLimit(config), profile);
        CompletableFuture<RunOutcome> done = new CompletableFuture<>();
        CompletableFuture<ActorRef<Scheduler.Command>> scheduler = new CompletableFuture<>();
        ActorSystem<Void> system = ActorSystem.create(Behaviors.setup(ctx -> {
            // the coordinator's own host shares its profile, so it is never refused
            ctx.spawn(ShardHost.create(simulations, sim, scenarioYaml, profile, why -> {}), "host");
            scheduler.complete(ctx.spawn(Scheduler.cluster(sim, plan, observer, done), "scheduler"));
            return Behaviors.empty();
        }), ClusterConfig.SYSTEM, config);
        lmo.actor.ActorEngine.whenStopped(system, done);
        try (CheckpointOnExit onExit = new CheckpointOnExit(scheduler.get(30, TimeUnit.SECONDS))) {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the cluster's actor system did not start", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } finally {
            CoordinatedShutdown.get(org.apache.pekko.actor.typed.javadsl.Adapter.toClassic(system))
                    .runAll(CoordinatedShutdown.unknownReason())
                    .toCompletableFuture().orTimeout(20, TimeUnit.SECONDS).exceptionally(t -> null).join();
        }
    }
}
