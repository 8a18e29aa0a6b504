package lmo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lmo.bench.Bench;
import lmo.bench.Figure;
import lmo.bench.MmdWorkload;
import lmo.bench.NetworkWorkload;
import lmo.bench.RunResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench's runs, through {@code lmo run}, start where the peers' NumPy start (bench/README.md): W3's loss at
 * step 0 is 0.0111430 for N = 1000 and 0.0114851 for N = 10000; W4 at N = 4096 has MMD^2 0.115130 at step 0, a
 * gradient rms of 0.467308 and MMD^2 0.0401512 after its 10 steps (a warm-up and a timed run: tagged {@code slow}).
 */
class BenchAnchorsTest {
    @TempDir Path dir;

    private Bench bench() {
        return new Bench(new InProcessRunner(), dir, 1, new PrintStream(OutputStream.nullOutputStream()));
    }

    @Test
    void w3StartsAtTheNumpyLoss() throws IOException {
        Bench bench = bench();
        NetworkWorkload w3 = new NetworkWorkload();
        bench.prepare(w3, 10000);
        for (Map.Entry<Integer, Double> e : Map.of(1000, 0.011143002925604273, 10000, 0.011485139401011155).entrySet()) {
            RunResult run = bench.run(w3, e.getKey(), "step 0", List.of("populations.neurons.count=" + e.getKey(), "steps=0"));
            assertEquals(e.getValue(), run.first("loss"), 1e-12 * e.getValue(), "N = " + e.getKey());
        }
    }

    @Test
    @Tag("slow")
    void w4StartsAndEndsAtTheNumpyFigures() throws IOException {
        Bench bench = bench();
        MmdWorkload w4 = new MmdWorkload();
        bench.prepare(w4, 4096);
        Map<String, Double> f = w4.measure(4096, bench).stream().collect(Collectors.toMap(Figure::key, Figure::median));
        assertEquals(0.11512978806875881, f.get("mmd2Init"), 1e-12);
        assertEquals(0.46730831197215056, f.get("grad0Rms"), 1e-9);
        assertEquals(0.04015121951964845, f.get("mmd2Final"), 1e-12);
    }
}
