package lmo.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import lmo.io.RunLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reopening a run directory at its checkpoint removes what the resumed run writes again, and nothing else. */
class RunDirectoryTest {
    @TempDir Path dir;

    @Test
    void reopenKeepsRowsBeforeTheCheckpointAndSnapshotsUpToIt() throws IOException {
        Files.writeString(dir.resolve(RunLayout.SCENARIO), "name: t\n");
        StringBuilder csv = new StringBuilder("step,wallSeconds,time,energy\n");
        for (int k = 0; k <= 12; k++) csv.append(k).append(",0.1,").append(k * 0.01).append(",1.5\n");
        csv.append("13,0.2"); // torn by a kill in the middle of a row
        Files.writeString(dir.resolve(RunLayout.METRICS), csv);
        Files.createDirectories(dir.resolve(RunLayout.SNAPSHOTS));
        for (String f : List.of("snapshots/p-q-00000000.npy", "snapshots/p-q-00000010.npy", "snapshots/p-q-00000012.npy",
                "snapshots/p-q-00000011.npy.tmp", "final-p-q.npy", "last-good-p-q.npy", "summary.json",
                "checkpoint.lmo", "checkpoint.lmo.tmp", "notes.txt")) {
            Files.writeString(dir.resolve(f), "x");
        }
        RunDirectory.reopen(dir, 10);
        List<String> rows = Files.readAllLines(dir.resolve(RunLayout.METRICS));
        assertEquals("step,wallSeconds,time,energy", rows.get(0));
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
                rows.stream().skip(1).map(r -> r.split(",")[0]).toList());
        try (Stream<Path> s = Files.walk(dir)) {
            assertEquals(List.of("checkpoint.lmo", "metrics.csv", "notes.txt", "scenario.yaml", "snapshots",
                    "snapshots/p-q-00000000.npy", "snapshots/p-q-00000010.npy"),
                    s.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList());
        }
    }

    @Test
    void reopenNeedsAScenario() {
        assertEquals(dir + " has no scenario.yaml", assertThrows(IOException.class, () -> RunDirectory.reopen(dir, 3)).getMessage());
    }
}
