package lmo.actor.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lmo.engine.LocalEngine;
import lmo.engine.Recorder;
import lmo.scenario.Assembler;
import lmo.scenario.ScenarioException;
import lmo.scenario.ScenarioLoader;

/** What the cluster tests read from a run directory, and the reference they compare it with. */
final class RunDirs {
    private RunDirs() {}

    /** stateSha256 of the scenario run in this JVM by the single-threaded reference loop. */
    static String reference(String scenario, List<String> overrides) throws ScenarioException {
        return reference(scenario, overrides, List.of());
    }

    /** As {@link #reference(String, List)}, with user classes (model families, payoffs) from {@code jars}. */
    static String reference(String scenario, List<String> overrides, List<Path> jars) throws ScenarioException {
        return LocalEngine.run(Assembler.build(ScenarioLoader.load(Path.of(scenario), overrides, jars)), new Recorder())
                .stateSha256();
    }

    static JsonNode summary(Path out) throws IOException {
        return new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    }

    /**
     * Waits (at most 120 s, polling) until metrics.csv has a complete row at or past {@code step}, and
     * {@code checkpoint.lmo} exists if {@code withCheckpoint}; fails at once if the coordinator ends.
     */
    static void waitForStep(Path out, long step, Jvm coordinator, boolean withCheckpoint) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        Path csv = out.resolve("metrics.csv");
        while (System.nanoTime() < deadline) {
            if (Files.exists(csv) && (!withCheckpoint || Files.exists(out.resolve("checkpoint.lmo")))) {
                List<String> lines = Files.readAllLines(csv);
                String last = lines.get(lines.size() - 1);
                if (lines.size() > 1 && last.matches("\\d+,.*") && Long.parseLong(last.split(",")[0]) >= step) return;
            }
            assertTrue(coordinator.alive(), "the coordinator ended early:\n" + coordinator.log());
            Thread.sleep(50);
        }
        throw new AssertionError("no progress to step " + step + ":\n" + coordinator.log());
    }

    /** metrics.csv has the rows 0, every, 2 every, ..., steps, each once. */
    static void assertEachStepOnce(Path out, long steps, int every) throws IOException {
        List<Long> logged = Files.readAllLines(out.resolve("metrics.csv")).stream().skip(1)
                .map(l -> Long.parseLong(l.split(",")[0])).toList();
        List<Long> expected = new ArrayList<>();
        for (long k = 0; k <= steps; k += every) expected.add(k);
        assertEquals(expected, logged);
    }
}
