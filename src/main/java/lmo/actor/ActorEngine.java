package lmo.actor;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import lmo.engine.LocalEngine;
import lmo.engine.RunFailure;
import lmo.engine.RunObserver;
import lmo.engine.RunOutcome;
import lmo.engine.Simulation;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Runs a simulation on Pekko actors in this JVM: one scheduler actor and {@code shards} shard actors on a
 * dispatcher sized to the cores. Under bulk-synchronous stepping its {@code stateSha256} equals the
 * {@link LocalEngine}'s for any shard count. A fatal error (out of memory, a stack overflow, the actor system
 * stopping under the run) ends the run promptly with a {@link RunFailure}.
 */
public final class ActorEngine {
    /** How long a run waits for its actor system to terminate (a system broken by a fatal error may never). */
    static final int TERMINATE_SECONDS = 10;

    private ActorEngine() {}

    /**
     * Ends the run with a {@link RunFailure} if {@code system} stops before it does: Pekko shuts an actor system down
     * on a fatal error of one of its threads ({@code jvm-exit-on-fatal-error = off}), and no report would ever come.
     */
    public static void whenStopped(ActorSystem<?> system, CompletableFuture<RunOutcome> done) {
        Runnable stopped = () -> done.completeExceptionally(new RunFailure(RunFailure.Kind.STOPPED,
                "the actor system stopped before the run ended (a fatal error: see the log above)"));
        // the first phase of the shutdown, which may itself never finish when a dispatcher thread died
        CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseBeforeServiceUnbind(), "lmo-run-stopped", () -> {
            stopped.run();
            return CompletableFuture.completedFuture(Done.getInstance());
        });
        system.getWhenTerminated().thenRun(stopped);
    }

    public static RunOutcome run(Simulation sim, RunObserver observer) {
        CompletableFuture<RunOutcome> done = new CompletableFuture<>();
        ActorSystem<Scheduler.Command> system = ActorSystem.create(Scheduler.local(sim, observer, done), "lmo");
        whenStopped(system, done);
        try (CheckpointOnExit onExit = new CheckpointOnExit(system)) {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) throw r;
            RunFailure fatal = RunFailure.of("the run", c);
            if (fatal != null) throw fatal;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        } finally {
            system.terminate();
            // a system that stopped under the run may never finish terminating: do not wait long for it
            long wait = done.isCompletedExceptionally() ? 2 : TERMINATE_SECONDS;
            system.getWhenTerminated().toCompletableFuture().orTimeout(wait, java.util.concurrent.TimeUnit.SECONDS)
                    .exceptionally(t -> null).join();
        }
    }
}
