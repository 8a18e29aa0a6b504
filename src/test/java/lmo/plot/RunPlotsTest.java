package lmo.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lmo.io.RunLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A run directory's plots: a PNG per metric, a picture of the final state for every kind of space, position against
 * mass when the masses differ, the last good state after a divergence; all valid PNGs that ImageIO reads.
 */
class RunPlotsTest {
    @TempDir Path dir;

    private static List<String> names(List<Path> files) {
        return files.stream().map(p -> p.getFileName().toString()).sorted().toList();
    }

    @ParameterizedTest(name = "{0} dim {1}")
    @CsvSource({"torus, 1", "torus, 2", "torus, 3", "euclidean, 1", "euclidean, 2", "euclidean, 4", "sphere, 2", "sphere, 3",
        "sphere, 4"})
    void everySpaceGetsAPictureOfItsFinalState(String space, int dim) throws IOException {
        Path run = SyntheticRun.create(dir, "s", space, dim, "");
        SyntheticRun.metrics(run, 50, 0.1, t -> Math.exp(-t));
        SyntheticRun.state(run.resolve(RunLayout.finalState("p")), space, dim, 500, true);
        List<Path> files = RunPlots.write(run);
        assertEquals(List.of("energy.png", "particles-p.png"), names(files), "mass_p is constant: not plotted");
        for (Path f : files) SyntheticRun.assertPng(f);
    }

    @ParameterizedTest(name = "{0} dim {1}")
    @CsvSource({"torus, 1", "euclidean, 2", "sphere, 2"})
    void unequalMassesAddPositionAgainstMass(String space, int dim) throws IOException {
        Path run = SyntheticRun.create(dir, "w", space, dim, "");
        SyntheticRun.metrics(run, 5, 1, t -> 1 + t);
        SyntheticRun.state(run.resolve(RunLayout.finalState("p")), space, dim, 300, false);
        List<Path> files = RunPlots.write(run);
        assertEquals(List.of("energy.png", "particles-p.png", "weights-p.png"), names(files));
        for (Path f : files) SyntheticRun.assertPng(f);
    }

    @Test
    void aLargeStateIsDrawnFromEveryKthParticle() throws IOException {
        Path run = SyntheticRun.create(dir, "big", "euclidean", 2, "");
        SyntheticRun.metrics(run, 3, 1, t -> 1);
        SyntheticRun.state(run.resolve(RunLayout.finalState("p")), "euclidean", 2, 50_000, false);
        List<Path> files = RunPlots.write(run);
        assertEquals(List.of("energy.png", "particles-p.png", "weights-p.png"), names(files));
        for (Path f : files) SyntheticRun.assertPng(f);
    }

    @Test
    void aDivergedRunIsPlottedFromItsLastGoodState() throws IOException {
        Path run = SyntheticRun.create(dir, "d", "torus", 1, "");
        SyntheticRun.metrics(run, 3, 1, t -> t == 2 ? Double.NaN : 1);
        SyntheticRun.state(run.resolve(RunLayout.lastGoodState("p")), "torus", 1, 100, true);
        assertEquals(List.of("energy.png", "particles-p.png"), names(RunPlots.write(run)));
    }

    @Test
    void aChangingMassIsPlottedAndATornLastRowIsIgnored() throws IOException {
        Path run = SyntheticRun.create(dir, "m", "torus", 1, "");
        Files.writeString(run.resolve(RunLayout.METRICS), "step,wallSeconds,time,energy,mass_p\n0,0.1,0.0,1.0,1.0\n1,0.2,0.5,0.5,0.9\n2,0.3,1.");
        MetricsTable t = MetricsTable.read(run.resolve(RunLayout.METRICS));
        assertEquals(2, t.rows());
        assertEquals(List.of("energy", "mass_p"), t.metrics());
        assertEquals(List.of("energy.png", "mass_p.png"), names(RunPlots.write(run)));
        assertFalse(Files.exists(run.resolve(RunLayout.PLOTS).resolve(RunLayout.FITS)), "no fit asked for, no fits.json");
    }

    @Test
    void aDirectoryWithoutMetricsIsNotARunDirectory() {
        IOException e = assertThrows(IOException.class, () -> RunPlots.write(dir));
        assertTrue(e.getMessage().contains("no metrics.csv"), e.getMessage());
    }

    @Test
    void logAxesAreForValuesSpanningTwoDecadesOrMore() {
        assertTrue(Charts.spansDecades(new double[] {2e-2, 1e-3, 1.7e-7}));
        assertTrue(Charts.spansDecades(new double[] {0.01, 0.1, 1}));
        assertFalse(Charts.spansDecades(new double[] {0.02, 0.1, 1}));
        assertFalse(Charts.spansDecades(new double[] {-1, 1e-3, 1e3}), "a value <= 0 keeps the axis linear");
        assertTrue(Charts.spansDecades(new double[] {Double.NaN, 1e-3, 1e3}), "non-finite values are ignored");
    }
}
