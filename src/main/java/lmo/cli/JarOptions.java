package lmo.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lmo.model.game.UserPayoffs;
import picocli.CommandLine.Option;

/**
 * {@code --jar PATH} (repeatable): jars holding user classes: a game payoff ({@code payoff: {type: class}}) or model
 * families ({@code META-INF/services/lmo.family.ModelFamily}).
 */
final class JarOptions {

    @Option(names = "--jar", paramLabel = "PATH",
            description = "jar with user classes: a game payoff or model families (repeatable; every JVM of a cluster run"
                    + " needs the same jars)")
    List<Path> jars = new ArrayList<>();

    /** Makes the jars the process-wide ones; the problem with them, or null. */
    String apply() {
        try {
            UserPayoffs.useJars(jars);
            return null;
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
