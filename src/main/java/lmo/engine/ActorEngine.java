package lmo.engine;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Runs a simulation on Pekko actors in this JVM: one scheduler actor and {@code shards} shard actors on a
 * dispatcher sized to the cores. Under bulk-synchronous stepping its {@code stateSha256} equals the
 * {@link LocalEngine}'s for any shard count.
 */
public final class ActorEngine {
    private ActorEngine() {}

    public static RunOutcome run(Simulation sim, RunObserver observer) {
        CompletableFuture<RunOutcome> done = new CompletableFuture<>();
        ActorSystem<Scheduler.Command> system = ActorSystem.create(Scheduler.local(sim, observer, done), "lmo");
        try (CheckpointOnExit onExit = new CheckpointOnExit(system)) {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        } finally {
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().orTimeout(Duration.ofSeconds(30).toSeconds(),
                    java.util.concurrent.TimeUnit.SECONDS).exceptionally(t -> null).join();
        }
    }
}
