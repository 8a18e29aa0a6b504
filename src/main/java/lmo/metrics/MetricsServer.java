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
 * <p>Threading: {@value #THREADS} daemon threads answer requests, so a client that is slow to send its request holds
 * one of them, not the endpoint; the threads only read what the run's observers publish. A client gets
 * {@value #REQUEST_SECONDS} s to send its request line and headers (then its connection is closed), a request head
 * of more than {@value #MAX_HEAD_BYTES} bytes or {@value #MAX_HEADERS} header lines is refused, and idle keep-alive
 * connections are closed after 10 s: the JDK server's {@code sun.net.httpserver.*} limits, set here unless given
 * with {@code -D}. Bodies are never read: every path answers GET and HEAD only.
 */
public final class MetricsServer implements AutoCloseable {
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Threads answering requests: a slow client holds one of them, never the endpoint. */
    static final int THREADS = 4;
    /** Seconds a client may take to send its request line and headers before its connection is closed. */
    static final int REQUEST_SECONDS = 5;
    /** The largest request head read (request line and headers), in bytes, and the most header lines. */
    static final int MAX_HEAD_BYTES = 8192;
    static final int MAX_HEADERS = 50;

    static {
        // read once, when the JDK's server configuration loads: before the first server of this JVM starts
        setDefault("sun.net.httpserver.maxReqTime", REQUEST_SECONDS);
        setDefault("sun.net.httpserver.maxRspTime", 30);
        setDefault("sun.net.httpserver.maxReqHeaders", MAX_HEADERS);
        setDefault("sun.net.httpserver.maxReqHeaderSize", MAX_HEAD_BYTES);
        setDefault("sun.net.httpserver.idleInterval", 10);
    }

    /** Sets a JDK server property unless the user gave it ({@code JAVA_OPTS=-Dsun.net.httpserver...}). */
    private static void setDefault(String key, int value) {
        if (System.getProperty(key) == null) System.setProperty(key, Integer.toString(value));
    }
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
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> {
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
