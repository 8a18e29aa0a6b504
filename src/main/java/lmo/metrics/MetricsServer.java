package lmo.metrics;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;

/**
 * Serves a run's Prometheus metrics at {@code http://HOST:PORT/metrics} (text format, by the Prometheus Java
 * client), bound to 127.0.0.1 unless told otherwise; port 0 picks a free port ({@link #port()} tells which).
 */
public final class MetricsServer implements AutoCloseable {
    public static final String DEFAULT_HOST = "127.0.0.1";

    private final HTTPServer server;

    private MetricsServer(HTTPServer server) { this.server = server; }

    public static MetricsServer start(PrometheusRegistry registry, String host, int port) throws IOException {
        return new MetricsServer(HTTPServer.builder().hostname(host).port(port).registry(registry).buildAndStart());
    }

    public int port() { return server.getPort(); }

    @Override
    public void close() { server.close(); }
}
