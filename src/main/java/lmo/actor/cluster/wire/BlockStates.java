package lmo.actor.cluster.wire;

import java.util.List;

/**
 * The blocks a (remote) shard host is to own, with what it needs to rebuild the model: sent at the start of a run
 * and after a restore. On the wire (tag 32, see {@link BlockStatesCodec}):
 * {@code i64 epoch  i32 shard  i64 startStep  string? scenarioYaml  i32 count  count x block}.
 *
 * @param epoch the assignment this belongs to (increases with every reassignment, so a stale one is recognised)
 * @param shard the shard that is to own the blocks
 * @param startStep the step the blocks' state is at
 * @param scenarioYaml the resolved scenario text (UTF-8 on the wire), or null if the receiver already has it
 * @param blocks the blocks, in block order; copied into an unmodifiable list, no null elements
 */
public record BlockStates(long epoch, int shard, long startStep, String scenarioYaml, List<BlockState> blocks) {

    public BlockStates {
        if (blocks == null) throw new IllegalArgumentException("blocks is null");
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i) == null) throw new IllegalArgumentException("block " + i + " is null");
        }
        blocks = List.copyOf(blocks);
    }
}
