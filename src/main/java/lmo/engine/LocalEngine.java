package lmo.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The reference loop: the same {@link StepMachine} and {@link ShardCore}s as the actor engine, run on the calling
 * thread. The actor engine must reproduce its {@code stateSha256} for any shard count; this is the test that keeps
 * the actor layer honest.
 */
public final class LocalEngine {
    private LocalEngine() {}

    /** All blocks in one shard. */
    public static RunOutcome run(Simulation sim, RunObserver observer) {
        return run(sim, observer, 1, null);
    }

    /**
     * The blocks on {@code shards} shards, run one order at a time on this thread: in the order they were issued,
     * or, with {@code shuffle}, the next pending order picked at random (how shards of uneven speed would answer;
     * it changes only the result of {@code bounded} runs, whose schedule then varies).
     */
    public static RunOutcome run(Simulation sim, RunObserver observer, int shards, Random shuffle) {
        BlockLayout layout = new BlockLayout(sim.populations(), sim.blockSize(), shards);
        List<ShardCore> cores = new ArrayList<>();
        for (int s = 0; s < layout.shards(); s++) cores.add(new ShardCore(s, layout.blocksOf(s, sim.populations()), sim));
        StepMachine machine = StepMachine.of(sim, layout, observer, 0);
        List<StepMachine.Dispatch> pending = new ArrayList<>(machine.start());
        ArrayDeque<StepMachine.Dispatch> fifo = new ArrayDeque<>();
        while (!pending.isEmpty() || !fifo.isEmpty()) {
            fifo.addAll(pending);
            pending.clear();
            StepMachine.Dispatch d = shuffle == null ? fifo.poll() : takeAny(fifo, shuffle);
            pending.addAll(machine.onReport(cores.get(d.shard()).execute(d.order())));
        }
        return machine.outcome();
    }

    /** The oldest pending order of a shard picked at random: a shard answers its orders in the order sent. */
    private static StepMachine.Dispatch takeAny(ArrayDeque<StepMachine.Dispatch> fifo, Random r) {
        List<StepMachine.Dispatch> all = new ArrayList<>(fifo);
        int shard = all.get(r.nextInt(all.size())).shard();
        StepMachine.Dispatch d = all.stream().filter(x -> x.shard() == shard).findFirst().orElseThrow();
        all.remove(d);
        fifo.clear();
        fifo.addAll(all);
        return d;
    }
}
