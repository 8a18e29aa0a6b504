package lmo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sweep parameters: comma-separated scalars, or a YAML flow sequence when values are lists (or anything with a
 * comma); the grid is their cartesian product, the first parameter varying slowest, each point named from its values.
 */
class SweepGridTest {

    private static List<String> yaml(SweepGrid.Param p) {
        return p.values().stream().map(SweepGrid.Value::yaml).toList();
    }

    @Test
    void commaSeparatedScalarsAreTakenAsWritten() {
        SweepGrid.Param p = SweepGrid.parse("dynamics.stepSize=0.01, 2e-2,0.04");
        assertEquals("dynamics.stepSize", p.path());
        assertEquals(List.of("0.01", "2e-2", "0.04"), yaml(p));
    }

    @Test
    void aFlowSequenceGivesOneValuePerItemWrittenBackAsYaml() {
        assertEquals(List.of("[0.3]", "[0.5]"), yaml(SweepGrid.parse("init.mean=[[0.3],[0.5]]")));
        assertEquals(List.of("0.01", "0.02"), yaml(SweepGrid.parse("dynamics.stepSize=[0.01, 0.02]")));
        SweepGrid.Param kernels = SweepGrid.parse("model.kernel=[{type: gaussian, sigma: 0.1}, {type: energy}]");
        assertEquals(List.of("{type: gaussian, sigma: 0.1}", "{type: energy}"), yaml(kernels));
        assertEquals(List.of("\"a: b\"", "plain"), yaml(SweepGrid.parse("description=['a: b', plain]")));
        assertEquals("a: b", SweepGrid.parse("description=['a: b']").values().get(0).label(), "labels are unquoted");
    }

    @Test
    void badParametersAreRejectedWithTheOption() {
        assertEquals("--param stepSize: an empty value in '0.1,,0.2'",
                assertThrows(IllegalArgumentException.class, () -> SweepGrid.parse("stepSize=0.1,,0.2")).getMessage());
        assertEquals("--param x: not a YAML flow sequence: [1, 2",
                assertThrows(IllegalArgumentException.class, () -> SweepGrid.parse("x=[1, 2")).getMessage());
        assertEquals("--param x: no values", assertThrows(IllegalArgumentException.class, () -> SweepGrid.parse("x=[]")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> SweepGrid.parse("0.1,0.2"));
    }

    @Test
    void theGridIsTheCartesianProductFirstParameterSlowest() {
        List<SweepGrid.Point> grid = SweepGrid.grid(List.of(SweepGrid.parse("dynamics.stepSize=0.01,0.02,0.04"),
                SweepGrid.parse("init.mean=[[0.3], [0.5]]")));
        assertEquals(6, grid.size());
        assertEquals(List.of("dynamics.stepSize=0.01", "init.mean=[0.3]"), grid.get(0).overrides());
        assertEquals(List.of("dynamics.stepSize=0.01", "init.mean=[0.5]"), grid.get(1).overrides());
        assertEquals(List.of("dynamics.stepSize=0.04", "init.mean=[0.5]"), grid.get(5).overrides());
        assertEquals("dynamics.stepSize=0.02, init.mean=[0.3]", grid.get(2).describe());
        assertEquals("2-stepSize=0.02_mean=0.3", grid.get(2).dirName(6));
        assertEquals("02-stepSize=0.02_mean=0.3", grid.get(2).dirName(12), "indices padded to sort");
    }

    @Test
    void pointDirectoryNamesAreSafeFileNamesWhateverTheValues() {
        SweepGrid.Param hostile = SweepGrid.parse("name=['../../x', 'a/b', \"a\\0b\", '.hidden', 'é ü', '"
                + "x".repeat(300) + "', 'C:\\\\x', \"line\\nbreak\"]");
        java.util.regex.Pattern safe = java.util.regex.Pattern.compile("[0-9][A-Za-z0-9._=+-]{0,99}");
        List<SweepGrid.Point> grid = SweepGrid.grid(List.of(hostile, SweepGrid.parse("seed=1,2")));
        java.util.Set<String> names = new java.util.HashSet<>();
        for (SweepGrid.Point p : grid) {
            String n = p.dirName(grid.size());
            assertTrue(safe.matcher(n).matches(), n);
            assertTrue(names.add(n), "distinct: " + n);
        }
        assertEquals("00-name=.._.._x_seed=1", grid.get(0).dirName(grid.size()), "no separator survives");
    }
}
