package lmo.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import lmo.io.Npy;
import lmo.io.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import lmo.family.MmdSpec;

/**
 * Input data files ({@code init.path}, {@code model.target.file}) are resolved against the scenario's directory, must
 * exist, be .npy or .csv, and have dim or dim + 1 columns and enough rows. Errors point at the path's value
 * (line 7, column 30 in these scenarios).
 */
class InputFilesTest {
    @TempDir Path dir;

    private Path scenario(String initPath) {
        return Scenarios.write(dir, "x.yaml", Scenarios.TORUS.replace(
                "init: {type: gaussian, mean: [0.5], std: 0.05}", "init: {type: file, path: " + initPath + "}"));
    }

    private Path npy(String name, int rows, int cols) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        double[] data = new double[rows * cols];
        for (int i = 0; i < data.length; i++) data[i] = (i % 7) / 7.0;
        Npy.write(p, new Table(rows, cols, data));
        return p;
    }

    @Test
    void aRelativePathIsResolvedAgainstTheScenarioDirectory() throws Exception {
        Path data = npy("data/x.npy", 120, 1);
        Scenario s = Scenarios.load(scenario("data/x.npy"));
        assertEquals(new FileInit(data.toAbsolutePath(), 100), s.populations().get("p").init(),
                "absolute path; rows = the population count");
    }

    @Test
    void aMassColumnAndCsvFilesAreAccepted() throws Exception {
        npy("m.npy", 100, 2);
        Scenarios.load(scenario("m.npy"));
        StringBuilder csv = new StringBuilder("x\n");
        for (int i = 0; i < 100; i++) csv.append(i / 100.0).append('\n');
        Files.writeString(dir.resolve("x.csv"), csv);
        assertEquals(new FileInit(dir.resolve("x.csv"), 100), Scenarios.load(scenario("x.csv")).populations().get("p").init());
    }

    @Test
    void aMissingFileIsNamedByItsAbsolutePath() {
        Path file = scenario("nothere.npy");
        assertEquals(file + ":7:30: populations.p.init.path: file not found: " + dir.resolve("nothere.npy"),
                Scenarios.error(file));
    }

    @Test
    void aRelativePathInAnOverrideIsResolvedAgainstTheCurrentDirectory() {
        assertEquals("--set populations.p.init.path: file not found: " + Path.of("nothere.npy").toAbsolutePath(),
                Scenarios.error(scenario("x.npy"), "init.path=nothere.npy"));
    }

    @Test
    void theFileMustHaveDimOrDimPlusOneColumns() throws Exception {
        npy("x.npy", 100, 3);
        Path file = scenario("x.npy");
        assertEquals(file + ":7:30: populations.p.init.path: x.npy has 3 columns, expected 1 (positions) or 2 (positions and mass)",
                Scenarios.error(file));
    }

    @Test
    void theFileMustHaveAtLeastCountRows() throws Exception {
        npy("x.npy", 50, 1);
        Path file = scenario("x.npy");
        assertEquals(file + ":7:30: populations.p.init.path: x.npy has 50 rows, expected at least 100 (the population count)",
                Scenarios.error(file));
    }

    @Test
    void otherExtensionsMalformedFilesAndNonFiniteValuesAreRejected() throws Exception {
        Files.writeString(dir.resolve("x.txt"), "0.5\n");
        assertEquals(scenario("x.txt") + ":7:30: populations.p.init.path: expected a .npy or .csv file, got x.txt",
                Scenarios.error(scenario("x.txt")));
        Files.writeString(dir.resolve("bad.npy"), "not numpy");
        assertEquals(scenario("bad.npy") + ":7:30: populations.p.init.path: cannot read bad.npy: not a .npy file (bad magic)",
                Scenarios.error(scenario("bad.npy")));
        Npy.write(dir.resolve("nan.npy"), new Table(100, 1, new double[100]));
        double[] d = new double[100];
        d[41] = Double.NaN;
        Npy.write(dir.resolve("nan.npy"), new Table(100, 1, d));
        assertEquals(scenario("nan.npy") + ":7:30: populations.p.init.path: nan.npy row 42 column 1 is not a finite number: NaN",
                Scenarios.error(scenario("nan.npy")));
    }

    @Test
    void massesMustBeNonNegativeAndSpherePointsNonZero() throws Exception {
        double[] d = new double[200];
        java.util.Arrays.fill(d, 0.5);
        d[7] = -1;
        Npy.write(dir.resolve("m.npy"), new Table(100, 2, d));
        assertEquals(scenario("m.npy") + ":7:30: populations.p.init.path: m.npy row 4 column 2: the mass must be >= 0, got -1.0",
                Scenarios.error(scenario("m.npy")));
        Npy.write(dir.resolve("s.npy"), new Table(100, 2, new double[200]));
        Path sphere = Scenarios.write(dir, "sphere.yaml", Scenarios.TORUS.replace("type: torus, dim: 1", "type: sphere, dim: 2")
                .replace("{type: gaussian, mean: [0.5], std: 0.05}", "{type: file, path: s.npy}"));
        assertEquals(sphere + ":7:30: populations.p.init.path: s.npy row 1 is the zero vector, which has no direction on the sphere",
                Scenarios.error(sphere));
    }

    private Path samplesScenario(String target) {
        return Scenarios.write(dir, "s.yaml", Scenarios.TORUS.replace("type: torus", "type: euclidean")
                .replace("{type: sobolev, s: 1}", "{type: energy}").replace("{type: uniform}", target));
    }

    @Test
    void aSamplesTargetUsesAllRowsOrTheFirstRows() throws Exception {
        Path y = npy("y.npy", 30, 2);
        assertEquals(new SamplesTarget(y, null, 30), target(samplesScenario("{type: samples, file: y.npy}")));
        assertEquals(new SamplesTarget(y, null, 12), target(samplesScenario("{type: samples, file: y.npy, rows: 12}")));
        Path s = samplesScenario("{type: samples, file: y.npy, rows: 31}");
        assertEquals(s + ":11:46: model.target.rows: y.npy has 30 rows, asked for 31", Scenarios.error(s));
        npy("z.npy", 30, 4);
        s = samplesScenario("{type: samples, file: z.npy}");
        assertEquals(s + ":11:33: model.target.file: z.npy has 4 columns, expected 1 (positions) or 2 (positions and weight)",
                Scenarios.error(s));
    }

    private static TargetSpec target(Path file) throws ScenarioException {
        return ((MmdSpec) Scenarios.load(file).model()).target();
    }
}
