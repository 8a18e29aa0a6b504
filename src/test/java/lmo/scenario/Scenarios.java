package lmo.scenario;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test helpers: write scenario text to a file, load it, or capture the error message of loading it. */
final class Scenarios {
    private Scenarios() {}

    static Path write(Path dir, String fileName, String text) {
        try {
            return Files.writeString(dir.resolve(fileName), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path resource(String name) {
        try {
            return Path.of(Scenarios.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Scenario load(Path file, String... overrides) throws ScenarioException {
        return ScenarioLoader.load(file, List.of(overrides));
    }

    /** The message of the error loading {@code file} must raise. */
    static String error(Path file, String... overrides) {
        return assertThrows(ScenarioException.class, () -> load(file, overrides)).getMessage();
    }

    /** A valid one-population torus scenario; tests replace one of its lines to break it. */
    static final String TORUS = """
            name: t
            steps: 10
            populations:
              p:
                count: 100
                space: {type: torus, dim: 1}
                init: {type: gaussian, mean: [0.5], std: 0.05}
            model:
              type: mmd
              kernel: {type: sobolev, s: 1}
              target: {type: uniform}
            dynamics:
              type: wasserstein
              stepSize: 0.01
            """;
}
