package lmo.engine;

import java.util.ArrayList;
import java.util.List;
import lmo.particles.Block;
import lmo.particles.Population;

/**
 * The blocks one shard owns and what it does with them on each {@link Order}; no actors here, so the plain
 * loop and the shard actor run exactly the same code. Not thread-safe: one shard, one thread at a time.
 */
public final class ShardCore {
    private final int shard;
    private final List<Block> blocks;
    private final BlockWorker worker;
    private final boolean[] committed;
    private final int stages;

    public ShardCore(int shard, List<Block> blocks, Simulation sim) {
        this.shard = shard;
        this.blocks = List.copyOf(blocks);
        this.worker = new BlockWorker(sim.model(), sim.dynamics(),
                sim.populations().stream().map(Population::space).toList(), sim.seed());
        this.committed = new boolean[blocks.size()];
        this.stages = sim.dynamics().stages();
    }

    public int shard() { return shard; }

    public ShardReport execute(Order order) {
        long t0 = System.nanoTime();
        List<BlockReport> out = new ArrayList<>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            out.add(run(order, b, i));
        }
        return new ShardReport(shard, order.seq(), out, System.nanoTime() - t0);
    }

    private BlockReport run(Order order, Block b, int i) {
        if (order instanceof Order.Partials p) {
            return worker.partial(b, p.round(), p.done());
        } else if (order instanceof Order.Apply a) {
            BlockReport r = worker.apply(b, a);
            committed[i] = a.update() && r.diverged() < 0 && a.stage() == stages - 1;
            return r;
        } else if (order instanceof Order.Normalize n) {
            return worker.normalize(b, n.factors()[b.population()], n.step());
        } else if (order instanceof Order.Rollback) {
            if (committed[i]) b.commit();
            committed[i] = false;
            return BlockReport.empty(b.index());
        } else if (order instanceof Order.Collect) {
            return BlockReport.state(b);
        }
        throw new IllegalArgumentException("unknown order " + order);
    }
}
