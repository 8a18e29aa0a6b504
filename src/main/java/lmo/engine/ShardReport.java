package lmo.engine;

import java.util.List;

/**
 * A shard's answer to one order: one report per block it owns, in block order, and the time it spent computing.
 */
public record ShardReport(int shard, long seq, List<BlockReport> blocks, long computeNanos) {}
