package lmo.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bulk-synchronous {@link StepMachine}: every order of the {@link SchedulerCore} goes to every shard, and the
 * next one waits for all their reports.
 */
public final class BspMachine implements StepMachine {
    private final SchedulerCore core;
    private final int shards;
    private final Map<Integer, ShardReport> inbox = new HashMap<>();
    private Order pending;

    public BspMachine(SchedulerCore core, int shards) {
        this.core = core;
        this.shards = shards;
    }

    @Override public List<Dispatch> start() { return broadcast(core.start()); }

    @Override
    public List<Dispatch> onReport(ShardReport report) {
        if (pending == null || report.seq() != pending.seq()) return List.of();
        inbox.put(report.shard(), report);
        if (inbox.size() < shards) return List.of();
        List<ShardReport> reports = new ArrayList<>(inbox.values());
        inbox.clear();
        return broadcast(core.onReports(reports));
    }

    private List<Dispatch> broadcast(Order order) {
        pending = order;
        if (order == null) return List.of();
        List<Dispatch> out = new ArrayList<>(shards);
        for (int s = 0; s < shards; s++) out.add(new Dispatch(s, order));
        return out;
    }

    @Override public RunOutcome outcome() { return core.outcome(); }

    @Override public boolean requestCheckpoint() {
        core.requestCheckpoint();
        return true;
    }

    @Override public long step() { return core.step(); }

    @Override public long seq() { return core.seq(); }
}
