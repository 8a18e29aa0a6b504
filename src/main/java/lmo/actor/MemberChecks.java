package lmo.actor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.pekko.actor.Address;

/**
 * The scheduler's record of the members' introductions: which hosts it introduced itself to, which answered with a
 * profile equal to the coordinator's (vetted: only those get shards), and which were refused and why. Plain
 * bookkeeping, no actors.
 *
 * @param <H> how a host is named (its actor reference in the scheduler)
 */
final class MemberChecks<H> {
    private final Set<H> introduced = new HashSet<>();
    private final Set<H> vetted = new HashSet<>();
    private final Map<Address, String> refused = new LinkedHashMap<>();

    /** True the first time {@code host} is seen: the scheduler must introduce itself to it. */
    boolean firstSight(H host) { return introduced.add(host); }

    /** {@code host} (at {@code address}) answered; {@code differences} empty means it agrees. */
    void answered(H host, Address address, List<String> differences) {
        if (differences.isEmpty()) {
            vetted.add(host);
            refused.remove(address);
        } else {
            refused.put(address, String.join("; ", differences));
        }
    }

    boolean vetted(H host) { return vetted.contains(host); }

    /**
     * What kept members out, for a message: {@code "; refused: A (why), B (why); no answer to the settings check
     * yet: C"}, or "" if nothing did.
     *
     * @param hosts the hosts registered now
     */
    String problems(Collection<H> hosts, Function<? super H, Address> address) {
        StringBuilder out = new StringBuilder();
        if (!refused.isEmpty()) {
            List<String> r = new ArrayList<>();
            refused.forEach((a, why) -> r.add(a + " (" + why + ")"));
            out.append("; refused: ").append(String.join(", ", r));
        }
        List<String> silent = hosts.stream().filter(h -> !vetted.contains(h) && !refused.containsKey(address.apply(h)))
                .map(h -> address.apply(h).toString()).sorted().toList();
        if (!silent.isEmpty()) out.append("; no answer to the settings check yet: ").append(String.join(", ", silent));
        return out.toString();
    }
}
