package lmo.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every scenario shipped in {@code scenarios/} loads, assembles, and tells the user what to expect. */
class ShippedScenariosTest {

    static Stream<Path> shipped() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("scenarios"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() >= 6, "found " + files);
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void loadsAndAssembles(Path file) throws ScenarioException {
        Scenario s = ScenarioLoader.load(file, List.of());
        assertFalse(s.description().isBlank(), "a shipped scenario says what the user should see");
        Assembler.build(s);
    }
}
