package lmo.cli;

import java.io.IOException;
import lmo.engine.RunObserver;
import lmo.metrics.MetricsServer;
import lmo.metrics.RunMonitor;
import lmo.scenario.Scenario;
import picocli.CommandLine.Option;

/**
 * The metrics endpoint and status page of a run, when asked for by {@code --metrics-port} or
 * {@code output.metricsPort}: a {@link RunMonitor} observer serving on 127.0.0.1 for as long as the run goes (the
 * command closes it once the run has finished and its summary is written).
 */
final class Monitor implements AutoCloseable {

    /** The command-line side: {@code --metrics-port}, which wins over the scenario's {@code output.metricsPort}. */
    static final class Options {
        @Option(names = "--metrics-port", paramLabel = "PORT",
                description = "serve Prometheus metrics on http://127.0.0.1:PORT/metrics and a status page on "
                        + "http://127.0.0.1:PORT/ while the run goes (0: any free port)")
        Integer port;

        String problem() {
            return port != null && (port < 0 || port > 65535) ? "--metrics-port: must be in 0..65535, got " + port : null;
        }
    }

    private final RunMonitor monitor;

    private Monitor(RunMonitor monitor) {
        this.monitor = monitor;
    }

    /**
     * Starts the endpoint on the port of the option if given, else of {@code scenario.output().metricsPort()}
     * (negative: none), and prints its addresses.
     */
    static Monitor start(Options options, Scenario scenario) throws IOException {
        int port = options.port != null ? options.port : scenario.output().metricsPort();
        if (port < 0) return new Monitor(null);
        RunMonitor monitor = RunMonitor.start(MetricsServer.DEFAULT_HOST, port, scenario.description());
        String base = "http://" + MetricsServer.DEFAULT_HOST + ":" + monitor.port();
        System.out.println("metrics: " + base + "/metrics");
        System.out.println("status page: " + base + "/");
        System.out.flush();
        return new Monitor(monitor);
    }

    /** The observer to add to the run, or null when there is no endpoint. */
    RunObserver observer() { return monitor; }

    @Override
    public void close() {
        if (monitor != null) monitor.close();
    }
}
