package lmo.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lmo.cli.Main;
import lmo.io.RunLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lmo run --metrics-port 0} and {@code output.metricsPort: 0}: the command prints the endpoint's addresses,
 * the run completes with its summary, and the port is released when the command returns.
 */
class MonitorCliTest {
    private static final Pattern METRICS = Pattern.compile("metrics: http://127\\.0\\.0\\.1:(\\d+)/metrics");
    private static final Pattern PAGE = Pattern.compile("status page: http://127\\.0\\.0\\.1:(\\d+)/\\n");

    private static String run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            assertEquals(Main.OK, Main.execute(args));
        } finally {
            System.setOut(old);
        }
        return buffer.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    private static void printsAndReleases(String out, Path dir) {
        Matcher m = METRICS.matcher(out);
        assertTrue(m.find(), out);
        Matcher p = PAGE.matcher(out);
        assertTrue(p.find(), out);
        assertEquals(m.group(1), p.group(1), "one port for both");
        assertTrue(Files.isRegularFile(dir.resolve(RunLayout.SUMMARY)));
        assertThrows(ConnectException.class, () -> MetricsEndpointTest.get("http://127.0.0.1:" + m.group(1) + "/metrics"),
                "the endpoint is closed once the command returns");
    }

    @Test
    void theOptionAndTheScenarioKeyStartTheEndpointForTheRun(@TempDir Path tmp) {
        Path a = tmp.resolve("a");
        printsAndReleases(run("run", "scenarios/quickstart.yaml", "--out", a.toString(), "-q", "--metrics-port", "0",
                "--set", "steps=30"), a);
        Path b = tmp.resolve("b");
        printsAndReleases(run("run", "scenarios/quickstart.yaml", "--out", b.toString(), "-q",
                "--set", "steps=30", "--set", "output.metricsPort=0"), b);
    }
}
