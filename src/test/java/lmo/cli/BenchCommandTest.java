package lmo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lmo bench} refuses an option it cannot use with exit code 2 and a message naming it, before it runs
 * anything; a tiny bench prints a table with every figure of W1, W3 and W4, each finite and positive, the peers'
 * figures beside them, and the same rows in the --out file.
 */
class BenchCommandTest {
    @TempDir Path dir;

    private static void assertRefused(String expected, String... args) {
        List<String> all = new ArrayList<>(List.of("bench"));
        all.addAll(List.of(args));
        Cli r = Cli.run(all.toArray(String[]::new));
        assertEquals(Main.BAD_INPUT, r.exit(), r.err());
        assertTrue(r.err().contains(expected), "expected '" + expected + "' in: " + r.err());
        assertEquals("", r.out(), "nothing on standard output");
    }

    @Test
    void anUnknownWorkloadOrABadSizeIsRefused() {
        assertRefused("--workloads: unknown workload 'w2'; expected w1, w3, w4", "--workloads", "w1,w2");
        assertRefused("--sizes w1=0: '0' is not a size", "--sizes", "w1=0");
        assertRefused("--sizes w3=100: w3 is not among --workloads w1", "--workloads", "w1", "--sizes", "w3=100");
    }

    @Test
    void repeatsMustBeFromOneToAHundred() {
        assertRefused("--repeats: must be between 1 and 100, got 0", "--repeats", "0");
        assertRefused("--repeats: must be between 1 and 100, got 101", "--repeats", "101");
        assertRefused("lmo: Invalid value for option '--repeats'", "--repeats", "three");
    }

    @Test
    void outMustBeACsvOrJsonFileInAnExistingDirectory() throws IOException {
        assertRefused("--out " + dir.resolve("rows.txt") + ": expected a file name ending in .csv, .jsonl or .json",
                "--out", dir.resolve("rows.txt").toString());
        assertRefused("no such directory", "--out", dir.resolve("missing/rows.csv").toString());
        Path taken = Files.createDirectory(dir.resolve("taken.csv"));
        assertRefused("--out " + taken + ": is a directory", "--out", taken.toString());
    }

    @Test
    void peersMustBeAReadableRawJsonl() throws IOException {
        assertRefused("--peers " + dir.resolve("none.jsonl") + ": no such file", "--peers", dir.resolve("none.jsonl").toString());
        Path bad = Files.writeString(dir.resolve("raw.jsonl"), "{\"workload\": \"W1_sinkhorn\", \"results\": []}\n[1, 2]\n");
        assertRefused("--peers " + bad + ":2: expected an object with \"workload\" and \"results\"", "--peers", bad.toString());
    }

    @Test
    void anUnknownOptionIsRefused() {
        assertRefused("lmo: Unknown option: '--fast'", "--fast");
    }

    /** Peer rows at the tiny sizes of the run below, shaped as run_all.sh writes them. */
    private static final String PEERS = String.join("\n",
            "{\"workload\": \"W1_sinkhorn\", \"env\": {}, \"results\": [{\"n\": 100, \"method\": \"pot_sinkhorn\", \"iters\": 200,"
                    + " \"setup_s\": 0.001, \"per_iter_ms\": 0.01}]}",
            "{\"workload\": \"W3_meanfield_relu\", \"env\": {}, \"results\": [{\"N\": 50, \"impl\": \"numpy\", \"dtype\": \"f64\","
                    + " \"steps\": 1000, \"per_step_ms\": 0.5, \"loss_init\": 0.01, \"loss_final\": 0.001}]}",
            "{\"workload\": \"W4_mmd_flow\", \"env\": {}, \"results\": [{\"N\": 128, \"impl\": \"numpy_f64\", \"block\": 16,"
                    + " \"steps\": 10, \"per_step_ms\": 1.0, \"pair_evals_per_s\": 3.3e7, \"grad0_rms\": 0.46, \"mmd2_init\": 0.11,"
                    + " \"mmd2_final\": 0.04}]}");

    @Test
    @Tag("slow")
    void aTinyBenchGivesEveryFigureFiniteAndPositiveWithItsPeer() throws IOException {
        Path peers = Files.writeString(dir.resolve("raw.jsonl"), PEERS);
        Path out = dir.resolve("rows.jsonl");
        Cli r = Cli.run("bench", "--sizes", "w1=100", "--sizes", "w3=50", "--sizes", "w4=128", "--repeats", "1",
                "--peers", peers.toString(), "--out", out.toString());
        assertEquals(Main.OK, r.exit(), r.err());
        assertTrue(r.err().contains("bench: W4 N=128: 10 steps, run 1 of 1"), "progress on standard error: " + r.err());

        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("lmo bench, "), lines.get(0));
        assertEquals("| workload | size | figure | lmo | lmo min–max | other CPU (lmo) | peer | peer row | peer / lmo"
                + " | other CPU (peer) |", lines.get(2));
        List<String[]> rows = lines.subList(4, lines.size()).stream().map(l -> l.split(" \\| ")).toList();
        Set<String> figures = rows.stream().map(c -> c[0].substring(2) + " " + c[1] + " " + c[2]).collect(Collectors.toSet());
        assertEquals(Set.of(
                "W1 n=100 s to marginal error 1e-6 (whole run)", "W1 n=100 iterations to 1e-6", "W1 n=100 final marginalError",
                "W1 n=100 plain Sinkhorn: s to 1e-6 (one run)", "W1 n=100 plain Sinkhorn: iterations to 1e-6",
                "W1 n=100 ms per iteration (200 iterations)", "W1 n=100 pair evaluations per s (summary.json)",
                "W3 N=50 ms per GD step (median of 1000)", "W3 N=50 loss at step 0", "W3 N=50 loss after 1000 steps",
                "W4 N=128 ms per step (median of 10)", "W4 N=128 pair evaluations per s (per step)", "W4 N=128 MMD² at step 0",
                "W4 N=128 rms of grad V at step 0", "W4 N=128 MMD² after 10 steps"),
                figures.stream().filter(f -> !f.contains("secondMarginalError")).collect(Collectors.toSet()));
        for (String[] c : rows) {
            double lmo = Double.parseDouble(c[3]);
            assertTrue(Double.isFinite(lmo) && lmo > 0, String.join(" | ", c));
            if (c[2].startsWith("ms per") || c[2].startsWith("s to")) {
                assertTrue(Double.parseDouble(c[8]) > 0, "a time has its ratio: " + String.join(" | ", c));
            }
        }

        List<String> data = Files.readAllLines(out);
        assertEquals(rows.size(), data.size());
        for (String line : data) {
            JsonNode row = new ObjectMapper().readTree(line);
            assertTrue(row.get("value").isNumber() && row.get("value").asDouble() > 0, line);
            assertEquals(1, row.get("runs").asInt(), line);
        }
    }
}
