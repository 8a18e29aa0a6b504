package lmo.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.LongSupplier;

/**
 * {@code /metrics}: the run's registry written fresh by the Prometheus client's text-format writer on every scrape,
 * followed by the JVM registry's text, which is written at most once per {@code jvmSeconds} and reused in between
 * (the JVM part is most of the exposition and the costly part of a scrape; its values move slowly). The two
 * registries have disjoint metric families, so the concatenation is one valid exposition (format 0.0.4).
 * Threading: called on the server's request thread; the JVM cache is guarded by this handler's lock.
 */
final class MetricsHandler implements HttpHandler {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusRegistry run;
    private final PrometheusRegistry jvm;
    private final long jvmNanos;
    private final LongSupplier clock;
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private byte[] jvmText;
    private long jvmWritten;

    MetricsHandler(PrometheusRegistry run, PrometheusRegistry jvm, double jvmSeconds, LongSupplier clock) {
        this.run = run;
        this.jvm = jvm;
        this.jvmNanos = (long) (jvmSeconds * 1e9);
        this.clock = clock;
    }

    /** The whole exposition, as a scrape would receive it. */
    byte[] render() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        writer.write(out, run.scrape());
        out.write(jvmText());
        return out.toByteArray();
    }

    private synchronized byte[] jvmText() throws IOException {
        long now = clock.getAsLong();
        if (jvmText == null || now - jvmWritten >= jvmNanos) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
            writer.write(out, jvm.scrape());
            jvmText = out.toByteArray();
            jvmWritten = now;
        }
        return jvmText;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = render();
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(200, head ? -1 : body.length);
            if (!head) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(body);
                }
            }
        }
    }
}
