package lmo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import lmo.io.RunLayout;
import lmo.plot.SweepTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lmo sweep} runs every point of a grid as a normal run in its own directory, K at a time, and records each in
 * sweep.csv; a failed point does not stop the others; an invalid point stops the sweep before anything runs.
 */
class SweepCommandTest {
    @TempDir Path dir;

    private static final String[] SMALL = {"--set", "steps=20", "--set", "engine.shards=2", "--set", "output.every=5"};

    private static String[] args(String... rest) {
        String[] all = new String[rest.length + SMALL.length];
        System.arraycopy(rest, 0, all, 0, rest.length);
        System.arraycopy(SMALL, 0, all, rest.length, SMALL.length);
        return all;
    }

    private static JsonNode summary(Path run) throws IOException {
        return new ObjectMapper().readTree(run.resolve(RunLayout.SUMMARY).toFile());
    }

    @Test
    void aSweepOverThreeStepSizesGivesThreeRunsThreeRowsAndAPlot() throws IOException {
        Path out = dir.resolve("sweep");
        Cli r = Cli.run(args("sweep", "scenarios/quickstart.yaml", "--param", "dynamics.stepSize=0.01,0.1,1", "--parallel", "3",
                "--out", out.toString()));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().endsWith("results: " + out.resolve(RunLayout.SWEEP) + "\n"), r.out());

        Set<String> runs;
        try (var s = Files.list(out)) {
            runs = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
        assertEquals(Set.of("0-stepSize=0.01", "1-stepSize=0.1", "2-stepSize=1", "plots"), runs);

        SweepTable table = SweepTable.read(out.resolve(RunLayout.SWEEP));
        assertEquals(List.of("dynamics.stepSize"), table.params());
        assertEquals(3, table.rows().size());
        assertEquals(4, Files.readAllLines(out.resolve(RunLayout.SWEEP)).size(), "a header and three rows");
        List<String> steps = List.of("0.01", "0.1", "1");
        for (int i = 0; i < 3; i++) {
            SweepTable.Row row = table.rows().get(i);
            Path run = out.resolve(row.dir());
            assertEquals(i, row.point());
            assertEquals(List.of(steps.get(i)), row.values());
            assertEquals(SweepTable.COMPLETED, row.status());
            assertEquals(0, row.exitCode());
            assertEquals("", row.error());
            JsonNode summary = summary(run);
            assertEquals(summary.get("stateSha256").asText(), row.stateSha256());
            assertEquals(summary.get("final").get("energy").asDouble(), row.metrics().get("energy"), 0.0);
            assertEquals(summary.get("wallSeconds").asDouble(), row.wallSeconds(), 1e-3);
            assertTrue(Files.readString(run.resolve(RunLayout.SCENARIO)).contains("stepSize: " + Double.parseDouble(steps.get(i))));
            assertTrue(Files.isRegularFile(run.resolve(RunLayout.PLOTS).resolve("energy.png")), "each point is a normal run, plots included");
        }
        double e0 = table.rows().get(0).metrics().get("energy"), e1 = table.rows().get(1).metrics().get("energy"),
                e2 = table.rows().get(2).metrics().get("energy");
        assertTrue(e0 > e1 && e1 > e2, "a larger step goes further in 20 steps: " + e0 + " " + e1 + " " + e2);

        Path png = out.resolve(RunLayout.PLOTS).resolve("energy-vs-dynamics.stepSize.png");
        assertTrue(ImageIO.read(png.toFile()).getWidth() > 0, "the plot of the final energy against the step size");
        assertFalse(Files.exists(out.resolve(RunLayout.PLOTS).resolve("mass_particles-vs-dynamics.stepSize.png")), "the mass does not change");
    }

    @Test
    void aDivergingPointIsRecordedAsFailedAndTheOthersComplete() throws IOException {
        Path out = dir.resolve("hot");
        Cli r = Cli.run(args("sweep", "scenarios/quickstart.yaml", "--out", out.toString(), "--parallel", "2", "--param",
                "dynamics=[{type: wasserstein, stepSize: 0.01}, {type: langevin, stepSize: 1e10, temperature: 1e308}, "
                        + "{type: wasserstein, stepSize: 0.02}]"));
        assertEquals(Main.DIVERGED, r.exit(), "the worst exit code of a point");
        SweepTable table = SweepTable.read(out.resolve(RunLayout.SWEEP));
        assertEquals(List.of(SweepTable.COMPLETED, SweepTable.FAILED, SweepTable.COMPLETED),
                table.rows().stream().map(SweepTable.Row::status).toList());
        SweepTable.Row failed = table.rows().get(1);
        assertEquals(3, failed.exitCode());
        assertTrue(failed.error().startsWith("diverged: step 0:"), failed.error());
        assertTrue(failed.metrics().isEmpty() && failed.stateSha256().isEmpty());
        assertEquals("{type: langevin, stepSize: 1.0E10, temperature: 1.0E308}", failed.values().get(0));
        assertTrue(Files.exists(out.resolve(failed.dir()).resolve(RunLayout.lastGoodState("particles"))));
        assertTrue(r.err().contains("lmo: point 1 (" + failed.dir() + ") failed: diverged"), r.err());
        assertNotEquals(table.rows().get(0).stateSha256(), table.rows().get(2).stateSha256());
        assertTrue(r.out().contains("sweep: 2 of 3 points completed"), r.out());
    }

    @Test
    void anInvalidPointStopsTheSweepBeforeAnythingRuns() {
        Path out = dir.resolve("bad");
        Cli r = Cli.run(args("sweep", "scenarios/quickstart.yaml", "--param", "dynamics.stepSize=0.01,-1", "--out", out.toString()));
        assertEquals(Main.BAD_INPUT, r.exit());
        assertEquals("point 1 (dynamics.stepSize=-1): --set dynamics.stepSize: must be > 0, got -1\n", r.err());
        assertFalse(Files.exists(out), "nothing is written");

        Cli twice = Cli.run("sweep", "scenarios/quickstart.yaml", "--param", "seed=1,2", "--param", "seed=3", "--out", out.toString());
        assertEquals("--param seed: given twice\n", twice.err());
        Cli none = Cli.run("sweep", "scenarios/quickstart.yaml", "--out", out.toString());
        assertEquals(Main.BAD_INPUT, none.exit(), "--param is required");
        assertEquals(Main.BAD_INPUT, Cli.run("sweep", "scenarios/quickstart.yaml", "--param", "seed=1", "--parallel", "0").exit());
        assertFalse(Files.exists(out));
    }

    @Test
    void theWorstExitCodeIsABugThenTheLargest() {
        assertEquals(1, SweepCommand.worse(3, 1));
        assertEquals(3, SweepCommand.worse(2, 3));
        assertEquals(0, SweepCommand.worse(0, 0));
    }
}
