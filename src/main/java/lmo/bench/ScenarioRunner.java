package lmo.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Runs a scenario file as {@code bin/lmo run SCENARIO --set ... --out DIR} does, in this JVM. */
public interface ScenarioRunner {
    /**
     * Runs {@code scenario} with the {@code --set} overrides {@code sets} into the new directory {@code out}.
     *
     * @return what the completed run left
     * @throws Failed if the run did not complete (its exit code says why)
     */
    RunResult run(Path scenario, List<String> sets, Path out) throws IOException;

    /** A run that ended with another exit code than 0: the bench stops with that code. */
    final class Failed extends IOException {
        private final int exitCode;

        public Failed(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }

        public int exitCode() { return exitCode; }
    }
}
