package lmo.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A headless Chromium showing one page, driven over the DevTools protocol (a WebSocket to the page's target): a test
 * runs JavaScript in the page ({@link #evaluate}), such as clicking a control, and waits for what it expects
 * ({@link #await}), or saves a screenshot ({@link #screenshot}). The page runs in real time (its timers and fetches as in a browser). Fails with an
 * AssertionError when Chromium does not announce its DevTools port within 60 s, when the page's target does not
 * appear, or when an evaluation throws or does not answer within 30 s. Threading: one test thread; {@link #close()}
 * kills the Chromium it started (and its children).
 */
final class DevTools implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on ws://127\\.0\\.0\\.1:(\\d+)/");

    private final Process chromium;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    /** Starts Chromium (its profile and output in {@code dir}) on {@code url} and connects to the page. */
    DevTools(Path executable, Path dir, String url) throws Exception {
        Path profile = Files.createTempDirectory(dir, "devtools-profile");
        Path err = dir.resolve("devtools.err");
        ProcessBuilder pb = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--remote-debugging-port=0",
                "--window-size=1280,900", url).redirectOutput(dir.resolve("devtools.out").toFile())
                .redirectError(err.toFile());
        pb.environment().put("HOME", profile.toString());
        pb.environment().put("XDG_CONFIG_HOME", profile.toString());
        pb.environment().put("XDG_CACHE_HOME", profile.toString());
        chromium = pb.start();
        try {
            int port = port(err);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String page = null;
            for (long end = System.nanoTime() + 30_000_000_000L; page == null && System.nanoTime() < end; ) {
                JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                for (JsonNode t : targets) {
                    if (t.path("type").asText().equals("page") && t.path("url").asText().startsWith(url)) {
                        page = t.get("webSocketDebuggerUrl").asText();
                    }
                }
                if (page == null) Thread.sleep(100);
            }
            if (page == null) throw new AssertionError("no DevTools target for " + url);
            socket = http.newWebSocketBuilder().buildAsync(URI.create(page), new Listener())
                    .get(30, TimeUnit.SECONDS);
        } catch (Throwable e) {
            close();
            throw e;
        }
    }

    /** The DevTools port Chromium writes to stderr. */
    private int port(Path err) throws IOException, InterruptedException {
        for (long end = System.nanoTime() + 60_000_000_000L; System.nanoTime() < end; ) {
            Matcher m = LISTENING.matcher(Files.readString(err, StandardCharsets.UTF_8));
            if (m.find()) return Integer.parseInt(m.group(1));
            if (!chromium.isAlive()) break;
            Thread.sleep(50);
        }
        throw new AssertionError("Chromium did not open its DevTools port:\n" + Files.readString(err));
    }

    /** The value of {@code expression} (JSON-serialisable) evaluated in the page; a promise is awaited. */
    JsonNode evaluate(String expression) throws Exception {
        ObjectNode params = JSON.createObjectNode().put("expression", expression).put("returnByValue", true)
                .put("awaitPromise", true);
        JsonNode result = call("Runtime.evaluate", params);
        if (result.has("exceptionDetails")) throw new AssertionError("evaluating " + expression + ": " + result);
        return result.path("result").path("value");
    }

    /** Saves a PNG of the page as it is now (the window's size) to {@code png}. */
    void screenshot(Path png) throws Exception {
        JsonNode result = call("Page.captureScreenshot", JSON.createObjectNode().put("format", "png"));
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, java.util.Base64.getDecoder().decode(result.get("data").asText()));
    }

    /** The result of the DevTools method {@code method} with {@code params}. */
    private JsonNode call(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode call = JSON.createObjectNode().put("id", id).put("method", method);
        call.set("params", params);
        socket.sendText(JSON.writeValueAsString(call), true).get(30, TimeUnit.SECONDS);
        JsonNode reply = answer.get(30, TimeUnit.SECONDS);
        if (reply.has("error")) throw new AssertionError(method + " " + params + ": " + reply);
        return reply.path("result");
    }

    /** Evaluates {@code expression} every 100 ms until its value passes {@code until} (30 s at most); returns it. */
    JsonNode await(String expression, Predicate<JsonNode> until, String what) throws Exception {
        JsonNode last = null;
        for (long end = System.nanoTime() + 30_000_000_000L; System.nanoTime() < end; Thread.sleep(100)) {
            last = evaluate(expression);
            if (until.test(last)) return last;
        }
        throw new AssertionError(what + ": still " + last + " after 30 s");
    }

    @Override
    public void close() {
        if (socket != null) socket.abort();
        try (Stream<ProcessHandle> children = chromium.descendants()) {
            children.forEach(ProcessHandle::destroyForcibly);
        }
        chromium.destroyForcibly();
        try {
            chromium.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Collects each message's frames and completes the call it answers (events are ignored). */
    private final class Listener implements WebSocket.Listener {
        private final List<CharSequence> parts = new ArrayList<>();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            parts.add(data);
            if (last) {
                String message = String.join("", parts);
                parts.clear();
                try {
                    JsonNode node = JSON.readTree(message);
                    CompletableFuture<JsonNode> f = node.has("id") ? pending.remove(node.get("id").asInt()) : null;
                    if (f != null) f.complete(node);
                } catch (IOException e) {
                    pending.values().forEach(f -> f.completeExceptionally(e));
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
