package lmo.actor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.Address;
import org.junit.jupiter.api.Test;

/** The scheduler's record of introductions, and how the join-timeout message names the members kept out. */
class MemberChecksTest {
    private static final Address GOOD = new Address("pekko", "lmo", "10.0.0.1", 1);
    private static final Address BAD = new Address("pekko", "lmo", "10.0.0.2", 2);
    private static final Address MUTE = new Address("pekko", "lmo", "10.0.0.3", 3);
    private static final Map<String, Address> WHERE = Map.of("good", GOOD, "bad", BAD, "mute", MUTE);

    @Test
    void onlyHostsThatAgreeAreVettedAndTheOthersAreNamedWithTheirDifferences() {
        MemberChecks<String> c = new MemberChecks<>();
        assertTrue(c.firstSight("good"));
        assertTrue(c.firstSight("bad"));
        assertTrue(c.firstSight("mute"));
        assertFalse(c.firstSight("good"), "a host is introduced to once");
        c.answered("good", GOOD, List.of());
        c.answered("bad", BAD, List.of("maximum-frame-size: 256 KiB here, 32 KiB on X", "--jar: none here, a.jar on X"));
        assertTrue(c.vetted("good"));
        assertFalse(c.vetted("bad"));
        assertFalse(c.vetted("mute"));
        assertEquals("; refused: pekko://lmo@10.0.0.2:2 (maximum-frame-size: 256 KiB here, 32 KiB on X; --jar: none here,"
                + " a.jar on X); no answer to the settings check yet: pekko://lmo@10.0.0.3:3",
                c.problems(List.of("good", "bad", "mute"), WHERE::get));
        c.answered("mute", MUTE, List.of());
        assertEquals("; refused: pekko://lmo@10.0.0.2:2 (maximum-frame-size: 256 KiB here, 32 KiB on X; --jar: none here,"
                + " a.jar on X)", c.problems(List.of("good", "mute"), WHERE::get), "a refused member that left is still named");
    }

    @Test
    void aMemberThatComesBackAgreeingIsNoLongerNamed() {
        MemberChecks<String> c = new MemberChecks<>();
        c.firstSight("bad");
        c.answered("bad", BAD, List.of("--jar: none here, a.jar on X"));
        assertTrue(c.firstSight("bad again"), "a new incarnation at the same address is a new host");
        c.answered("bad again", BAD, List.of());
        assertTrue(c.vetted("bad again"));
        assertEquals("", c.problems(List.of("bad again"), h -> BAD));
    }
}
