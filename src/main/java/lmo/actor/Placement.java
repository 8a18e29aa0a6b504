package lmo.actor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lmo.engine.ClusterStatus;

/**
 * Which cluster members get which shards, and what losing one means; plain rules, no actors, members named by
 * their address strings.
 *
 * <p>The rules: a placement needs {@code startNodes} usable members the first time and {@code minNodes} after a
 * member was lost. The usable members are the candidates (members whose settings check passed) that are not lost,
 * in address order; of H usable members and S shards, shard s goes to member {@code s * H / S}. A member is lost
 * once (until it is up again); a lost member that holds a shard of the current placement ends that placement, so
 * every block is placed again, at once if {@code minNodes} usable members remain, else when enough join. A lost
 * member that holds no shard changes nothing but is no longer usable. Every placement after the first loss counts
 * as a recovery.
 */
final class Placement {

    /**
     * A lost member that held shards of the placement: the placement is over.
     *
     * @param left usable members remaining
     * @param enough whether they are enough ({@code minNodes}) to place every block again now
     */
    record Loss(int left, boolean enough) {}

    private final int startNodes;
    private final int minNodes;
    private final Set<String> lost = new HashSet<>();
    private final Map<String, Integer> shardsByMember = new LinkedHashMap<>();
    private List<String> memberOfShard = List.of();
    private int losses;
    private int recoveries;

    /** @param startNodes members needed for the first placement; {@code minNodes} after a loss */
    Placement(int startNodes, int minNodes) {
        if (minNodes < 1 || startNodes < minNodes) {
            throw new IllegalArgumentException("need 1 <= minNodes <= startNodes, got " + minNodes + ", " + startNodes);
        }
        this.startNodes = startNodes;
        this.minNodes = minNodes;
    }

    /** Members needed to (re)start placing: {@code startNodes} for the first placement, {@code minNodes} after a loss. */
    int needed() {
        return losses == 0 ? startNodes : minNodes;
    }

    /** The positions in {@code candidates} of the usable members (not lost), in address order. */
    List<Integer> usable(List<String> candidates) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) if (!lost.contains(candidates.get(i))) out.add(i);
        out.sort(Comparator.comparing(candidates::get));
        return out;
    }

    /** Whether {@code usable} members are enough to place now ({@link #needed}). */
    boolean enough(int usable) {
        return usable >= needed();
    }

    /**
     * Places {@code shards} shards on {@code members} (the usable members, in address order), shard s on member
     * {@code s * H / S}, and answers the position in {@code members} of each shard's member. Replaces the current
     * placement.
     */
    int[] place(int shards, List<String> members) {
        if (members.isEmpty()) throw new IllegalArgumentException("no member to place " + shards + " shards on");
        if (losses > 0) recoveries++;
        int[] at = new int[shards];
        List<String> of = new ArrayList<>(shards);
        shardsByMember.clear();
        for (int s = 0; s < shards; s++) {
            at[s] = (int) ((long) s * members.size() / shards);
            String m = members.get(at[s]);
            of.add(m);
            shardsByMember.merge(m, 1, Integer::sum);
        }
        memberOfShard = Collections.unmodifiableList(of);
        return at;
    }

    /** The member that holds shard {@code shard} in the current placement (null: none, or no placement). */
    String memberOf(int shard) {
        return shard >= 0 && shard < memberOfShard.size() ? memberOfShard.get(shard) : null;
    }

    /** Whether {@code member} holds shard {@code shard} in the current placement (a heartbeat about it counts). */
    boolean holds(String member, int shard) {
        return member.equals(memberOf(shard));
    }

    /** {@code member} is up (again): it is usable. */
    void up(String member) {
        lost.remove(member);
    }

    /**
     * {@code member} left, was removed or fell silent: it is no longer usable. Null if that changes no placement (it
     * was lost already, or holds no shard of the current one); else the current placement is over (the loss is
     * counted) and the answer says how many usable members of {@code candidates} remain.
     */
    Loss lose(String member, List<String> candidates) {
        if (!lost.add(member) || !memberOfShard.contains(member)) return null;
        losses++;
        memberOfShard = List.of();
        int left = usable(candidates).size();
        return new Loss(left, left >= minNodes);
    }

    /** The shards of the last placement per member, in the order the members first got one. */
    Map<String, Integer> shardsByMember() {
        return new LinkedHashMap<>(shardsByMember);
    }

    /** Members lost so far that held shards. */
    int losses() {
        return losses;
    }

    /** Where the shards of the last placement are and what the cluster went through. */
    ClusterStatus status() {
        return new ClusterStatus(shardsByMember.size(), shardsByMember, losses, recoveries);
    }
}
