package lmo.actor;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * While a run is on, Ctrl-C (SIGINT) or SIGTERM asks the scheduler for a checkpoint at the next step boundary and
 * waits for it (at most {@value #WAIT_SECONDS} s) before the JVM exits, so {@code lmo resume} continues from there.
 * kill -9 and power loss cannot be caught: those resume from the last periodic checkpoint.
 */
public final class CheckpointOnExit implements AutoCloseable {
    static final int WAIT_SECONDS = 30;

    private final ActorRef<Scheduler.Command> scheduler;
    private final Thread hook = new Thread(this::save, "lmo-checkpoint-on-exit");

    public CheckpointOnExit(ActorRef<Scheduler.Command> scheduler) {
        this.scheduler = scheduler;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private void save() {
        CompletableFuture<Long> written = new CompletableFuture<>();
        scheduler.tell(new Scheduler.RequestCheckpoint(written));
        try {
            long step = written.get(WAIT_SECONDS, TimeUnit.SECONDS);
            if (step >= 0) {
                System.err.println("lmo: interrupted; checkpoint at step " + step
                        + " written: continue with bin/lmo resume RUN_DIR");
            }
        } catch (Exception e) {
            System.err.println("lmo: interrupted; no checkpoint written (" + e + ")");
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }
}
