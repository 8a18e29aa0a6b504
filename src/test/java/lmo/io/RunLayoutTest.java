package lmo.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The run directory's names, spelled out once: a change here is a change of the on-disk format. */
class RunLayoutTest {
    @Test
    void namesAreTheDocumentedOnes() {
        assertEquals("scenario.yaml", RunLayout.SCENARIO);
        assertEquals("metrics.csv", RunLayout.METRICS);
        assertEquals("summary.json", RunLayout.SUMMARY);
        assertEquals("checkpoint.lmo", RunLayout.CHECKPOINT);
        assertEquals("schedule.lmo", RunLayout.SCHEDULE);
        assertEquals("staleness.csv", RunLayout.STALENESS);
        assertEquals(".lmo.lock", RunLayout.LOCK);
        assertEquals("final-p-q.npy", RunLayout.finalState("p-q"));
        assertEquals("last-good-p-q.npy", RunLayout.lastGoodState("p-q"));
        assertEquals("final-p-solver.npy", RunLayout.solver(RunLayout.finalState("p")));
        assertEquals("last-good-model-global.npy", RunLayout.endState(RunLayout.MODEL_GLOBAL, false));
        assertEquals("snapshots/p-q-00000010.npy", RunLayout.snapshot("p-q", 10));
        assertEquals("snapshots/p-123456789.npy", RunLayout.snapshot("p", 123_456_789));
    }

    @Test
    void recognisesItsOwnNames() {
        assertEquals(10, RunLayout.snapshotStep(RunLayout.snapshot("p-q", 10)));
        assertEquals(Long.MAX_VALUE, RunLayout.snapshotStep("snapshots/p-0000000000000000000001.npy"));
        assertEquals(-1, RunLayout.snapshotStep("snapshots/p-q-00000011.npy.tmp"));
        assertEquals(-1, RunLayout.snapshotStep("final-p.npy"));
        assertTrue(RunLayout.isEndState("final-p-solver.npy") && RunLayout.isEndState("last-good-model-global.npy"));
        assertFalse(RunLayout.isEndState("snapshots/final-p.npy") || RunLayout.isEndState("final-p.npy.tmp"));
        assertTrue(RunLayout.isSnapshot(RunLayout.snapshot("p", 0)));
    }
}
