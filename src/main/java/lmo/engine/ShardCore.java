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
    private final Sync.Straggler straggler;
    private final long seed;
    /** The asynchronous modes' kept states, one ring per block (null in bsp). */
    private final KeptStates[] kept;
    /** Each block's state (asynchronous modes). */
    private final long[] state;
    /** Particle count of every population (for picks). */
    private final int[] counts;

    /**
     * The {@link BlockReport#problem} of a STEP task for a block that is not at the task's state (a step sent ahead,
     * pipelined, after a step of the block diverged): nothing was done.
     */
    public static final String SKIPPED = "skipped: the block is not at this state";

    public ShardCore(int shard, List<Block> blocks, Simulation sim) {
        this(shard, blocks, sim, sim.startStep());
    }

    /**
     * @param step the state the blocks are at (a worker's simulation starts at 0, its blocks at the placement's step)
     */
    public ShardCore(int shard, List<Block> blocks, Simulation sim, long step) {
        this.shard = shard;
        this.blocks = List.copyOf(blocks);
        this.worker = new BlockWorker(sim.model(), sim.dynamics(),
                sim.populations().stream().map(Population::space).toList(), sim.seed());
        this.committed = new boolean[blocks.size()];
        this.stages = sim.dynamics().stages();
        this.straggler = sim.sync().straggler();
        this.seed = sim.seed();
        this.counts = sim.counts();
        state = new long[this.blocks.size()];
        java.util.Arrays.fill(state, step);
        if (sim.sync().asynchronous()) {
            kept = new KeptStates[this.blocks.size()];
            for (int i = 0; i < kept.length; i++) {
                Block b = this.blocks.get(i);
                kept[i] = new KeptStates(sim.sync().staleness() + 3, b.x().length, b.count());
                kept[i].keep(step, b);
            }
        } else {
            kept = null;
        }
    }

    public int shard() { return shard; }

    /**
     * How many times its compute time this shard's answer to {@code order} should take ({@code engine.straggler}):
     * an order that moves particles (a stage-0 Apply, or Tasks with a step) may be slow; others are not.
     */
    public double slowdown(Order order) {
        long step = -1;
        if (order instanceof Order.Apply a && a.update() && a.stage() == 0) step = a.step();
        if (order instanceof Order.Tasks t) {
            for (Order.Task task : t.tasks()) {
                if (task.kind() == Order.TaskKind.STEP) {
                    step = task.step();
                    break;
                }
            }
        }
        return step < 0 ? 1 : straggler.slowdown(seed, shard, step);
    }

    public ShardReport execute(Order order) {
        long t0 = System.nanoTime();
        if (order instanceof Order.Tasks t) return new ShardReport(shard, t.seq(), tasks(t), System.nanoTime() - t0);
        List<BlockReport> out = new ArrayList<>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            out.add(run(order, b, i));
        }
        return new ShardReport(shard, order.seq(), out, System.nanoTime() - t0);
    }

    /** The tasks of an asynchronous order, in order: one report each. */
    private List<BlockReport> tasks(Order.Tasks order) {
        if (kept == null) throw new IllegalStateException("shard " + shard + " runs bsp and got asynchronous tasks");
        List<BlockReport> out = new ArrayList<>(order.tasks().size());
        int first = blocks.get(0).index();
        for (Order.Task t : order.tasks()) {
            int i = t.block() - first;
            if (i < 0 || i >= blocks.size()) throw new IllegalArgumentException("shard " + shard + " has no block " + t.block());
            Block b = blocks.get(i);
            out.add(switch (t.kind()) {
                case STEP -> {
                    if (state[i] != t.step()) {
                        yield new BlockReport(b.index(), null, null, null, null, Double.NaN, Double.NaN, -1, SKIPPED);
                    }
                    BlockReport r = worker.step(b, t.step(), order.summaries().get(t.summary()), t.massFactor());
                    if (r.diverged() < 0) {
                        state[i]++;
                        kept[i].keep(t.step() + 1, b);
                    }
                    yield r;
                }
                case EVALUATE -> worker.evaluate(scaled(kept[i].view(b, t.step()), t.massFactor()),
                        order.summaries().get(t.summary()));
                case COLLECT -> BlockReport.state(scaled(kept[i].view(b, t.step()), t.massFactor()));
                case PARTIAL -> worker.partialWithMass(kept[i].view(b, t.step()), t.step());
                case PICK, SAMPLE -> Picks.pick(kept[i].view(b, t.step()), counts[b.population()], t.take(),
                        t.massFactor());
            });
        }
        return out;
    }

    /** The state with its masses times {@code factor} (a copy when the factor is not 1). */
    private static Block scaled(Block state, double factor) {
        if (factor == 1) return state;
        double[] m = state.m().clone();
        for (int i = 0; i < m.length; i++) m[i] *= factor;
        return state.view(state.x(), m);
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
        } else if (order instanceof Order.Pick p) {
            return Picks.pick(b, counts[b.population()], p.take()[b.population()], 1);
        }
        throw new IllegalArgumentException("unknown order " + order);
    }
}
