package lmo.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import lmo.engine.BlockLayout;
import lmo.engine.ClusterStatus;
import lmo.engine.Gathered;
import lmo.engine.RunObserver;
import lmo.engine.Simulation;

/**
 * Publishes a run's progress to a Prometheus registry, on the scheduler's thread as events happen (a scrape only
 * reads the values, it never computes them). Names (all labelled with {@code run}, the scenario name):
 * {@code lmo_step}, {@code lmo_steps_total}, {@code lmo_step_seconds} (histogram of wall seconds per step),
 * {@code lmo_metric{name=...}} (every metrics.csv column at each logged step), {@code lmo_members},
 * {@code lmo_shards{member=...}}, {@code lmo_member_losses_total}, {@code lmo_recoveries_total},
 * {@code lmo_checkpoint_step}, {@code lmo_seconds_since_checkpoint}, {@code lmo_shard_compute_seconds_total{shard=...}},
 * {@code lmo_bytes_exchanged{direction="sent"|"received"}} (cluster runs), plus the JVM metrics ({@code jvm_*}).
 */
public final class RunMetrics implements RunObserver {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Gauge step = Gauge.builder().name("lmo_step").help("the step of the state last evaluated")
            .labelNames("run").register(registry);
    private final Counter steps = Counter.builder().name("lmo_steps_total").help("updates made by this process")
            .labelNames("run").register(registry);
    private final Histogram stepSeconds = Histogram.builder().name("lmo_step_seconds").help("wall seconds per step")
            .classicUpperBounds(1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30)
            .labelNames("run").register(registry);
    private final Gauge metric = Gauge.builder().name("lmo_metric").help("the run's metrics (metrics.csv columns)")
            .labelNames("run", "name").register(registry);
    private final Gauge members = Gauge.builder().name("lmo_members").help("cluster members holding shards")
            .labelNames("run").register(registry);
    private final Gauge shards = Gauge.builder().name("lmo_shards").help("shards per member")
            .labelNames("run", "member").register(registry);
    private final Counter losses = Counter.builder().name("lmo_member_losses_total")
            .help("cluster members lost during the run").labelNames("run").register(registry);
    private final Counter recoveries = Counter.builder().name("lmo_recoveries_total")
            .help("recoveries: blocks placed again from a checkpoint").labelNames("run").register(registry);
    private final Gauge checkpointStep = Gauge.builder().name("lmo_checkpoint_step").help("step of the last checkpoint")
            .labelNames("run").register(registry);
    private final Gauge sinceCheckpoint = Gauge.builder().name("lmo_seconds_since_checkpoint")
            .help("wall seconds since the last checkpoint (since the start if none)").labelNames("run").register(registry);

    private final Counter shardCompute = Counter.builder().name("lmo_shard_compute_seconds_total")
            .help("seconds each shard spent computing").labelNames("run", "shard").register(registry);
    private final Gauge bytes = Gauge.builder().name("lmo_bytes_exchanged")
            .help("bytes the scheduler sent to / received from other JVMs").labelNames("run", "direction").register(registry);

    private String run = "";
    private List<String> columns = List.of();
    private double lastWall;
    private long lastStep = -1;
    private double checkpointWall;
    private int lossesSeen;
    private int recoveriesSeen;

    public RunMetrics() {
        JvmMetrics.builder().register(registry);
    }

    public PrometheusRegistry registry() { return registry; }

    @Override
    public void onStart(Simulation sim, BlockLayout layout, List<String> columns) {
        run = sim.name();
        this.columns = List.copyOf(columns);
        members.labelValues(run).set(1);
        steps.labelValues(run);       // exposed as 0 from the start
        losses.labelValues(run);
        recoveries.labelValues(run);
    }

    @Override
    public void onStep(long k, double wallSeconds, double[] values) {
        step.labelValues(run).set(k);
        if (lastStep >= 0 && k > lastStep) {
            steps.labelValues(run).inc(k - lastStep);
            stepSeconds.labelValues(run).observe((wallSeconds - lastWall) / (k - lastStep));
        }
        lastStep = k;
        lastWall = wallSeconds;
        sinceCheckpoint.labelValues(run).set(wallSeconds - checkpointWall);
    }

    @Override
    public void onMetrics(long k, double wallSeconds, double[] values) {
        for (int i = 0; i < values.length && i < columns.size(); i++) metric.labelValues(run, columns.get(i)).set(values[i]);
    }

    @Override
    public void onCheckpoint(long k, Gathered state) {
        checkpointStep.labelValues(run).set(k);
        checkpointWall = lastWall;
    }

    @Override
    public void onRewind(long k) {
        lastStep = -1;
    }

    @Override
    public void onShardCompute(int shard, double seconds) {
        shardCompute.labelValues(run, Integer.toString(shard)).inc(seconds);
    }

    @Override
    public void onTraffic(long sent, long received) {
        bytes.labelValues(run, "sent").set(sent);
        bytes.labelValues(run, "received").set(received);
    }

    @Override
    public void onCluster(ClusterStatus status) {
        members.labelValues(run).set(status.nodes());
        status.placement().forEach((member, n) -> shards.labelValues(run, member).set(n));
        if (status.memberLosses() > lossesSeen) losses.labelValues(run).inc(status.memberLosses() - lossesSeen);
        if (status.recoveries() > recoveriesSeen) recoveries.labelValues(run).inc(status.recoveries() - recoveriesSeen);
        lossesSeen = status.memberLosses();
        recoveriesSeen = status.recoveries();
    }
}
