package lmo.actor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** When a shard that owes the scheduler an answer counts as silent; times are made-up nanoseconds. */
class SilenceWatchTest {
    private static final long S = 1_000_000_000L;

    @Test
    void aShardThatOwesAnAnswerAndShowsNothingIsSilentAfterTheLimit() {
        SilenceWatch w = new SilenceWatch(10 * S);
        w.placing(3, 0);
        w.answered(0);
        w.answered(1);
        w.answered(2);
        w.expect(100 * S);
        w.answered(0);
        w.answered(2);
        assertEquals(-1, w.silentShard(110 * S), "exactly the limit is not beyond it");
        assertEquals(1, w.silentShard(110 * S + 1));
        assertEquals(10.0, w.silentSeconds(1, 110 * S), 1e-9);
        w.answered(1);
        assertEquals(-1, w.silentShard(200 * S), "a shard that answered owes nothing");
    }

    @Test
    void aBusyShardIsAliveHoweverLongItComputes() {
        SilenceWatch w = new SilenceWatch(10 * S);
        w.placing(1, 0);
        w.expect(0);
        for (long t = 5; t <= 1000; t += 5) w.beat(0, 7, true, t * S); // one order computed for 1000 s
        assertEquals(-1, w.silentShard(1009 * S));
        assertEquals(0, w.silentShard(1011 * S), "the heartbeats stopped: silent after the limit");
    }

    @Test
    void anIdleShardWhoseCounterStandsStillIsSilentEvenWithHeartbeats() {
        // the order (or the report) was lost: the member beats, but its shard has nothing to do
        SilenceWatch w = new SilenceWatch(10 * S);
        w.placing(2, 0);
        w.expect(0);
        w.answered(1);
        w.beat(0, 4, false, 1 * S); // the first heartbeat sets the counter's reference...
        for (long t = 2; t <= 30; t++) w.beat(0, 4, false, t * S);
        assertEquals(0, w.silentShard(12 * S), "...and the ones after it show no progress");
    }

    @Test
    void aMovingCounterIsProgress() {
        // a large placement arriving piece by piece: not busy, but every heartbeat shows more pieces
        SilenceWatch w = new SilenceWatch(10 * S);
        w.placing(1, 0);
        for (long t = 1; t <= 100; t++) w.beat(0, t, false, t * S);
        assertEquals(-1, w.silentShard(105 * S));
        assertEquals(0, w.silentShard(111 * S));
    }

    @Test
    void aNewPlacementForgetsTheCountersOfTheLastAndClearOwesNothing() {
        SilenceWatch w = new SilenceWatch(10 * S);
        w.placing(1, 0);
        w.beat(0, 0, false, 1 * S);
        w.placing(1, 50 * S); // a new epoch: the new shard's counter starts again at 0, which is news
        w.beat(0, 0, false, 55 * S);
        assertEquals(-1, w.silentShard(64 * S));
        assertEquals(0, w.silentShard(66 * S));
        w.clear();
        assertEquals(-1, w.silentShard(1000 * S));
        w.beat(5, 1, true, 0); // a shard this placement does not have is ignored
        assertThrows(IllegalArgumentException.class, () -> new SilenceWatch(0));
    }
}
