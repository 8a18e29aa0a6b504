package lmo.metrics;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import lmo.actor.ActorEngine;
import lmo.engine.BlockLayout;
import lmo.engine.ClusterStatus;
import lmo.particles.Gathered;
import lmo.engine.RunObserver;
import lmo.engine.RunOutcome;
import lmo.engine.Simulation;
import lmo.scenario.Assembler;
import lmo.scenario.Scenario;
import lmo.scenario.ScenarioLoader;

/**
 * A real run (a scenario on the actor engine, on a daemon thread) with its {@link RunMonitor} on a free port of
 * 127.0.0.1, held at chosen steps: the scheduler waits in {@code onStep} until the test releases it, so a test can
 * look at the endpoint of a run in progress without racing it. Threading: the run's callbacks come from the
 * scheduler's thread; the test thread waits and releases. {@link #close()} releases every hold, waits for the end
 * (bounded) and closes the endpoint.
 */
final class HeldRun implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 120;

    private final Scenario scenario;
    private final RunMonitor monitor;
    private final Map<Long, CountDownLatch> reached = new ConcurrentHashMap<>();
    private final Map<Long, CountDownLatch> released = new ConcurrentHashMap<>();
    private final CompletableFuture<RunOutcome> outcome = new CompletableFuture<>();

    /** Starts {@code scenario} (with {@code overrides}) held at each of {@code holds}. */
    HeldRun(Path scenario, List<String> overrides, long... holds) throws Exception {
        this(scenario, overrides, UnaryOperator.identity(), holds);
    }

    /** Starts {@code scenario} (with {@code overrides}, its simulation changed by {@code change}) held at each of {@code holds}. */
    HeldRun(Path scenario, List<String> overrides, UnaryOperator<Simulation> change, long... holds) throws Exception {
        this.scenario = ScenarioLoader.load(scenario, overrides);
        Simulation sim = change.apply(Assembler.build(this.scenario));
        for (long h : holds) {
            reached.put(h, new CountDownLatch(1));
            released.put(h, new CountDownLatch(1));
        }
        monitor = RunMonitor.start("127.0.0.1", 0, this.scenario.description());
        RunObserver both = new Both(monitor, new Hold());
        Thread t = new Thread(() -> {
            try {
                outcome.complete(ActorEngine.run(sim, both));
            } catch (Throwable e) {
                outcome.completeExceptionally(e);
            }
        }, "held-run");
        t.setDaemon(true);
        t.start();
    }

    Scenario scenario() { return scenario; }

    RunMonitor monitor() { return monitor; }

    String base() { return "http://127.0.0.1:" + monitor.port(); }

    /** Waits until the scheduler is held at {@code step} (its onStep has been called on every observer). */
    void awaitHeld(long step) throws InterruptedException {
        if (!reached.get(step).await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("the run did not reach step " + step + " in " + TIMEOUT_SECONDS + " s"
                    + (outcome.isDone() ? ": " + outcome : ""));
        }
    }

    /** Lets the run go on from {@code step}. */
    void release(long step) { released.get(step).countDown(); }

    /** Releases every hold and waits for the run's outcome (the endpoint stays up). */
    RunOutcome finish() throws Exception {
        released.values().forEach(CountDownLatch::countDown);
        return outcome.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        try {
            if (!outcome.isDone()) finish();
        } finally {
            monitor.close();
        }
    }

    /** Holds the scheduler at the chosen steps, after the monitor has seen them. */
    private final class Hold implements RunObserver {
        @Override
        public void onStep(long step, double wallSeconds, double[] values) {
            CountDownLatch r = reached.get(step);
            if (r == null || r.getCount() == 0) return;
            r.countDown();
            try {
                released.get(step).await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Two observers as one, in order. */
    private record Both(RunObserver a, RunObserver b) implements RunObserver {
        @Override public void onStart(Simulation sim, BlockLayout layout, List<String> columns) {
            a.onStart(sim, layout, columns);
            b.onStart(sim, layout, columns);
        }
        @Override public void onMetrics(long step, double wallSeconds, double[] values) {
            a.onMetrics(step, wallSeconds, values);
            b.onMetrics(step, wallSeconds, values);
        }
        @Override public void onStep(long step, double wallSeconds, double[] values) {
            a.onStep(step, wallSeconds, values);
            b.onStep(step, wallSeconds, values);
        }
        @Override public void onSnapshot(long step, Gathered state) {
            a.onSnapshot(step, state);
            b.onSnapshot(step, state);
        }
        @Override public boolean wantsLiveSample() { return a.wantsLiveSample() || b.wantsLiveSample(); }
        @Override public void onLiveSample(long step, Gathered sample) {
            if (a.wantsLiveSample()) a.onLiveSample(step, sample);
            if (b.wantsLiveSample()) b.onLiveSample(step, sample);
        }
        @Override public void onCheckpoint(long step, Gathered state) {
            a.onCheckpoint(step, state);
            b.onCheckpoint(step, state);
        }
        @Override public void onRewind(long step) {
            a.onRewind(step);
            b.onRewind(step);
        }
        @Override public void onCluster(ClusterStatus status) {
            a.onCluster(status);
            b.onCluster(status);
        }
        @Override public void onSources(int block, long step, long[] sources) {
            a.onSources(block, step, sources);
            b.onSources(block, step, sources);
        }
        @Override public void onShardStep(int shard, long step) {
            a.onShardStep(shard, step);
            b.onShardStep(shard, step);
        }
        @Override public void onShardCompute(int shard, double seconds) {
            a.onShardCompute(shard, seconds);
            b.onShardCompute(shard, seconds);
        }
        @Override public void onTraffic(long sent, long received) {
            a.onTraffic(sent, received);
            b.onTraffic(sent, received);
        }
        @Override public void onFinish(RunOutcome outcome, Gathered state) {
            a.onFinish(outcome, state);
            b.onFinish(outcome, state);
        }
    }
}
