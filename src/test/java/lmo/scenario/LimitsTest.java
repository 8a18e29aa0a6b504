package lmo.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sizes are bounded by what the engine's arrays hold, and an error names the size to lower with its real bound
 * given the others.
 */
class LimitsTest {
    @TempDir Path dir;

    private static final String POSITIONS = "count x (dim + 1) doubles (positions, masses) must fit one Java array of"
            + " at most 2147483639 elements";

    @Test
    void aPopulationHoldsCountTimesDimPlusOneDoubles() throws Exception {
        Path x = Scenarios.write(dir, "x.yaml", Scenarios.TORUS);
        assertEquals("--set populations.p.count: must be between 1 and 1073741819, got 2147483647 (" + POSITIONS + ")",
                Scenarios.error(x, "populations.p.count=2147483647"));
        assertEquals("--set populations.p.count: must be between 1 and 1073741819, got 1e30 (" + POSITIONS + ")",
                Scenarios.error(x, "populations.p.count=1e30"), "beyond a long too");
        assertEquals(1073741819, Scenarios.load(x, "populations.p.count=1073741819", "populations.p.init={type: uniform}")
                .populations().get("p").count(), "the bound itself is accepted");
        assertEquals("--set populations.p.space.dim: must be between 1 and 21474835, got 2000000000 (" + POSITIONS + ")",
                Scenarios.error(x, "populations.p.space.dim=2000000000", "populations.p.init={type: uniform}"),
                "the larger size is named, with its bound for count 100");
        assertEquals("--set populations.p.count: must be >= 1, got 0", Scenarios.error(x, "populations.p.count=0"));
    }

    @Test
    void anOtPopulationAlsoHoldsItsPotentials() throws Exception {
        Path ot = Path.of("scenarios/ot-w1.yaml");
        assertEquals("--set populations.x.count: must be between 1 and 536870909, got 800000000 (count x (dim + 2)"
                + " doubles (positions, masses and Sinkhorn potentials) must fit one Java array of at most 2147483639"
                + " elements)", Scenarios.error(ot, "populations.x.count=800000000"));
        assertEquals("--set model.target.count: must be between 1 and 715827879, got 2000000000 (count x (dim + 1)"
                + " doubles (the samples and their weights, dim 2) must fit one Java array of at most 2147483639 elements)",
                Scenarios.error(ot, "model.target.count=2000000000"));
    }

    @Test
    void whenNoSingleSizeCanBeLoweredEnoughTheTotalIsSaid() throws Exception {
        MapReader m = MapReader.of(TreeReader.readOverride("s", "{a: 3000000000, b: 3000000000}"), "s");
        long a = m.requireSize("a", 1), b = m.requireSize("b", 1);
        ScenarioException e = assertThrows(ScenarioException.class, () -> Limits.check("a + b things must fit", 2147483639L,
                v -> (double) v[0] + v[1], Limits.of(m, "a", a, 1), Limits.of(m, "b", b, 1)));
        assertEquals("--set s.a: too large with the other sizes: they make 6000000000 elements, more than 2147483639"
                + " (a + b things must fit)", e.getMessage());
        ScenarioException one = assertThrows(ScenarioException.class, () -> Limits.check("a + b things must fit",
                2147483639L, v -> (double) v[0] + v[1], Limits.of(m, "a", a, 1), Limits.fixed(7)));
        assertEquals("--set s.a: must be between 1 and 2147483632, got 3000000000 (a + b things must fit)", one.getMessage());
    }
}
