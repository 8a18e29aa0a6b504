package lmo.engine;

import java.util.List;

/**
 * The reference loop: the same {@link SchedulerCore} and {@link ShardCore} as the actor engine, run on the calling
 * thread with all blocks in one shard. The actor engine must reproduce its {@code stateSha256} for any shard
 * count; this is the test that keeps the actor layer honest.
 */
public final class LocalEngine {
    private LocalEngine() {}

    public static RunOutcome run(Simulation sim, RunObserver observer) {
        BlockLayout layout = new BlockLayout(sim.populations(), sim.blockSize(), 1);
        ShardCore shard = new ShardCore(0, layout.blocksOf(0, sim.populations()), sim);
        SchedulerCore core = new SchedulerCore(sim, layout, observer);
        Order order = core.start();
        while (order != null) {
            order = core.onReports(List.of(shard.execute(order)));
        }
        return core.outcome();
    }
}
