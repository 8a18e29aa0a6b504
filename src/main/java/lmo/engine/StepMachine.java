package lmo.engine;

import java.util.List;

/**
 * What a driver (the plain loop, the scheduler actor) runs: a machine that hands out orders, each to one shard,
 * and takes the shards' reports back one at a time. {@link BspMachine} sends one order to every shard and waits
 * for all; {@link AsyncCore} keeps every shard busy on its own. Drivers only move orders and reports.
 */
public interface StepMachine {

    /** An order for one shard. */
    record Dispatch(int shard, Order order) {}

    /** The first orders of the run. */
    List<Dispatch> start();

    /**
     * Takes one shard's report and returns the orders to send now (maybe none); a report that answers no order of
     * this machine (a late one, after a restart) is ignored. After the run's last report {@link #outcome} is set.
     *
     * @throws IllegalStateException if the report is malformed
     */
    List<Dispatch> onReport(ShardReport report);

    /** The outcome once the run is over, else null. */
    RunOutcome outcome();

    /**
     * Asks for a checkpoint of the next state the run reaches; call it from the driver's thread, between reports.
     * Returns false when this machine cannot write one now.
     */
    boolean requestCheckpoint();

    /** The step of the state being evaluated or updated (the slowest block's, asynchronously). */
    long step();

    /** The sequence number of the last order issued. */
    long seq();

    /** The machine for {@code sim.sync()}: asynchronous when the staleness is positive, else the bsp loop. */
    static StepMachine of(Simulation sim, BlockLayout layout, RunObserver observer, long seqBase) {
        return sim.sync().asynchronous() ? new AsyncCore(sim, layout, observer, seqBase)
                : new BspMachine(new SchedulerCore(sim, layout, observer, seqBase), layout.shards());
    }
}
