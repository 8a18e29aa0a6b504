package lmo.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import lmo.io.RunLayout;
import lmo.plot.ComparePlot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lmo compare RUN_DIR...}: one metric of several runs overlaid on one plot. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Overlay one metric of several run directories on one PNG (legend: the run names).")
final class CompareCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "run directories")
    List<Path> dirs = new ArrayList<>();

    @Option(names = "--metric", paramLabel = "NAME", description = "a column of metrics.csv (default: the first metric)")
    String metric;

    @Option(names = "--x", paramLabel = "COLUMN", defaultValue = "time",
            description = "the horizontal axis: time (mean-field, default), step or wallSeconds")
    String x;

    @Option(names = "--out", paramLabel = "FILE.png", description = "the PNG to write (default: compare-<metric>.png)")
    Path out;

    @Override
    public Integer call() throws IOException {
        for (Path d : dirs) {
            if (!Files.isRegularFile(d.resolve(RunLayout.METRICS))) return bad(d + ": not a run directory (no metrics.csv)");
        }
        Path png = out;
        try {
            if (png == null) {
                String m = metric != null ? metric : lmo.plot.MetricsTable.read(dirs.get(0).resolve(RunLayout.METRICS)).metrics()
                        .stream().findFirst().orElse("metric");
                png = Path.of("compare-" + m.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
            }
            ComparePlot.write(dirs, metric, x, png);
        } catch (IllegalArgumentException e) {
            return bad(e.getMessage());
        }
        System.out.println(png);
        return Main.OK;
    }

    private static int bad(String message) {
        System.err.println(message);
        return Main.BAD_INPUT;
    }
}
