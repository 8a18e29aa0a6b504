package lmo.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import lmo.io.Npy;
import lmo.io.Table;
import lmo.model.game.FourierPayoff;
import lmo.model.game.GameModel;
import lmo.model.game.QuadraticPayoff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import lmo.family.GameSpec;
import lmo.family.PayoffSpec;

/** {@code model.type: game}: the payoffs bind to the documented objects, round-trip, and bad games name the key. */
class GameScenarioTest {
    @TempDir Path dir;

    /** Example 4.1 at its equilibrium (a valid game; tests replace lines). */
    static final String GAME = """
            name: g
            steps: 10
            populations:
              y:
                count: 2
                space: {type: torus, dim: 1}
                init: {type: list, positions: [[0.125], [0.625]]}
              x:
                count: 2
                space: {type: torus, dim: 1}
                init: {type: list, positions: [[0.375], [0.875]]}
            model:
              type: game
              payoff: {type: example-4.1, epsilon: 0.5}
            dynamics:
              type: wfr
              stepSize: 0.001
              massStepSize: 0.04
            """;

    private Scenario load(String text) throws Exception {
        return Scenarios.load(Scenarios.write(dir, "game.yaml", text));
    }

    private GameModel model(String text) throws Exception {
        return (GameModel) Assembler.build(load(text)).model();
    }

    private void assertRoundTrip(String text) throws Exception {
        Scenario s = load(text);
        String yaml = s.toYaml();
        Scenario again = Scenarios.load(Scenarios.write(dir, "resolved.yaml", yaml));
        assertEquals(s, again, yaml);
        assertEquals(yaml, again.toYaml());
    }

    @Test
    void example41BindsWithDefaultsAndPlayersByName() throws Exception {
        Scenario s = load(GAME);
        assertEquals(new GameSpec(new PayoffSpec.Example41(0.5), "features", 512, 32, 200), s.model());
        GameModel m = model(GAME);
        assertEquals(0, m.xPopulation(), "populations are in name order: x is 0");
        assertEquals(1, m.yPopulation());
        assertEquals(GameModel.Path.FEATURES, m.path());
        assertArrayEquals(FourierPayoff.example41(0.5).coefficients(), ((FourierPayoff) m.payoff()).coefficients());
        assertEquals(java.util.List.of("niError", "localNiError", "value", "entropyX", "entropyY", "flowNorm"), m.metricNames());
        assertRoundTrip(GAME);
        assertRoundTrip(GAME.replace("epsilon: 0.5}", "epsilon: 0.5}\n  path: gathered\n  niError: {grid: 0}"));
        assertEquals(5, model(GAME.replace("epsilon: 0.5}", "epsilon: 0.5}\n  niError: {grid: 0}")).metricNames().size());
    }

    @Test
    void listedFileAndRandomFourierCoefficients() throws Exception {
        // c_{(1),(1)} = 2 - 0.5 i, c_{(2),(0)} = -i in a K = 2 file: the same payoff as listed
        int n = 5;
        double[] c = new double[2 * n * n];
        c[2 * (3 * n + 3)] = 2;
        c[2 * (3 * n + 3) + 1] = -0.5;
        c[2 * (4 * n + 2) + 1] = -1;
        Npy.write(dir.resolve("c.npy"), new long[] {n, n, 2}, c);
        String listed = GAME.replace("{type: example-4.1, epsilon: 0.5}",
                "{type: fourier, coefficients: [{k: [1], l: [1], re: 2, im: -0.5}, {k: [2], l: [0], im: -1}]}");
        String file = GAME.replace("{type: example-4.1, epsilon: 0.5}", "{type: fourier, file: c.npy}");
        assertArrayEquals(c, ((FourierPayoff) model(listed).payoff()).coefficients());
        assertArrayEquals(c, ((FourierPayoff) model(file).payoff()).coefficients());
        assertRoundTrip(listed);
        assertRoundTrip(file);
        String random = GAME.replace("{type: example-4.1, epsilon: 0.5}", "{type: fourier, random: {order: 3, seed: 1234}}");
        assertArrayEquals(FourierPayoff.random(1, 3, 1234).coefficients(), ((FourierPayoff) model(random).payoff()).coefficients());
        assertRoundTrip(random);
        String byScenarioSeed = GAME.replace("steps: 10", "seed: 99\nsteps: 10")
                .replace("{type: example-4.1, epsilon: 0.5}", "{type: fourier, random: {order: 2}}");
        assertArrayEquals(FourierPayoff.random(1, 2, 99).coefficients(), ((FourierPayoff) model(byScenarioSeed).payoff()).coefficients());
    }

