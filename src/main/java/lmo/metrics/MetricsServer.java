package lmo.metrics;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a run's Prometheus metrics at {@code http://HOST:PORT/metrics} (text format 0.0.4, written by the
 * Prometheus Java client, see {@link MetricsHandler}) and, when given one, a handler for every other path (the
 * status page), bound to 127.0.0.1 unless told otherwise; port 0 picks a free port ({@link #port()} tells which).
 *
 * <p>Threading: one daemon thread answers every request, one at a time, so a scrape never takes more than one core
 * from the run and no thread is handed a request per scrape; it only reads what the run's observers publish.
 */
public final class MetricsServer implements AutoCloseable {
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** How long the JVM metrics' text is reused between scrapes. */
    static final double JVM_SECONDS = 1;

    private final HttpServer server;
    private final ExecutorService executor;

    private MetricsServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** {@code /metrics} only. */
    public static MetricsServer start(PrometheusRegistry run, PrometheusRegistry jvm, String host, int port)
            throws IOException {
        return start(run, jvm, null, host, port);
    }

    /** {@code /metrics}, and {@code pages} (if not null) for every other path. */
    public static MetricsServer start(PrometheusRegistry run, PrometheusRegistry jvm, HttpHandler pages, String host,
                                      int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
        server.createContext("/metrics", new MetricsHandler(run, jvm, JVM_SECONDS, System::nanoTime));
        if (pages != null) server.createContext("/", pages);
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "lmo-metrics-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
        return new MetricsServer(server, executor);
    }

    public int port() { return server.getAddress().getPort(); }

    /** Stops answering: open connections are closed and the port is released. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
