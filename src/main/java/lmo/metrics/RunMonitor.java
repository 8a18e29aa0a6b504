package lmo.metrics;

import java.io.IOException;
import java.util.List;
import lmo.engine.BlockLayout;
import lmo.engine.ClusterStatus;
import lmo.particles.Gathered;
import lmo.engine.RunObserver;
import lmo.engine.RunOutcome;
import lmo.engine.Simulation;

/**
 * A run's monitoring endpoint: the Prometheus metrics ({@link RunMetrics}) at {@code /metrics} and the status page
 * ({@link StatusBoard}, {@link StatusPage}) at {@code /}, on one HTTP server, fed by this one observer. Threading:
 * the callbacks come from the scheduler's thread and are passed on, in order, to the metrics then to the board; the
 * server's threads only read what they publish. It asks the engine for live samples of the particles
 * ({@link #wantsLiveSample()}) and hands them to the board (one reference stored, nothing copied or written). Close it once the run has finished (its summary written): until
 * then scrapes and the page see the final values.
 */
public final class RunMonitor implements RunObserver, AutoCloseable {
    private final RunMetrics metrics;
    private final StatusBoard board;
    private final MetricsServer server;

    private RunMonitor(RunMetrics metrics, StatusBoard board, MetricsServer server) {
        this.metrics = metrics;
        this.board = board;
        this.server = server;
    }

    /**
     * Starts the server on {@code host:port} (0: a free port).
     *
     * @param description the scenario's description, for the status page
     */
    public static RunMonitor start(String host, int port, String description) throws IOException {
        RunMetrics metrics = new RunMetrics();
        StatusBoard board = new StatusBoard(description);
        MetricsServer server = MetricsServer.start(metrics.registry(), metrics.jvmRegistry(),
                new StatusPage(board::snapshot), host, port);
        return new RunMonitor(metrics, board, server);
    }

    /** The port the server listens on. */
    public int port() { return server.port(); }

    public RunMetrics metrics() { return metrics; }

    public StatusBoard board() { return board; }

    @Override public void onStart(Simulation sim, BlockLayout layout, List<String> columns) {
        metrics.onStart(sim, layout, columns);
        board.onStart(sim, layout, columns);
    }
    @Override public void onMetrics(long step, double wallSeconds, double[] values) {
        metrics.onMetrics(step, wallSeconds, values);
        board.onMetrics(step, wallSeconds, values);
    }
    @Override public void onStep(long step, double wallSeconds, double[] values) {
        metrics.onStep(step, wallSeconds, values);
        board.onStep(step, wallSeconds, values);
    }
    /** True: the status page draws the particles from these samples. */
    @Override public boolean wantsLiveSample() { return true; }
    @Override public void onLiveSample(long step, Gathered sample) {
        board.onLiveSample(step, sample);
    }
    @Override public void onCheckpoint(long step, Gathered state) {
        metrics.onCheckpoint(step, state);
        board.onCheckpoint(step, state);
    }
    @Override public void onRewind(long step) {
        metrics.onRewind(step);
        board.onRewind(step);
    }
    @Override public void onCluster(ClusterStatus status) {
        metrics.onCluster(status);
        board.onCluster(status);
    }
    @Override public void onSources(int block, long step, long[] sources) {
        metrics.onSources(block, step, sources);
        board.onSources(block, step, sources);
    }
    @Override public void onShardStep(int shard, long step) {
        metrics.onShardStep(shard, step);
        board.onShardStep(shard, step);
    }
    @Override public void onShardCompute(int shard, double seconds) {
        metrics.onShardCompute(shard, seconds);
    }
    @Override public void onTraffic(long sent, long received) {
        metrics.onTraffic(sent, received);
    }
    @Override public void onFinish(RunOutcome outcome, Gathered state) {
        metrics.onFinish(outcome, state);
        board.onFinish(outcome, state);
    }

    @Override
    public void close() { server.close(); }
}
