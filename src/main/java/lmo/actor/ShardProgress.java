package lmo.actor;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Signs of life of one placed shard, shared by the threads that work for it (its {@link ShardHost}, the
 * {@link Shard} actor) and read by the {@link Pulse} that reports them in heartbeats. {@link #tick()} counts a step
 * of work (a piece of a message received, an order started or finished, a shard built); {@link #busy} is true while
 * the shard is built or computes an order, when the counter may legitimately stand still for long (a Sinkhorn step
 * of minutes). Thread-safe.
 */
public final class ShardProgress {
    private final AtomicLong count = new AtomicLong();
    private volatile boolean busy;

    /** One more step of work done. */
    public void tick() { count.incrementAndGet(); }

    /** Marks the start ({@code true}) or end of a long piece of work, counting a step either way. */
    public void busy(boolean on) {
        busy = on;
        tick();
    }

    /** Steps of work done so far. */
    public long count() { return count.get(); }

    /** Whether a long piece of work is under way. */
    public boolean busy() { return busy; }
}
