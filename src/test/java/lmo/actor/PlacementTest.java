package lmo.actor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import lmo.engine.ClusterStatus;
import org.apache.pekko.actor.Address;
import org.junit.jupiter.api.Test;

/** Which blocks go where, how many members a placement needs, and what a lost member changes. */
class PlacementTest {
    private static final String A = "pekko://lmo@10.0.0.1:1";
    private static final String B = "pekko://lmo@10.0.0.2:2";
    private static final String C = "pekko://lmo@10.0.0.3:3";

    @Test
    void shardsGoToTheUsableMembersInAddressOrderShardSOnMemberSTimesHOverS() {
        Placement p = new Placement(3, 2);
        List<String> candidates = List.of(C, A, B);
        List<Integer> usable = p.usable(candidates);
        assertEquals(List.of(1, 2, 0), usable, "address order, as positions in the candidates");
        List<String> members = usable.stream().map(candidates::get).toList();
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 2, 2}, p.place(7, members), "s * 3 / 7");
        assertEquals(A, p.memberOf(0));
        assertEquals(B, p.memberOf(4));
        assertEquals(C, p.memberOf(6));
        assertNull(p.memberOf(7), "no such shard");
        assertNull(p.memberOf(-1));
        assertEquals(Map.of(A, 3, B, 2, C, 2), p.shardsByMember());
        assertEquals(List.of(A, B, C), List.copyOf(p.shardsByMember().keySet()), "members in the order they got shards");
        assertEquals(new ClusterStatus(3, Map.of(A, 3, B, 2, C, 2), 0, 0), p.status());
    }

    @Test
    void fewerShardsThanMembersLeaveTheLastMembersIdle() {
        Placement p = new Placement(1, 1);
        assertArrayEquals(new int[] {0, 1}, p.place(2, List.of(A, B, C)), "s * 3 / 2: members 0 and 1");
        assertEquals(2, p.status().nodes());
        assertThrows(IllegalArgumentException.class, () -> p.place(2, List.of()));
    }

    @Test
    void theFirstPlacementNeedsStartNodesAndAnyLaterOneMinNodes() {
        Placement p = new Placement(3, 2);
        assertEquals(3, p.needed());
        assertFalse(p.enough(2));
        assertTrue(p.enough(3));
        p.place(4, List.of(A, B, C));
        assertEquals(3, p.needed(), "placing counts no loss");
        p.lose(C, List.of(A, B, C));
        assertEquals(2, p.needed());
        assertTrue(p.enough(2));
        assertFalse(p.enough(1));
        assertThrows(IllegalArgumentException.class, () -> new Placement(1, 2), "minNodes above startNodes");
        assertThrows(IllegalArgumentException.class, () -> new Placement(1, 0));
    }

    @Test
    void losingAMemberThatHoldsShardsEndsThePlacementAndSaysWhetherEnoughRemain() {
        Placement p = new Placement(3, 2);
        List<String> all = List.of(A, B, C);
        p.place(3, all);
        Placement.Loss loss = p.lose(B, all);
        assertEquals(new Placement.Loss(2, true), loss, "A and C remain, minNodes 2: place again now");
        assertEquals(List.of(0, 2), p.usable(all), "B is no longer usable");
        assertNull(p.memberOf(0), "the placement is over");
        assertFalse(p.holds(A, 0), "a heartbeat about a shard of the old placement does not count");
        assertEquals(1, p.losses());
        assertEquals(new ClusterStatus(3, Map.of(A, 1, B, 1, C, 1), 1, 0), p.status(),
                "the status names the placement the member was lost from");

        assertArrayEquals(new int[] {0, 0, 1}, p.place(3, List.of(A, C)));
        assertEquals(new ClusterStatus(2, Map.of(A, 2, C, 1), 1, 1), p.status(), "a placement after a loss recovers");
        assertEquals(new Placement.Loss(1, false), p.lose(C, all), "A alone is below minNodes: wait for members");
        assertEquals(2, p.losses());
    }

    @Test
    void aMemberIsLostOnceAndOneThatHoldsNoShardChangesNoPlacement() {
        Placement p = new Placement(2, 1);
        List<String> all = List.of(A, B, C);
        p.place(2, List.of(A, B));
        assertNull(p.lose(C, all), "C holds no shard");
        assertEquals(0, p.losses());
        assertEquals(List.of(0, 1), p.usable(all), "but it is not usable any more");
        assertTrue(p.holds(A, 0));
        assertTrue(p.holds(B, 1));
        assertFalse(p.holds(B, 0), "a heartbeat names a shard of another member");
        assertFalse(p.holds(C, 5), "nor a shard that does not exist");

        assertEquals(new Placement.Loss(1, true), p.lose(A, all));
        assertNull(p.lose(A, all), "lost once: removed after unreachable is the same loss");
        assertNull(p.lose(B, all), "no placement is under way: B holds nothing now");
        assertEquals(1, p.losses());
        assertEquals(List.of(), p.usable(all));
    }

    @Test
    void aRefusedMemberIsNoCandidateSoItNeverGetsAShard() {
        MemberChecks<String> checks = new MemberChecks<>();
        Map<String, Address> where = Map.of(A, new Address("pekko", "lmo", "10.0.0.1", 1),
                B, new Address("pekko", "lmo", "10.0.0.2", 2), C, new Address("pekko", "lmo", "10.0.0.3", 3));
        for (String h : List.of(A, B, C)) checks.firstSight(h);
        checks.answered(A, where.get(A), List.of());
        checks.answered(B, where.get(B), List.of("--jar: none here, a.jar on B"));
        checks.answered(C, where.get(C), List.of());
        List<String> candidates = List.of(A, B, C).stream().filter(checks::vetted).toList();
        Placement p = new Placement(3, 1);
        assertFalse(p.enough(p.usable(candidates).size()), "3 members are up but one is refused");
        p = new Placement(2, 1);
        assertArrayEquals(new int[] {0, 0, 1, 1}, p.place(4, candidates));
        assertEquals(Map.of(A, 2, C, 2), p.shardsByMember());
    }

    @Test
    void aLostMemberThatIsUpAgainIsUsable() {
        Placement p = new Placement(2, 2);
        List<String> all = List.of(A, B);
        p.place(2, all);
        p.lose(B, all);
        assertEquals(List.of(0), p.usable(all));
        p.up(B);
        assertEquals(List.of(0, 1), p.usable(all));
        assertTrue(p.enough(p.usable(all).size()));
    }
}
