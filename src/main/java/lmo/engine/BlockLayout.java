package lmo.engine;

import java.util.ArrayList;
import java.util.List;
import lmo.particles.Block;
import lmo.particles.Population;

/**
 * How particles are cut into blocks and blocks placed on shards. Blocks are numbered population by population
 * (name order), in id order within a population; every block but a population's last holds {@code blockSize}
 * particles. Shard s owns the contiguous block range {@code [first(s), first(s+1))}. The numbering does not depend
 * on the shard count, which is what makes reductions in block order independent of placement.
 */
public final class BlockLayout {

    /** Where block b lives: population, first particle id, particle count. */
    public record Slot(int population, long firstId, int count) {}

    private final List<Slot> slots;
    private final int shards;

    public BlockLayout(List<Population> populations, int blockSize, int requestedShards) {
        List<Slot> s = new ArrayList<>();
        for (Population p : populations) {
            for (long first = 0; first < p.count(); first += blockSize) {
                s.add(new Slot(p.index(), first, (int) Math.min(blockSize, p.count() - first)));
            }
        }
        this.slots = List.copyOf(s);
        this.shards = Math.max(1, Math.min(requestedShards, slots.size()));
    }

    public int blocks() { return slots.size(); }

    public Slot slot(int block) { return slots.get(block); }

    /** Effective shard count: the requested count, clamped to the number of blocks. */
    public int shards() { return shards; }

    /** First block of shard s ({@code first(shards())} is the block count). */
    public int first(int shard) { return (int) ((long) shard * slots.size() / shards); }

    /** The blocks of shard s, with their initial state copied out of the populations. */
    public List<Block> blocksOf(int shard, List<Population> populations) {
        List<Block> out = new ArrayList<>();
        for (int b = first(shard); b < first(shard + 1); b++) {
            Slot sl = slots.get(b);
            Population p = populations.get(sl.population());
            int d = p.dim();
            int from = (int) sl.firstId();
            double[] x = java.util.Arrays.copyOfRange(p.x0(), from * d, (from + sl.count()) * d);
            double[] m = java.util.Arrays.copyOfRange(p.m0(), from, from + sl.count());
            int w = p.solverWidth();
            double[] s = java.util.Arrays.copyOfRange(p.s0(), from * w, (from + sl.count()) * w);
            out.add(new Block(sl.population(), b, sl.firstId(), d, x, m, w, s));
        }
        return out;
    }
}
