package lmo.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status page renders in headless Chromium with one chart per metric: a real run (quickstart, logging every 5
 * steps) is held at step 250 while Chromium loads {@code http://127.0.0.1:PORT/}, runs its scripts (virtual time: the
 * page polls {@code /status} and draws) and dumps the DOM; then a screenshot is saved as
 * {@code target/status-page.png} (an artefact of the test run); then the run finishes and the page shows it
 * completed. Holding the run makes the page's content fixed while Chromium looks, whatever the load of the machine.
 * Skipped when no Chromium is installed ({@code LMO_CHROMIUM}, else {@code chromium}, {@code chromium-browser} or
 * {@code google-chrome} on the PATH), except on CI ({@code CI=true}), which installs it ({@code .ci/run}).
 */
@Tag("browser")
class StatusPageChromiumTest {
    private static final Path SCREENSHOT = Path.of("target", "status-page.png");
    private static final List<String> COLUMNS = List.of("energy", "mass_particles");
    private static final Pattern CHART = Pattern.compile("<section ([^>]*class=\"chart\"[^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-z-]+)=\"([^\"]*)\"");

    @TempDir
    Path tmp;

    @Test
    void rendersOneChartPerMetricInHeadlessChromium() throws Exception {
        Path chromium = chromium();
        if (chromium == null && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("no Chromium on CI: .ci/run installs the chromium package");
        }
        assumeTrue(chromium != null, "no Chromium found (set LMO_CHROMIUM or install the chromium package)");
        try (HeldRun run = new HeldRun(Path.of("scenarios/quickstart.yaml"), List.of("output.every=5"), 250)) {
            run.awaitHeld(250);
            String dom = chromium(chromium, run.base() + "/", "--dump-dom");
            Map<String, Map<String, String>> charts = charts(dom);
            assertEquals(COLUMNS, List.copyOf(charts.keySet()), "one chart per metric, in column order:\n" + dom);
            assertEquals("log", charts.get("energy").get("data-scale"), "the energy spans more than 3 decades");
            assertEquals("linear", charts.get("mass_particles").get("data-scale"));
            for (String c : COLUMNS) {
                String section = section(dom, c);
                assertTrue(section.contains("class=\"uplot"), "uPlot drew the chart of " + c + ":\n" + section);
                assertTrue(section.contains("<canvas"), "a canvas in the chart of " + c);
                assertTrue(section.contains(">" + c + "<"), "the chart is titled " + c);
            }
            assertTrue(dom.contains("<h1 id=\"name\">quickstart</h1>"), "the run's name");
            assertTrue(dom.contains("500 particles on the circle"), "the run's description");
            assertTrue(dom.matches("(?s).*id=\"status\"[^>]*>running<.*"), "status running");
            assertTrue(dom.contains("<dd id=\"step\">250 / 300</dd>"), "progress");
            assertTrue(dom.matches("(?s).*<dd id=\"rate\">[0-9.e+-]+</dd>.*"), "steps per second shown");
            assertTrue(dom.matches("(?s).*<div id=\"shards-fact\" hidden=\"\">.*"), "no shards' spread in bsp:\n" + dom);
            assertTrue(dom.matches("(?s).*<div id=\"shard-bars\" hidden=\"\">\\s*</div>.*"), "no shard bars in bsp");

            Files.createDirectories(SCREENSHOT.getParent());
            Files.deleteIfExists(SCREENSHOT);
            chromium(chromium, run.base() + "/", "--screenshot=" + SCREENSHOT.toAbsolutePath(),
                    "--window-size=1280,900", "--hide-scrollbars");
            BufferedImage png = ImageIO.read(SCREENSHOT.toFile());
            assertEquals(1280, png.getWidth());
            assertEquals(900, png.getHeight());

            run.finish();
            String after = chromium(chromium, run.base() + "/", "--dump-dom");
            assertEquals(COLUMNS, List.copyOf(charts(after).keySet()));
            assertTrue(after.matches("(?s).*id=\"status\"[^>]*>completed<.*"), "status completed");
            assertTrue(after.contains("<dd id=\"step\">300 / 300</dd>"));
        }
    }

