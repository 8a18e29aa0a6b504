package lmo.metrics;

import com.sun.net.httpserver.HttpHandler;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;

/**
 * Serves a run's Prometheus metrics at {@code http://HOST:PORT/metrics} (text format, by the Prometheus Java
 * client) and, when given one, a handler for every other path (the status page), bound to 127.0.0.1 unless told
 * otherwise; port 0 picks a free port ({@link #port()} tells which). Threading: the server's own (daemon) threads
 * answer requests; they only read what the run's observers publish.
 */
public final class MetricsServer implements AutoCloseable {
    public static final String DEFAULT_HOST = "127.0.0.1";

    private final HTTPServer server;

    private MetricsServer(HTTPServer server) { this.server = server; }

    /** {@code /metrics} only (and the client's own {@code /} page and {@code /-/healthy}). */
    public static MetricsServer start(PrometheusRegistry registry, String host, int port) throws IOException {
        return new MetricsServer(HTTPServer.builder().hostname(host).port(port).registry(registry).buildAndStart());
    }

    /** {@code /metrics}, {@code /-/healthy}, and {@code pages} for every other path. */
    public static MetricsServer start(PrometheusRegistry registry, HttpHandler pages, String host, int port)
            throws IOException {
        return new MetricsServer(HTTPServer.builder().hostname(host).port(port).registry(registry)
                .defaultHandler(pages).buildAndStart());
    }

    public int port() { return server.getPort(); }

    /** Stops answering: open connections are closed and the port is released. */
    @Override
    public void close() { server.close(); }
}
