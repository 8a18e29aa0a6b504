package lmo.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/scenarios.md documents every key path the loader accepts, written in backquotes as the loader spells it. */
class DocsCoverageTest {

    @Test
    void everyAcceptedKeyPathAppearsInTheReference() throws Exception {
        String doc = Files.readString(Path.of("docs/scenarios.md"));
        List<String> missing = Keys.allPaths().stream().filter(p -> !doc.contains("`" + p + "`")).collect(Collectors.toList());
        assertEquals(List.of(), missing, "key paths missing from docs/scenarios.md");
    }

    @Test
    void theRegistryCoversEverySection() {
        var paths = Keys.allPaths();
        for (String p : List.of("steps", "populations.<name>.init.density.modes[].k", "model.kernel.method",
                "model.target.from.std", "dynamics.temperature", "engine.blockSize", "output.snapshotEvery",
                "checkpoint.every")) {
            assertTrue(paths.contains(p), p);
        }
        assertTrue(paths.stream().noneMatch(p -> p.startsWith("model.target.from.path")), "no file init in target.from");
    }
}
