package lmo.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Serves the status page next to {@code /metrics}: {@code /} the HTML page, {@code /status} the JSON it polls every
 * second, and the vendored chart library ({@code /uplot.min.js}, {@code /uplot.min.css}, {@code /uplot.LICENSE}),
 * all from the jar's {@code lmo/web/} resources: nothing is fetched from elsewhere. Threading: called on the HTTP
 * server's threads; it only reads the resources (loaded once) and serialises a snapshot the board hands out.
 */
public final class StatusPage implements HttpHandler {
    private record Resource(String type, byte[] bytes) {}

    private static final Map<String, Resource> RESOURCES = Map.of(
            "/", load("index.html", "text/html; charset=utf-8"),
            "/index.html", load("index.html", "text/html; charset=utf-8"),
            "/uplot.min.js", load("uplot.min.js", "text/javascript; charset=utf-8"),
            "/uplot.min.css", load("uplot.min.css", "text/css; charset=utf-8"),
            "/uplot.LICENSE", load("uplot.LICENSE", "text/plain; charset=utf-8"));

    private final Supplier<StatusSnapshot> status;

    /** @param status the snapshot to serve at {@code /status}, taken at each request */
    public StatusPage(Supplier<StatusSnapshot> status) {
        this.status = status;
    }

    private static Resource load(String name, String type) {
        try (InputStream in = StatusPage.class.getResourceAsStream("/lmo/web/" + name)) {
            if (in == null) throw new IllegalStateException("missing resource lmo/web/" + name);
            return new Resource(type, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            boolean head = method.equals("HEAD");
            if (!head && !method.equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "GET or HEAD\n".getBytes(StandardCharsets.UTF_8), false);
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/status")) {
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                send(exchange, 200, "application/json", StatusJson.write(status.get()), head);
                return;
            }
            Resource r = RESOURCES.get(path);
            if (r == null) {
                send(exchange, 404, "text/plain; charset=utf-8", ("not found: " + path + "\n").getBytes(StandardCharsets.UTF_8), head);
            } else {
                send(exchange, 200, r.type(), r.bytes(), head);
            }
        }
    }

    private static void send(HttpExchange exchange, int code, String type, byte[] body, boolean head) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        if (head) {
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(code, -1);
            return;
        }
        exchange.sendResponseHeaders(code, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