    /**
     * A bounded run (s = 2, 8 blocks on 4 shards, on the actor engine) held at step 30: the page shows the shards'
     * spread as /status has it at that moment ("at steps LO-HI (spread D)"), one bar per shard with its step, and the
     * staleness used; a screenshot is saved as {@code target/status-page-async.png}.
     */
    @Test
    void showsTheShardsSpreadOfAnAsynchronousRun() throws Exception {
        Path chromium = chromium();
        if (chromium == null && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("no Chromium on CI: .ci/run installs the chromium package");
        }
        assumeTrue(chromium != null, "no Chromium found (set LMO_CHROMIUM or install the chromium package)");
        try (HeldRun run = new HeldRun(Path.of("scenarios/sobolev-torus-s2.yaml"), List.of("steps=60",
                "populations.particles.count=400", "engine.blockSize=50", "engine.shards=4", "output.every=5"),
                sim -> sim.withSync(new lmo.engine.Sync(lmo.engine.Sync.Mode.BOUNDED, 2,
                        lmo.engine.Sync.Straggler.NONE)), 30)) {
            run.awaitHeld(30);
            com.fasterxml.jackson.databind.JsonNode status = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(MetricsEndpointTest.get(run.base() + "/status").body());
            List<Long> steps = new ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode k : status.get("shardSteps")) steps.add(k.asLong());
            assertEquals(4, steps.size(), status.toString());
            System.out.println("held at step 30: shardSteps " + status.get("shardSteps") + ", stalenessUsed "
                    + status.get("stalenessUsed"));
            long lo = steps.stream().mapToLong(Long::longValue).min().orElseThrow();
            long hi = steps.stream().mapToLong(Long::longValue).max().orElseThrow();
            assertTrue(lo >= 30 && hi <= lo + 3, "shards within s + 1 steps of each other, past the held row: " + steps);

            String dom = chromium(chromium, run.base() + "/", "--dump-dom");
            String spread = (lo == hi ? "at step " + lo : "at steps " + lo + "-" + hi) + " (spread " + (hi - lo) + ")";
            assertTrue(dom.contains("<dd id=\"shards\">" + spread + "</dd>"), spread + " in\n" + dom);
            assertTrue(dom.matches("(?s).*<div id=\"shards-fact\">.*"), "the shards' spread is shown");
            Matcher bar = Pattern.compile("<div class=\"shard\" data-shard=\"(\\d+)\" data-step=\"(\\d+)\"[^>]*>"
                    + "<span>shard \\d+</span><span class=\"track\"><span class=\"bar\" style=\"width: ([0-9.]+)%;\">")
                    .matcher(dom);
            List<Long> shown = new ArrayList<>();
            while (bar.find()) {
                assertEquals(shown.size(), Integer.parseInt(bar.group(1)));
                shown.add(Long.parseLong(bar.group(2)));
                double width = Double.parseDouble(bar.group(3));
                assertTrue(width > 0 && width <= 100, "a bar per shard, its length the lead: " + width);
            }
            assertEquals(steps, shown, "one bar per shard, at its step:\n" + dom);
            assertTrue(dom.matches("(?s).*<dd id=\"staleness-used\">mean [0-9.e+-]+ · max [0-2] \\(bound 2\\)</dd>.*"),
                    "the staleness used:\n" + dom);

            Path shot = SCREENSHOT.resolveSibling("status-page-async.png");
            Files.deleteIfExists(SCREENSHOT);
            chromium(chromium, run.base() + "/", "--screenshot=" + SCREENSHOT.toAbsolutePath(),
                    "--window-size=1280,900", "--hide-scrollbars");
            Files.move(SCREENSHOT, shot, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            run.finish();
        }
    }

    /** The charts in the DOM, by metric name, with their attributes. */
    private static Map<String, Map<String, String>> charts(String dom) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        Matcher m = CHART.matcher(dom);
        while (m.find()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            Matcher a = ATTRIBUTE.matcher(m.group(1));
            while (a.find()) attributes.put(a.group(1), a.group(2));
            if (out.put(attributes.get("data-metric"), attributes) != null) {
                throw new AssertionError("two charts for " + attributes.get("data-metric"));
            }
        }
        return out;
    }

    /** The markup of the chart of {@code metric}, up to the next chart or the end of the charts. */
    private static String section(String dom, String metric) {
        int start = dom.indexOf("data-metric=\"" + metric + "\"");
        int end = dom.indexOf("</section>", start);
        return dom.substring(start, end);
    }

    /** The Chromium executable, or null. */
    static Path chromium() {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("LMO_CHROMIUM");
        if (env != null && !env.isBlank()) candidates.add(Path.of(env));
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) candidates.add(Path.of(dir, name));
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().orElse(null);
    }

    /**
     * Runs headless Chromium on {@code url} with a fresh profile and 10 s of virtual time (timers and fetches run,
     * the page settles), and returns what it wrote to stdout. A Chromium that fails to load the page (no
     * {@code </html>} dumped, no screenshot written, or a non-zero exit) is tried again with a fresh profile, three
     * times at most.
     */
    private String chromium(Path chromium, String url, String... extra) throws IOException, InterruptedException {
        String failure = "";
        for (int attempt = 1; attempt <= 3; attempt++) {
            Path profile = Files.createTempDirectory(tmp, "chromium-profile");
            Path out = tmp.resolve("chromium-" + attempt + ".out");
            Path err = tmp.resolve("chromium-" + attempt + ".err");
            List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--user-data-dir=" + profile, "--virtual-time-budget=10000"));
            cmd.addAll(List.of(extra));
            cmd.add(url);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().put("HOME", profile.toString());
            pb.environment().put("XDG_CONFIG_HOME", profile.toString());
            pb.environment().put("XDG_CACHE_HOME", profile.toString());
            Process p = pb.start();
            boolean exited = p.waitFor(120, TimeUnit.SECONDS);
            if (!exited) {
                try (Stream<ProcessHandle> children = p.descendants()) {
                    children.forEach(ProcessHandle::destroyForcibly);
                }
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            boolean screenshot = List.of(extra).stream().anyMatch(e -> e.startsWith("--screenshot"));
            boolean ok = exited && p.exitValue() == 0
                    && (screenshot ? Files.isRegularFile(SCREENSHOT) : stdout.contains("</html>"));
            if (ok) return stdout;
            failure += "\nattempt " + attempt + (exited ? ", exit " + p.exitValue() : ", timed out") + ":\n"
                    + Files.readString(err, StandardCharsets.UTF_8).lines()
                            .filter(l -> !l.contains("dbus")).reduce("", (a, b) -> a + b + "\n");
        }
        throw new AssertionError("Chromium did not render " + url + failure);
    }
}
