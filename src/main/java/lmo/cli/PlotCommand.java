package lmo.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import lmo.io.RunLayout;
import lmo.plot.RunPlots;
import lmo.plot.SweepPlot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code lmo plot RUN_DIR}: (re)writes the PNGs of a run directory in {@code RUN_DIR/plots/} (as every run does at
 * its end), or of a sweep directory (one with {@code sweep.csv}) in {@code DIR/plots/}.
 */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Write the plots of a run directory (RUN_DIR/plots/*.png, fits.json) or of a sweep directory.")
final class PlotCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "a run directory (or a sweep directory)")
    Path dir;

    @Override
    public Integer call() throws IOException {
        boolean sweep = Files.isRegularFile(dir.resolve(RunLayout.SWEEP));
        if (!Files.isDirectory(dir) || !sweep && !Files.isRegularFile(dir.resolve(RunLayout.METRICS))) {
            System.err.println(dir + ": not a run directory (no metrics.csv) or a sweep directory (no sweep.csv)");
            return Main.BAD_INPUT;
        }
        for (Path p : sweep ? SweepPlot.write(dir) : RunPlots.write(dir)) System.out.println(p);
        if (sweep) {
            try {
                ResNetSweeps.reportIfResNet(dir, lmo.plot.SweepTable.read(dir.resolve(RunLayout.SWEEP)));
            } catch (Exception e) {
                System.err.println("lmo: warning: no resnet shape report: " + e.getMessage());
            }
        }
        return Main.OK;
    }
}
