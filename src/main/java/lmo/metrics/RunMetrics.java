package lmo.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import lmo.engine.BlockLayout;
import lmo.engine.ClusterStatus;
import lmo.particles.Gathered;
import lmo.engine.RunObserver;
import lmo.engine.Simulation;

/**
 * Publishes a run's progress to a Prometheus registry for the {@code /metrics} endpoint. Threading: every value is
 * set by the observer callbacks, on the scheduler's thread as events happen; a scrape (on an HTTP thread) only reads
 * the registry, it never computes anything of the run.
 *
 * <p>Names (all labelled with {@code run}, the scenario name; see docs/monitoring.md): {@code lmo_step},
 * {@code lmo_end_step}, {@code lmo_steps_total}, {@code lmo_step_seconds} (histogram of wall seconds per step),
 * {@code lmo_metric{name=...}} (every metrics.csv column at each logged step), {@code lmo_members},
 * {@code lmo_shards{member=...}} (member {@value #LOCAL} without a cluster), {@code lmo_member_losses_total}, {@code lmo_recoveries_total},
 * {@code lmo_checkpoint_step}, {@code lmo_seconds_since_checkpoint},
 * {@code lmo_shard_compute_seconds_total{shard=...}}, {@code lmo_bytes_exchanged_total{direction="sent"|"received"}}
 * (0 without a cluster), plus the JVM metrics ({@code jvm_*}, {@code process_*}), which the Prometheus client reads
 * from the JVM; the server writes their text at most once per second (see {@link MetricsHandler}).
 */
public final class RunMetrics implements RunObserver {
    /** The JVM metrics are read at most this often: a scrape within this many seconds of the last reuses them. */
    /** The {@code member} label of {@code lmo_shards} in a run without a cluster. */
    public static final String LOCAL = "local";

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Gauge step = Gauge.builder().name("lmo_step").help("the step of the state last evaluated")
            .labelNames("run").withoutExemplars().register(registry);
    private final Gauge endStep = Gauge.builder().name("lmo_end_step").help("the step the run ends at (scenario steps)")
            .labelNames("run").withoutExemplars().register(registry);
    private final Counter steps = Counter.builder().name("lmo_steps_total").help("updates made by this process")
            .labelNames("run").withoutExemplars().register(registry);
    private final Histogram stepSeconds = Histogram.builder().name("lmo_step_seconds").help("wall seconds per step")
            .classicOnly().classicUpperBounds(1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30)
            .labelNames("run").withoutExemplars().register(registry);
    private final Gauge metric = Gauge.builder().name("lmo_metric").help("the run's metrics (metrics.csv columns)")
            .labelNames("run", "name").withoutExemplars().register(registry);
    private final Gauge members = Gauge.builder().name("lmo_members").help("cluster members holding shards")
            .labelNames("run").withoutExemplars().register(registry);
    private final Gauge shards = Gauge.builder().name("lmo_shards").help("shards per member")
            .labelNames("run", "member").withoutExemplars().register(registry);
    private final Counter losses = Counter.builder().name("lmo_member_losses_total")
            .help("cluster members lost during the run").labelNames("run").withoutExemplars().register(registry);
    private final Counter recoveries = Counter.builder().name("lmo_recoveries_total")
            .help("recoveries: blocks placed again from a checkpoint").labelNames("run").withoutExemplars()
            .register(registry);
    private final Gauge checkpointStep = Gauge.builder().name("lmo_checkpoint_step").help("step of the last checkpoint")
            .labelNames("run").withoutExemplars().register(registry);
    private final Gauge sinceCheckpoint = Gauge.builder().name("lmo_seconds_since_checkpoint")
            .help("wall seconds since the last checkpoint (since the start if none), as of the last step")
            .labelNames("run").withoutExemplars().register(registry);
    private final Counter shardCompute = Counter.builder().name("lmo_shard_compute_seconds_total")
            .help("seconds each shard spent computing").labelNames("run", "shard").withoutExemplars().register(registry);
    private final Counter bytes = Counter.builder().name("lmo_bytes_exchanged_total")
            .help("bytes the scheduler sent to / received from other JVMs").labelNames("run", "direction")
            .withoutExemplars().register(registry);

    private final LongSupplier nanoClock;
    private String run;
    private List<String> columns = List.of();
    private GaugeDataPoint stepPoint;
    private CounterDataPoint stepsPoint;
    private DistributionDataPoint stepSecondsPoint;
    private GaugeDataPoint sinceCheckpointPoint;
    private GaugeDataPoint[] metricPoints = new GaugeDataPoint[0];
    private final List<CounterDataPoint> shardPoints = new ArrayList<>();
    private final Set<String> placed = new HashSet<>();
    private ClusterStatus cluster;
    private double lastWall;
    private long lastStep = -1;
    private long checkpointNanos;
    private long sent;
    private long received;
    private final PrometheusRegistry jvm = new PrometheusRegistry();
    private int lossesSeen;
    private int recoveriesSeen;

