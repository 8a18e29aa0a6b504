package lmo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lmo.io.Npy;
import lmo.io.RunLayout;
import lmo.io.Table;
import lmo.scenario.Scenario;
import lmo.scenario.ScenarioException;
import lmo.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lmo run} writes a complete run directory and says where it is; a diverging run keeps its last good state. */
class RunCommandTest {
    @TempDir Path dir;

    static final String SCENARIO = BadInputTest.GOOD.replace("steps: 10", "steps: 25")
            + "output: {every: 10, snapshotEvery: 10}\nengine: {shards: 3, blockSize: 16}\n";

    @Test
    void aRunDirectoryHasEverythingNumpyNeeds() throws IOException, ScenarioException {
        Path file = Files.writeString(dir.resolve("s.yaml"), SCENARIO);
        Path out = dir.resolve("run");
        Cli r = Cli.run("run", file.toString(), "--out", out.toString(), "-q");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().endsWith("results: " + out + "\n"), r.out());

        List<String> csv = Files.readAllLines(out.resolve(RunLayout.METRICS));
        assertEquals("step,wallSeconds,time,energy,mass_particles", csv.get(0));
        assertEquals(List.of("0", "10", "20", "25"), csv.stream().skip(1).map(l -> l.split(",")[0]).toList());
        assertEquals(0.25, Double.parseDouble(csv.get(4).split(",")[2]), 1e-15, "time = step * stepSize");

        Table fin = Npy.read(out.resolve(RunLayout.finalState("particles")));
        assertEquals(100, fin.rows());
        assertEquals(2, fin.cols(), "position then mass");
        double mass = 0;
        for (int i = 0; i < 100; i++) mass += fin.get(i, 1);
        assertEquals(1.0, mass, 1e-14);
        for (String step : List.of("00000000", "00000010", "00000020")) {
            assertTrue(Files.exists(out.resolve("snapshots/particles-" + step + ".npy")), step);
        }

        JsonNode summary = new ObjectMapper().readTree(out.resolve(RunLayout.SUMMARY).toFile());
        assertEquals("completed", summary.get("status").asText());
        assertEquals(25, summary.get("steps").asInt());
        assertEquals(3, summary.get("engine").get("shards").asInt());
        assertEquals(7, summary.get("engine").get("blocks").asInt());
        assertEquals(64, summary.get("stateSha256").asText().length());
        assertEquals(Double.parseDouble(csv.get(4).split(",")[3]), summary.get("final").get("energy").asDouble(), 0.0);
        for (String t : List.of("computeSeconds", "schedulerSeconds", "messagingSeconds", "pairEvaluationsPerSecond")) {
            assertTrue(summary.get("timing").get(t).asDouble() >= 0, t);
        }

        Scenario resolved = ScenarioLoader.load(out.resolve(RunLayout.SCENARIO), List.of());
        assertEquals(16, resolved.engine().blockSize());
        assertEquals(ScenarioLoader.load(file, List.of()), resolved, "the resolved scenario reruns the same run");

        Path again = dir.resolve("local");
        assertEquals(0, Cli.run("run", out.resolve(RunLayout.SCENARIO).toString(), "--out", again.toString(), "--engine", "local", "-q").exit());
        JsonNode local = new ObjectMapper().readTree(again.resolve(RunLayout.SUMMARY).toFile());
        assertEquals(summary.get("stateSha256"), local.get("stateSha256"), "rerun of the resolved scenario, in the plain loop");
    }

    @Test
    void aDivergingRunStopsWithCode3AndKeepsTheLastGoodState() throws IOException {
        String hot = SCENARIO.replace("type: wasserstein", "type: langevin\n    temperature: 1e308")
                .replace("stepSize: 0.01", "stepSize: 1e10");
        Path file = Files.writeString(dir.resolve("hot.yaml"), hot);
        Path out = dir.resolve("hot");
        Cli r = Cli.run("run", file.toString(), "--out", out.toString(), "-q");
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.err().contains("step 0: the updated position or mass is not finite for population particles, particle 0"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        Table good = Npy.read(out.resolve(RunLayout.lastGoodState("particles")));
        Table initial = Npy.read(out.resolve("snapshots/particles-00000000.npy"));
        assertArrayEquals(initial.data(), good.data(), 0.0, "the last good state is the initial state");
        assertFalse(Files.exists(out.resolve(RunLayout.finalState("particles"))));
        JsonNode summary = new ObjectMapper().readTree(out.resolve(RunLayout.SUMMARY).toFile());
        assertEquals("diverged", summary.get("status").asText());
        assertEquals(0, summary.get("lastGoodStep").asInt());
        assertTrue(summary.get("message").asText().startsWith("step 0:"));
    }

    @Test
    void oneShardIsOneShard() throws IOException {
        Path file = Files.writeString(dir.resolve("one.yaml"), SCENARIO.replace("shards: 3", "shards: 1"));
        Cli r = Cli.run("run", file.toString(), "--out", dir.resolve("one").toString(), "-q", "--no-plots");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains(" steps/s, 1 shard)"), r.out());
    }

    /**
     * Item 10 of issue 14: a run diverging at a step that is not logged writes that step's row with its own values,
     * here the potential energy kappa/2 sum_i m_i |x_i|^2 of the last good state, recomputed from
     * last-good-particles.npy, not the previous logged row's.
     */
    @Test
    void theRowOfTheDivergingStepHoldsItsOwnValues() throws IOException {
        Path file = Files.writeString(dir.resolve("ou.yaml"), """
                steps: 400
                populations:
                  particles:
                    count: 50
                    space: {type: euclidean, dim: 1}
                    init: {type: gaussian, mean: [1], std: 0.1}
                model: {type: potential, potential: {type: quadratic, kappa: 2.0}}
                dynamics: {type: wasserstein, stepSize: 10}
                output: {every: 7}
                """);
        Path out = dir.resolve("ou");
        Cli r = Cli.run("run", file.toString(), "--out", out.toString(), "-q", "--no-plots");
        assertEquals(3, r.exit(), r.err());
        JsonNode summary = new ObjectMapper().readTree(out.resolve(RunLayout.SUMMARY).toFile());
        long last = summary.get("lastGoodStep").asLong();
        assertTrue(last % 7 != 0, "diverges at a step that is not logged: " + last);
        List<String> csv = Files.readAllLines(out.resolve(RunLayout.METRICS));
        String[] row = csv.get(csv.size() - 1).split(",");
        String[] before = csv.get(csv.size() - 2).split(",");
        assertEquals(last, Long.parseLong(row[0]), "the diverging step's row is the last");
        assertEquals(last / 7 * 7, Long.parseLong(before[0]));
        Table good = Npy.read(out.resolve(RunLayout.lastGoodState("particles")));
        double energy = 0;
        for (int i = 0; i < good.rows(); i++) energy += good.get(i, 1) * good.get(i, 0) * good.get(i, 0);
        energy *= 2.0 / 2;
        int column = List.of(csv.get(0).split(",")).indexOf("energy");
        double logged = Double.parseDouble(row[column]);
        assertEquals(energy, logged, Double.isFinite(energy) ? Math.abs(energy) * 1e-12 : 0.0, "energy of the last good state");
        assertTrue(Double.parseDouble(before[column]) != logged, "not the previous logged row's value");
        assertEquals(logged, summary.get("final").get("energy").asDouble(), 0.0, "final is that row");
    }
}
