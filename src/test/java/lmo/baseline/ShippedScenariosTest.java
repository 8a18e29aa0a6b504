package lmo.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import lmo.engine.LocalEngine;
import lmo.engine.Recorder;
import lmo.engine.RunOutcome;
import lmo.scenario.Assembler;
import lmo.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Behaviour is pinned: every shipped scenario ({@code scenarios/**.yaml}, the benchmarks included), at reduced steps and sizes, ends in the
 * {@code stateSha256} recorded in {@code shipped-hashes.tsv} before a refactoring. A change that moves bits on
 * purpose regenerates the file in the commit that moves them, with the reason in its message:
 * {@code mvn -B test -Dtest=ShippedScenariosTest -Dlmo.baseline.write=true} (then read the diff).
 *
 * <p>Each row is {@code scenario TAB overrides (;-separated --set values) TAB stateSha256}.
 */
class ShippedScenariosTest {
    private static final Path TABLE = Path.of("src/test/resources/lmo/baseline/shipped-hashes.tsv");

    record Row(String scenario, List<String> overrides, String sha) {
        @Override public String toString() { return scenario + " " + String.join(" ", overrides); }
    }

    static Stream<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(TABLE, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            assertEquals(3, f.length, "scenario, overrides, stateSha256: " + line);
            rows.add(new Row(f[0], f[1].isEmpty() ? List.of() : Arrays.asList(f[1].split(";")), f[2]));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void endsInTheRecordedState(Row row) throws Exception {
        String sha = run(row);
        if (Boolean.getBoolean("lmo.baseline.write")) {
            rewrite(row, sha);
            return;
        }
        assertEquals(row.sha(), sha, row + ": the state moved; if on purpose, regenerate (see the class doc)");
    }

    @Test
    void everyShippedScenarioIsPinned() throws IOException {
        Set<String> pinned = new TreeSet<>();
        rows().forEach(r -> pinned.add(r.scenario()));
        Set<String> shipped = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("scenarios"))) {
            files.filter(f -> f.toString().endsWith(".yaml")).forEach(f -> shipped.add(f.toString()));
        }
        assertEquals(shipped, pinned);
    }

    private static String run(Row row) throws Exception {
        RunOutcome o = LocalEngine.run(Assembler.build(ScenarioLoader.load(Path.of(row.scenario()), row.overrides())),
                new Recorder());
        assertTrue(o.status() == RunOutcome.Status.COMPLETED, row + ": " + o.status() + " " + o.message());
        return o.stateSha256();
    }

    private static synchronized void rewrite(Row row, String sha) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(TABLE, StandardCharsets.UTF_8));
        String key = row.scenario() + "\t" + String.join(";", row.overrides()) + "\t";
        lines.replaceAll(l -> l.startsWith(key) ? key + sha : l);
        Files.write(TABLE, lines, StandardCharsets.UTF_8);
    }
}