    public RunMetrics() {
        this(System::nanoTime);
    }

    /** With the clock that times {@code lmo_seconds_since_checkpoint} (for tests). */
    RunMetrics(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.checkpointNanos = nanoClock.getAsLong();
        JvmMetrics.builder().register(jvm);
    }

    /** The run's metrics ({@code lmo_*}). */
    public PrometheusRegistry registry() { return registry; }

    /** The JVM's metrics ({@code jvm_*}, {@code process_*}), served after the run's (see {@link MetricsHandler}). */
    public PrometheusRegistry jvmRegistry() { return jvm; }

    /** Called again after a rewind: the same run continues. */
    @Override
    public void onStart(Simulation sim, BlockLayout layout, List<String> columns) {
        boolean first = run == null;
        run = sim.name();
        this.columns = List.copyOf(columns);
        stepPoint = step.labelValues(run);
        stepsPoint = steps.labelValues(run);       // exposed as 0 from the start
        stepSecondsPoint = stepSeconds.labelValues(run);
        sinceCheckpointPoint = sinceCheckpoint.labelValues(run);
        metricPoints = new GaugeDataPoint[this.columns.size()];
        for (int i = 0; i < metricPoints.length; i++) metricPoints[i] = metric.labelValues(run, this.columns.get(i));
        endStep.labelValues(run).set(sim.steps());
        losses.labelValues(run);
        recoveries.labelValues(run);
        bytes.labelValues(run, "sent");     // 0 in a single JVM
        bytes.labelValues(run, "received");
        if (first) {
            if (sim.startStep() > 0) checkpointStep.labelValues(run).set(sim.startStep()); // resumed from it
            checkpointNanos = nanoClock.getAsLong();
        }
        if (cluster != null) {
            publish(cluster); // the cluster formed before the first step
        } else {
            members.labelValues(run).set(1);
            shards.labelValues(run, LOCAL).set(layout == null ? 1 : layout.shards());
        }
    }

    @Override
    public void onStep(long k, double wallSeconds, double[] values) {
        stepPoint.set(k);
        if (lastStep >= 0 && k > lastStep) {
            stepsPoint.inc(k - lastStep);
            stepSecondsPoint.observe((wallSeconds - lastWall) / (k - lastStep));
        }
        lastStep = k;
        lastWall = wallSeconds;
        sinceCheckpointPoint.set((nanoClock.getAsLong() - checkpointNanos) * 1e-9);
    }

    @Override
    public void onMetrics(long k, double wallSeconds, double[] values) {
        for (int i = 0; i < values.length && i < metricPoints.length; i++) metricPoints[i].set(values[i]);
    }

    @Override
    public void onCheckpoint(long k, Gathered state) {
        checkpointNanos = nanoClock.getAsLong();
        if (run == null) return;
        checkpointStep.labelValues(run).set(k);
        sinceCheckpointPoint.set(0);
    }

    /** A new scheduler core follows, with its own wall clock: the next step starts a new interval. */
    @Override
    public void onRewind(long k) {
        lastStep = -1;
    }

    @Override
    public void onShardCompute(int shard, double seconds) {
        if (run == null) return;
        while (shardPoints.size() <= shard) shardPoints.add(shardCompute.labelValues(run, Integer.toString(shardPoints.size())));
        shardPoints.get(shard).inc(seconds);
    }

    @Override
    public void onTraffic(long bytesSent, long bytesReceived) {
        if (run == null) return;
        if (bytesSent > sent) bytes.labelValues(run, "sent").inc(bytesSent - sent);
        if (bytesReceived > received) bytes.labelValues(run, "received").inc(bytesReceived - received);
        sent = Math.max(sent, bytesSent);
        received = Math.max(received, bytesReceived);
    }

    @Override
    public void onCluster(ClusterStatus status) {
        cluster = status;
        if (run != null) publish(status); // else at onStart, once the run has its name
    }

    private void publish(ClusterStatus status) {
        members.labelValues(run).set(status.nodes());
        for (String gone : placed) if (!status.placement().containsKey(gone)) shards.remove(run, gone);
        placed.clear();
        placed.addAll(status.placement().keySet());
        status.placement().forEach((member, n) -> shards.labelValues(run, member).set(n));
        if (status.memberLosses() > lossesSeen) losses.labelValues(run).inc(status.memberLosses() - lossesSeen);
        if (status.recoveries() > recoveriesSeen) recoveries.labelValues(run).inc(status.recoveries() - recoveriesSeen);
        lossesSeen = Math.max(lossesSeen, status.memberLosses());
        recoveriesSeen = Math.max(recoveriesSeen, status.recoveries());
    }
}
