package lmo.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
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
 * (0 without a cluster), and in asynchronous runs ({@code engine.sync: delayed} or {@code bounded} with staleness
 * s >= 1) {@code lmo_staleness} (histogram of the staleness used, buckets at the integers -1, 0, .., s and +Inf,
 * written {@code le="-1.0"}, {@code le="0.0"}, ..; one observation per block step and source block) and
 * {@code lmo_shard_step{shard=...}} (the state every block of the shard has reached); a bsp run exports neither.
 * Plus the JVM metrics ({@code jvm_*}, {@code process_*}), which the Prometheus client reads from the JVM; the server
 * writes their text at most once per second (see {@link MetricsHandler}).
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
    private final Gauge shardStep = Gauge.builder().name("lmo_shard_step")
            .help("the state every block of each shard has reached (asynchronous runs)").labelNames("run", "shard")
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
    /** The staleness used, in an asynchronous run; null otherwise (read by a scrape, hence volatile). */
    private volatile StalenessTally staleness;
    /** The run's name as the staleness histogram labels it (set with {@link #staleness}). */
    private volatile String stalenessRun;
    private final List<GaugeDataPoint> shardStepPoints = new ArrayList<>();

    public RunMetrics() {
        this(System::nanoTime);
    }

    /** With the clock that times {@code lmo_seconds_since_checkpoint} (for tests). */
    RunMetrics(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.checkpointNanos = nanoClock.getAsLong();
        JvmMetrics.builder().register(jvm);
        registry.register(new StalenessCollector());
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
        startAsync(sim, layout);
    }

    /**
     * An asynchronous run exports the staleness histogram (kept across a rewind: the same run continues) and every
     * shard's step, from the start state (known shards: those of the layout, others as they report).
     */
    private void startAsync(Simulation sim, BlockLayout layout) {
        if (!sim.sync().asynchronous()) return;
        StalenessTally t = staleness;
        if (t == null || t.bound() != sim.sync().staleness() || !run.equals(stalenessRun)) {
            stalenessRun = run;
            staleness = new StalenessTally(sim.sync().staleness());
        }
        int n = layout == null ? shardStepPoints.size() : layout.shards();
        while (shardStepPoints.size() > n) {
            shardStepPoints.remove(shardStepPoints.size() - 1);
            shardStep.remove(run, Integer.toString(shardStepPoints.size()));
        }
        shardStepPoint(n - 1);
        for (GaugeDataPoint p : shardStepPoints) p.set(sim.startStep());
    }

    /** Shard {@code shard}'s gauge, made with those before it if new. */
    private GaugeDataPoint shardStepPoint(int shard) {
        while (shardStepPoints.size() <= shard) {
            shardStepPoints.add(shardStep.labelValues(run, Integer.toString(shardStepPoints.size())));
        }
        return shard < 0 ? null : shardStepPoints.get(shard);
    }

    /** O(blocks): the staleness of each source is counted, under a lock held for O(s) additions. */
    @Override
    public void onSources(int block, long k, long[] sources) {
        StalenessTally t = staleness;
        if (t != null) t.observe(k, sources);
    }

    /** O(1), once the shard's gauge exists (from the layout at the start). */
    @Override
    public void onShardStep(int shard, long k) {
        if (run == null || staleness == null || shard < 0) return;
        shardStepPoint(shard).set(k);
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
        for (GaugeDataPoint p : shardStepPoints) p.set(k); // every block goes back to the checkpoint
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

    /**
     * {@code lmo_staleness}: a classic histogram made at each scrape from the tally's counts (O(s) under its lock),
     * with integer buckets {@code -1, 0, .., s, +Inf}; absent unless the run is asynchronous.
     */
    private final class StalenessCollector implements Collector {
        @Override
        public MetricSnapshot collect() {
            StalenessTally t = staleness;
            if (t == null) return null;
            StalenessTally.Counts c = t.counts();
            int s = c.bound();
            double[] bounds = new double[s + 3];
            bounds[0] = -1;
            for (int v = 0; v <= s; v++) bounds[v + 1] = v;
            bounds[s + 2] = Double.POSITIVE_INFINITY;
            return HistogramSnapshot.builder().name("lmo_staleness")
                    .help("staleness used (state of the step minus state of the partial), per block step and source block")
                    .dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                            .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, c.perValue()))
                            .sum(c.sum()).labels(Labels.of("run", stalenessRun)).build())
                    .build();
        }

        @Override
        public String getPrometheusName() { return "lmo_staleness"; }
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
