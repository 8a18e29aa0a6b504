package lmo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import lmo.actor.ActorEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A fatal error in the actor system ends {@link ActorEngine#run} promptly with a {@link RunFailure} instead of
 * leaving it waiting for reports that never come (issue 14, item 1): an error Pekko treats as fatal shuts the actor
 * system down, and the engine watches for that; out of memory in the scheduler's own work is caught there.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ActorEngineFatalTest {

    /** Throws {@code error} from the scheduler's thread when step {@code at} is logged. */
    private static final class Throwing implements RunObserver {
        private final long at;
        private final Error error;

        Throwing(long at, Error error) {
            this.at = at;
            this.error = error;
        }

        @Override
        public void onMetrics(long step, double wallSeconds, double[] values) {
            if (step == at) throw error;
        }
    }

    private static Simulation sim() {
        return Fixtures.sim(300, 2, new MeanAttraction(2), TestDynamics.euler(0.1), 50, 32, 3);
    }

    @Test
    void anErrorPekkoTreatsAsFatalStopsTheSystemAndTheRun() {
        RunFailure f = assertThrows(RunFailure.class,
                () -> ActorEngine.run(sim(), new Throwing(5, new InternalError("a dead dispatcher, for the test"))));
        assertEquals(RunFailure.Kind.STOPPED, f.kind());
        assertTrue(f.getMessage().startsWith("the actor system stopped before the run ended"), f.getMessage());
    }

    @Test
    void outOfMemoryInTheSchedulerEndsTheRunAsOutOfMemory() {
        RunFailure f = assertThrows(RunFailure.class,
                () -> ActorEngine.run(sim(), new Throwing(5, new OutOfMemoryError("Java heap space (for the test)"))));
        assertEquals(RunFailure.Kind.OUT_OF_MEMORY, f.kind());
        assertTrue(f.getMessage().contains("java.lang.OutOfMemoryError: Java heap space (for the test)"), f.getMessage());
    }
}
