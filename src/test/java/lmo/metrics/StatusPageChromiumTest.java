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
import lmo.dynamics.Wasserstein;
import lmo.engine.Simulation;
import lmo.particles.Gathered;
import lmo.particles.Population;
import lmo.scenario.Assembler;
import lmo.space.Sphere;
import lmo.space.Torus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status page renders in headless Chromium with one chart per metric and a particle panel per population: a
 * real run (quickstart, logging every 5 steps) is held at step 250 while Chromium loads
 * {@code http://127.0.0.1:PORT/}, runs its scripts (virtual time: the page polls {@code /status} and draws) and
 * dumps the DOM; then a screenshot is saved as {@code target/status-page.png} (an artefact of the test run); then
 * the run finishes and the page shows it completed. Holding the run makes the page's content fixed while Chromium
 * looks, whatever the load of the machine. The live samples are fed to {@link RunMonitor#onLiveSample} by the test
 * (the callback the engine calls, with the samples the engine sends: at most 2000 particles per population, by id),
 * so these tests do not depend on the engine taking them. Skipped when no Chromium is installed
 * ({@code LMO_CHROMIUM}, else {@code chromium}, {@code chromium-browser} or {@code google-chrome} on the PATH),
 * except on CI ({@code CI=true}), which installs it ({@code .ci/run}).
 */
@Tag("browser")
class StatusPageChromiumTest {
    private static final Path SCREENSHOT = Path.of("target", "status-page.png");
    private static final List<String> COLUMNS = List.of("energy", "mass_particles");
    private static final Pattern CHART = Pattern.compile("<section ([^>]*class=\"chart\"[^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-z-]+)=\"([^\"]*)\"");
    private static final Pattern PANEL = Pattern.compile("<section ([^>]*class=\"particles-panel\"[^>]*)>");

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
            Population start = Assembler.build(run.scenario()).populations().get(0);
            run.monitor().onLiveSample(250, new Gathered(new double[][] {start.x0()}, new double[][] {start.m0()},
                    new int[] {start.dim()})); // the 500 particles of the start state, as a sample
            String dom = chromium(chromium, run.base() + "/", "--dump-dom");
            Map<String, Map<String, String>> panels = attributes(dom, PANEL, "data-population");
            assertEquals(List.of("particles"), List.copyOf(panels.keySet()), "a particle panel per population:\n" + dom);
            assertEquals("histogram", panels.get("particles").get("data-plot"), "the circle T^1: a histogram");
            int bars = count(panel(dom, "particles"), "<rect class=\"bar\"");
            assertTrue(bars > 0, "the histogram has bars:\n" + panel(dom, "particles"));
            assertEquals(Integer.toString(bars), panels.get("particles").get("data-drawn"));
            assertTrue(panel(dom, "particles").contains("500 of 500 particles (torus, dim 1) at step 250"));
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

    /**
     * A synthetic run fed to a {@link RunMonitor} by the test (no engine): a circle T^1 of 10^5 particles with equal
     * masses and a sphere S^2 of 10^5 particles with masses from 1 to 2, energy logged every 5 steps to step 200 (time
     * step 0.01), and a sample of each (2000 particles, every 50th by id) at step 200. Chromium (driven over the
     * DevTools protocol, in real time: {@link DevTools}) shows a histogram for the circle and a scatter
     * (longitude/latitude) coloured by mass, with its legend, for the sphere (a screenshot is saved as
     * {@code target/status-page-particles.png}). Then a click on "log x" turns the metric chart's x axis logarithmic and leaves step 0 out (one
     * point fewer, and the page says so), and choosing "mean-field time" relabels the axis.
     */
    @Test
    void drawsTheParticlePanelsAndTogglesLogXOnAClick() throws Exception {
        Path chromium = chromium();
        if (chromium == null && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("no Chromium on CI: .ci/run installs the chromium package");
        }
        assumeTrue(chromium != null, "no Chromium found (set LMO_CHROMIUM or install the chromium package)");
        int count = 100_000, sampled = 2000, stride = count / sampled;
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        double[] circle = new double[count];
        double[] sphere = new double[3 * count];
        double[] sphereMass = new double[count];
        double[] equal = new double[count];
        for (int i = 0; i < count; i++) {
            circle[i] = (0.3 + 0.08 * r.nextGaussian() + 1) % 1;
            double z = 2 * r.nextDouble() - 1, phi = 2 * Math.PI * r.nextDouble(), rho = Math.sqrt(1 - z * z);
            sphere[3 * i] = rho * Math.cos(phi);
            sphere[3 * i + 1] = rho * Math.sin(phi);
            sphere[3 * i + 2] = z;
            sphereMass[i] = (1 + r.nextDouble()) / count;
            equal[i] = 1.0 / count;
        }
        Simulation sim = new Simulation("synthetic", 1, 400, List.of(
                new Population("circle", 0, new Torus(1), circle, equal),
                new Population("globe", 1, new Sphere(3), sphere, sphereMass)), null, new Wasserstein(0.01),
                1000, 1, 5, 0);
        double[][] x = {new double[sampled], new double[3 * sampled]};
        double[][] m = {new double[sampled], new double[sampled]};
        for (int i = 0; i < sampled; i++) {
            x[0][i] = circle[i * stride];
            System.arraycopy(sphere, 3 * i * stride, x[1], 3 * i, 3);
            m[0][i] = equal[i * stride];
            m[1][i] = sphereMass[i * stride];
        }
        try (RunMonitor monitor = RunMonitor.start("127.0.0.1", 0, "a synthetic run")) {
            monitor.onStart(sim, null, List.of("energy"));
            for (int k = 0; k <= 200; k += 5) {
                monitor.onMetrics(k, 0.5 + 0.01 * k, new double[] {Math.exp(-k / 20.0)});
                monitor.onStep(k, 0.5 + 0.01 * k, new double[] {Math.exp(-k / 20.0)});
            }
            monitor.onLiveSample(200, new Gathered(x, m, new int[] {1, 3}));
            String base = "http://127.0.0.1:" + monitor.port();

            try (DevTools page = new DevTools(chromium, tmp, base + "/")) {
                String chart = "document.querySelector('section.chart[data-metric=\"energy\"]')";
                page.await(chart + "?.dataset.points ?? null", v -> v.asText().equals("41"), "the chart drawn");
                page.await("document.querySelectorAll('section.particles-panel[data-drawn]').length", v -> v.asInt() == 2,
                        "both particle panels drawn");
                String dom = page.evaluate("document.documentElement.outerHTML").asText();
                Map<String, Map<String, String>> panels = attributes(dom, PANEL, "data-population");
                assertEquals(List.of("circle", "globe"), List.copyOf(panels.keySet()), "a panel per population:\n" + dom);
                assertEquals("histogram", panels.get("circle").get("data-plot"));
                int bars = count(panel(dom, "circle"), "<rect class=\"bar\"");
                assertTrue(bars > 0, "the circle's histogram has bars");
                assertEquals(Integer.toString(bars), panels.get("circle").get("data-drawn"));
                assertEquals("scatter", panels.get("globe").get("data-plot"));
                assertEquals("lonlat", panels.get("globe").get("data-projection"));
                assertEquals("varied", panels.get("globe").get("data-masses"), "coloured by mass");
                String globe = panel(dom, "globe");
                assertEquals(sampled, count(globe, "<circle class=\"point\""), "every sampled particle is a point");
                assertTrue(count(globe, "fill=\"rgb(") == sampled, "each point coloured on the mass scale");
                assertTrue(globe.contains("<linearGradient"), "the colour legend");
                assertTrue(globe.contains("2000 of 100000 particles (sphere, dim 3) at step 200; mass "), globe);
                assertEquals("log", charts(dom).get("energy").get("data-scale"));
                assertEquals("linear", charts(dom).get("energy").get("data-x-scale"));
                assertEquals("41", charts(dom).get("energy").get("data-points"), "rows 0, 5, .., 200");
                page.screenshot(SCREENSHOT.resolveSibling("status-page-particles.png"));

                assertEquals("linear", page.evaluate(chart + ".dataset.xScale").asText());
                page.evaluate("document.getElementById('log-x').click()");
                assertEquals("log", page.evaluate(chart + ".dataset.xScale").asText(), "a click turns x logarithmic");
                assertEquals("40", page.evaluate(chart + ".dataset.points").asText(), "step 0 left out on log-x");
                assertEquals("log x: rows with step <= 0 are left out (1 here)",
                        page.evaluate("document.getElementById('x-note').textContent").asText());
                assertTrue(page.evaluate(chart + ".textContent").asText().contains("step (log)"), "the axis says log");
                assertEquals("?x=step&logx=1", page.evaluate("location.search").asText(), "kept in the URL");
                page.evaluate("const s = document.getElementById('x-axis'); s.value = 'time';"
                        + " s.dispatchEvent(new Event('change'))");
                assertEquals("time", page.evaluate(chart + ".dataset.x").asText());
                assertTrue(page.evaluate(chart + ".textContent").asText().contains("mean-field time (log)"));
                page.evaluate("document.getElementById('log-x').click()");
                assertEquals("linear", page.evaluate(chart + ".dataset.xScale").asText(), "a second click: linear");
                assertEquals("41", page.evaluate(chart + ".dataset.points").asText());
            }
        }
    }

    /** The charts in the DOM, by metric name, with their attributes. */
    private static Map<String, Map<String, String>> charts(String dom) {
        return attributes(dom, CHART, "data-metric");
    }

    /** The elements {@code tag} matches (group 1: their attributes), by the value of their attribute {@code key}. */
    private static Map<String, Map<String, String>> attributes(String dom, Pattern tag, String key) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        Matcher m = tag.matcher(dom);
        while (m.find()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            Matcher a = ATTRIBUTE.matcher(m.group(1));
            while (a.find()) attributes.put(a.group(1), a.group(2));
            if (out.put(attributes.get(key), attributes) != null) {
                throw new AssertionError("two elements with " + key + " " + attributes.get(key));
            }
        }
        return out;
    }

    /** The markup of the particle panel of {@code population}. */
    private static String panel(String dom, String population) {
        int start = dom.indexOf("data-population=\"" + population + "\"");
        if (start < 0) throw new AssertionError("no panel for " + population);
        return dom.substring(start, dom.indexOf("</section>", start));
    }

    /** How often {@code what} occurs in {@code text}. */
    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) n++;
        return n;
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
