package lmo.cli;

import java.io.IOException;
import lmo.engine.RunObserver;
import lmo.metrics.MetricsServer;
import lmo.metrics.RunMetrics;
import picocli.CommandLine.Option;

/**
 * The metrics endpoint of a run, when asked for by {@code --metrics-port} or {@code output.metricsPort}: publishes
 * through a {@link RunMetrics} observer and serves it on 127.0.0.1 for as long as the run goes.
 */
final class Monitor implements AutoCloseable {

    /** The command-line side: {@code --metrics-port}, which wins over the scenario's {@code output.metricsPort}. */
    static final class Options {
        @Option(names = "--metrics-port", paramLabel = "PORT",
                description = "serve Prometheus metrics on http://127.0.0.1:PORT/metrics while the run goes (0: any free port)")
        Integer port;

        String problem() {
            return port != null && (port < 0 || port > 65535) ? "--metrics-port: must be in 0..65535, got " + port : null;
        }
    }

    private final RunMetrics metrics;
    private final MetricsServer server;

    private Monitor(RunMetrics metrics, MetricsServer server) {
        this.metrics = metrics;
        this.server = server;
    }

    /**
     * Starts the endpoint on {@code port} (the option if given, else {@code scenarioPort}; negative: none) and prints
     * its address.
     */
    static Monitor start(Options options, int scenarioPort) throws IOException {
        int port = options.port != null ? options.port : scenarioPort;
        if (port < 0) return new Monitor(null, null);
        RunMetrics metrics = new RunMetrics();
        MetricsServer server = MetricsServer.start(metrics.registry(), MetricsServer.DEFAULT_HOST, port);
        System.out.println("metrics: http://" + MetricsServer.DEFAULT_HOST + ":" + server.port() + "/metrics");
        System.out.flush();
        return new Monitor(metrics, server);
    }

    /** The observer to add to the run, or null when there is no endpoint. */
    RunObserver observer() { return metrics; }

    @Override
    public void close() {
        if (server != null) server.close();
    }
}