    static final String QUADRATIC = GAME.replace("{type: torus, dim: 1}", "{type: euclidean, dim: 2}")
            .replace("[[0.125], [0.625]]", "[[0.1, 0.2], [-0.3, 0.5]]").replace("[[0.375], [0.875]]", "[[1, 0], [0, 1]]")
            .replace("{type: example-4.1, epsilon: 0.5}", "{type: quadratic, P: [[2, 0], [0, 1]], B: [[1, 0.5], [0, 1]], Q: B.csv}");

    @Test
    void quadraticAndBilinearMatricesListedOrFromFiles() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("B.csv"), "1,0.5\n0.5,3\n");
        GameModel m = model(QUADRATIC);
        assertEquals(GameModel.Path.GATHERED, m.path());
        QuadraticPayoff q = assertInstanceOf(QuadraticPayoff.class, m.payoff());
        assertArrayEquals(new double[] {1, 0.5}, q.b()[0]);
        assertArrayEquals(new double[] {0.5, 3}, q.q()[1]);
        assertRoundTrip(QUADRATIC);
        String bilinear = QUADRATIC.replace("{type: quadratic, P: [[2, 0], [0, 1]], B: [[1, 0.5], [0, 1]], Q: B.csv}", "{type: bilinear, B: B.csv}");
        assertArrayEquals(new double[] {0.5, 3}, ((QuadraticPayoff) model(bilinear).payoff()).b()[1]);
        assertRoundTrip(bilinear);
    }

    /** {@code edits}: {from, to} pairs applied to {@link #GAME}, then the expected message after {@code game.yaml:LINE:COL: }. */
    private static final String[][] BAD = {
        {"  x:\n", "  a:\n", "model.type: a game needs exactly two populations named x and y, got: a, y"},
        {"{type: example-4.1, epsilon: 0.5}", "{type: fourier}",
            "model.payoff: a fourier payoff needs exactly one of coefficients, file, random, got none"},
        {"{type: example-4.1, epsilon: 0.5}", "{type: fourier, file: c.npy, random: {order: 1}}",
            "model.payoff.random: a fourier payoff needs exactly one of coefficients, file, random, got file and random"},
        {"{type: example-4.1, epsilon: 0.5}", "{type: fourier, random: {order: 1}}\n  path: fast",
            "model.path: expected one of: auto, features, gathered, got 'fast'"},
        {"{type: example-4.1, epsilon: 0.5}", "{type: quadratic, B: [[1]]}",
            "model.payoff.type: a quadratic payoff needs euclidean spaces for x and y, got x: torus of dim 1, y: torus of dim 1"},
        {"space: {type: torus, dim: 1}\n    init: {type: list, positions: [[0.375], [0.875]]", "space: {type: torus, dim: 2}\n    init: {type: list, positions: [[0.375, 0], [0.875, 0]]",
            "model.payoff.type: example-4.1 needs 1-D tori for x and y, got x: torus of dim 2, y: torus of dim 1"},
        {"space: {type: torus, dim: 1}\n    init: {type: list, positions: [[0.375], [0.875]]", "space: {type: torus, dim: 2}\n    init: {type: list, positions: [[0.375, 0], [0.875, 0]]",
            "model.payoff.type: a fourier payoff needs torus spaces of equal dim for x and y, got x: torus of dim 2, y: torus of dim 1",
            "{type: example-4.1, epsilon: 0.5}", "{type: fourier, random: {order: 1}}"},
        {"{type: example-4.1, epsilon: 0.5}", "{type: fourier, coefficients: [{k: [1, 0], l: [1]}]}",
            "model.payoff.coefficients[0].k: expected 1 integer, got 2"},
        {"{type: example-4.1, epsilon: 0.5}", "{type: fourier, random: {order: 2}}\n  niError: {grid: -1}",
            "model.niError.grid: must be >= 0, got -1"},
        {"{type: example-4.1, epsilon: 0.5}", "{type: class, class: com.example.Missing}",
            "model.payoff.class: payoff class com.example.Missing not found (no --jar given, only lmo's class path was searched)"},
        {"{type: example-4.1, epsilon: 0.5}", "{type: class, class: java.lang.String}",
            "model.payoff.class: class java.lang.String does not implement lmo.model.game.Payoff"},
        {"{type: example-4.1, epsilon: 0.5}", "{type: example-4.1}\n  population: x",
            "model.population: unknown key; expected one of: type, payoff, path, niError"},
    };

    @Test
    void badGamesNameTheKey() throws Exception {
        for (String[] bad : BAD) {
            String text = GAME;
            for (int i = 0; i + 1 < bad.length; i += 3) {
                String from = bad[i].replace("\\n", "\n"), to = bad[i + 1].replace("\\n", "\n");
                assertTrue(text.contains(from), from);
                text = text.replace(from, to);
            }
            assertErrorAt(text, bad[2]);
        }
    }

    private void assertErrorAt(String text, String message) {
        String got = Scenarios.error(Scenarios.write(dir, "game.yaml", text));
        assertTrue(got.matches(".*game\\.yaml:\\d+:\\d+: .*"), got);
        assertEquals(message, got.replaceFirst(".*game\\.yaml:\\d+:\\d+: ", ""), text);
    }

    @Test
    void badMatricesAndPaths() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("B.csv"), "1,0.5\n0.5,3\n");
        assertErrorAt(QUADRATIC.replace("B: [[1, 0.5], [0, 1]]", "B: [[1, 0.5]]"),
                "model.payoff.B: expected 2 x 2 (dim x x dim y), got 1 row");
        assertErrorAt(QUADRATIC.replace("B: [[1, 0.5], [0, 1]]", "B: B.csv").replace("P: [[2, 0], [0, 1]]", "P: [[2, 0, 1], [0, 1, 1]]"),
                "model.payoff.P[0]: expected 2 numbers, got 3");
        assertErrorAt(QUADRATIC.replace("Q: B.csv", "Q: [[1, 0], [0, 1], [1, 1]]"), "model.payoff.Q: expected 2 x 2 (dim y x dim y), got 3 rows");
        assertErrorAt(QUADRATIC.replace("P: [[2, 0], [0, 1]]", "P: [[2, 0], [1, 1]]"),
                "model.payoff.P: quadratic payoff: P must be symmetric, but entry (2,1) = 1.0 and (1,2) = 0.0");
        assertErrorAt(QUADRATIC.replace("Q: B.csv}", "Q: [[1, 0], [0, 1]]}\n  path: features"),
                "model.path: the features path needs a fourier or example-4.1 payoff, got quadratic");
        assertErrorAt(QUADRATIC.replace(", B: [[1, 0.5], [0, 1]]", ""), "model.payoff: missing required key 'B'");
        assertErrorAt(QUADRATIC.replace("Q: B.csv", "Q: nothere.csv"), "model.payoff.Q: file not found: " + dir.resolve("nothere.csv"));
        Npy.write(dir.resolve("bad.npy"), new long[] {4, 4, 2}, new double[32]);
        assertErrorAt(GAME.replace("{type: example-4.1, epsilon: 0.5}", "{type: fourier, file: bad.npy}"),
                "model.payoff.file: bad.npy: n = 4 is not (2K+1)^1 for an integer K (dim 1)");
    }
}
