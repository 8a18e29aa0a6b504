package lmo.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile clients of the metrics endpoint (issue 14, item 7): a client that sends half a request and keeps its
 * socket open does not block the scrapes of others, and is cut off after {@link MetricsServer#REQUEST_SECONDS}; a
 * request head over {@link MetricsServer#MAX_HEAD_BYTES} gets no page.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SlowClientTest {

    private static MetricsServer server() throws IOException {
        return MetricsServer.start(new PrometheusRegistry(), new PrometheusRegistry(), MetricsServer.DEFAULT_HOST, 0);
    }

    private static Socket halfOpen(int port) throws IOException {
        Socket s = new Socket(MetricsServer.DEFAULT_HOST, port);
        OutputStream out = s.getOutputStream();
        out.write("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII)); // no Host, no blank line: never ends
        out.flush();
        return s;
    }

    @Test
    void aHalfOpenRequestDoesNotBlockOtherScrapes() throws Exception {
        try (MetricsServer server = server(); Socket idle = halfOpen(server.port())) {
            for (int i = 0; i < 3; i++) { // each scrape while the idle client holds its connection
                HttpResponse<String> r = MetricsEndpointTest.get("http://127.0.0.1:" + server.port() + "/metrics");
                assertEquals(200, r.statusCode());
            }
        }
    }

    @Test
    void moreSlowClientsThanThreadsAreCutOffAndTheEndpointServesAgain() throws Exception {
        try (MetricsServer server = server()) {
            List<Socket> idle = new ArrayList<>();
            for (int i = 0; i < MetricsServer.THREADS + 2; i++) idle.add(halfOpen(server.port()));
            long t0 = System.nanoTime();
            for (Socket s : idle) { // the server closes each within the request time (plus its timer's tick)
                s.setSoTimeout((MetricsServer.REQUEST_SECONDS + 20) * 1000);
                try (s; InputStream in = s.getInputStream()) {
                    int b = in.read();
                    assertTrue(b == -1 || b == 'H', "closed, or answered with an error status: " + b);
                } catch (SocketException reset) {
                    // closed by the server: a reset is as good as an end of stream
                } catch (SocketTimeoutException e) {
                    throw new AssertionError("a half-open client still holds its connection after "
                            + (System.nanoTime() - t0) / 1e9 + " s");
                }
            }
            HttpResponse<String> r = MetricsEndpointTest.get("http://127.0.0.1:" + server.port() + "/metrics");
            assertEquals(200, r.statusCode());
        }
    }

    @Test
    void anOversizedRequestHeadGetsNoPage() throws Exception {
        try (MetricsServer server = server(); Socket s = new Socket(MetricsServer.DEFAULT_HOST, server.port())) {
            s.setSoTimeout(30_000);
            String head = "GET /metrics HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(4 * MetricsServer.MAX_HEAD_BYTES)
                    + "\r\n\r\n";
            String reply;
            try {
                s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                reply = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            } catch (SocketException reset) {
                reply = "";
            }
            assertNotEquals("HTTP/1.1 200", reply, "a request head of " + head.length() + " bytes was served");
        }
    }
}
