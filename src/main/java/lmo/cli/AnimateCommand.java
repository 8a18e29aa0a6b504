package lmo.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import lmo.io.RunLayout;
import lmo.plot.Animation;
import lmo.plot.RunInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lmo animate RUN_DIR}: an animated GIF of one population's particle picture over the run's snapshots and
 * final state (or, without snapshots, its trajectories), with the axes fixed over the whole run ({@link Animation}).
 * Exits 2, writing nothing, for a directory without scenario.yaml, an unknown population, a run without snapshots or
 * trajectories of the population, or an {@code --fps} outside (0, 100].
 */
@Command(name = "animate", mixinStandardHelpOptions = true,
        description = "Write an animated GIF of a population's particles over the run's snapshots and final state"
                + " (run with --set output.snapshotEvery=K), or its trajectories.")
final class AnimateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "a run directory")
    Path dir;

    @Option(names = "--population", paramLabel = "P", description = "the population (default: the scenario's first)")
    String population;

    @Option(names = "--fps", paramLabel = "F", defaultValue = "10",
            description = "frames per second, more than 0 and at most 100 (default: ${DEFAULT-VALUE})")
    double fps;

    @Option(names = "--out", paramLabel = "FILE.gif",
            description = "the GIF to write (default: RUN_DIR/plots/animation-<population>.gif)")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (!(fps > 0 && fps <= 100)) {
            return bad("--fps: expected a number of frames per second above 0 and at most 100 (GIF delays are in"
                    + " hundredths of a second), got " + fps);
        }
        if (!Files.isDirectory(dir) || !Files.isRegularFile(dir.resolve(RunLayout.SCENARIO))) {
            return bad(dir + ": not a run directory (no " + RunLayout.SCENARIO + ")");
        }
        String pop = population;
        if (pop == null) {
            pop = RunInfo.read(dir).spaces().keySet().stream().findFirst().orElse(null);
            if (pop == null) return bad(dir.resolve(RunLayout.SCENARIO) + ": no populations");
        }
        Path gif = out != null ? out : Animation.defaultFile(dir, pop);
        try {
            Animation.Result r = Animation.write(dir, pop, fps, gif);
            System.out.println(r.file());
        } catch (IllegalArgumentException e) {
            return bad(e.getMessage());
        } catch (IOException e) {
            return bad(dir + ": " + e.getMessage());
        }
        return Main.OK;
    }

    private static int bad(String message) {
        System.err.println(message);
        return Main.BAD_INPUT;
    }
}
