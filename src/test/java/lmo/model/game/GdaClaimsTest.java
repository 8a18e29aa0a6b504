package lmo.model.game;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import lmo.actor.ActorEngine;
import lmo.engine.LocalEngine;
import lmo.engine.Recorder;
import lmo.engine.RunOutcome;
import lmo.engine.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Conic particle descent–ascent ({@code gda}) on the games of papers/games.md: Example 4.1's equilibrium is a
 * fixed point of every variant; on the generic variant CP-MDA converges and fixed support does not (§3.2); CP-MP
 * and alternating players are the authors' updates (§2.2) transcribed inline.
 */
class GdaClaimsTest {
    @TempDir Path dir;

    private static final double[] HALF = {0.5, 0.5};

    @ParameterizedTest
    @ValueSource(doubles = {0, 0.5})
    void theExactEquilibriumIsAFixedPointOfEveryVariant(double epsilon) throws Exception {
        double[] m = GameRuns.MNE;
        for (String variant : GameRuns.VARIANTS) {
            Simulation sim = GameRuns.example41(dir, epsilon, variant, 1e-3, 4e-3, 200,
                    new double[] {m[0], m[1]}, HALF, new double[] {m[2], m[3]}, HALF, "output: {every: 50}\n");
            Recorder rec = new Recorder();
            assertEquals(RunOutcome.Status.COMPLETED, LocalEngine.run(sim, rec).status(), variant);
            for (double[] row : rec.rows) {
                assertTrue(row[rec.columns.indexOf("niError")] < 1e-9, variant + ": niError " + row[0]);
            }
            assertArrayEquals(new double[] {m[0], m[1]}, rec.last.x()[0], 1e-13, variant);
            assertArrayEquals(new double[] {m[2], m[3]}, rec.last.x()[1], 1e-13, variant);
            assertArrayEquals(HALF, rec.last.m()[0], 1e-13, variant);
            assertArrayEquals(HALF, rec.last.m()[1], 1e-13, variant);
        }
    }

    /** The start of the game-generic.yaml: positions 0.01 off, weights (.4, .6) and (.6, .4). */
    private Simulation generic(String variant, double eta, int steps) throws Exception {
        return GameRuns.example41(dir, 0.5, variant, eta, eta, steps, new double[] {0.385, 0.865},
                new double[] {0.4, 0.6}, new double[] {0.135, 0.615}, new double[] {0.6, 0.4},
                "output: {every: " + steps / 100 + "}\n");
    }

    @Test
    void onTheGenericGameConicDescentAscentConvergesAndFixedSupportDoesNot() throws Exception {
        // eta = 5e-3 for t = 400: predicted NI ~ 0.76 exp(-(0.0495 - eta |lambda|^2 / 2) t) ~ 1e-7
        Recorder conic = new Recorder();
        LocalEngine.run(generic("cp-mda conic simultaneous", 5e-3, 80_000), conic);
        int ni = conic.columns.indexOf("niError");
        double start = conic.rows.get(0)[ni];
        double end = conic.rows.get(conic.rows.size() - 1)[ni];
        assertTrue(start > 0.5, "start NI " + start);
        assertTrue(end < 1e-6, "conic cp-mda: NI " + start + " -> " + end);

        Recorder fixed = new Recorder();
        LocalEngine.run(generic("cp-mda weights simultaneous", 5e-3, 80_000), fixed);
        double fixedStart = fixed.rows.get(0)[ni];
        for (double[] row : fixed.rows) {
            assertTrue(row[ni] >= 0.5 * fixedStart, "fixed support: NI " + fixedStart + " -> " + row[ni]);
        }
    }

    @Test
    void cpMdaIsWfrWithConservedMassBitForBit() throws Exception {
        Simulation gda = GameRuns.fourier(dir, "cp-mda conic simultaneous", "features", 30, 2, 4);
        Simulation wfr = GameRuns.build(dir, GameRuns.fourierYaml(
                "dynamics: {type: wfr, stepSize: 0.01, massStepSize: 0.05, conserveMass: true}\n", "features", 30, 2, 4));
        assertEquals(LocalEngine.run(gda, new Recorder()).stateSha256(), LocalEngine.run(wfr, new Recorder()).stateSha256());
    }

    @Test
    void cpMpIsTheAuthorsMirrorProxStep() throws Exception {
        double eta = 1e-3, etaM = 4e-2, eps = 0.5; // the authors' step sizes (papers/games.md §2.4)
        int steps = 300;
        double[] x = {0.385, 0.865}, a = {0.4, 0.6}, y = {0.135, 0.615}, b = {0.6, 0.4};
        Recorder rec = new Recorder();
        LocalEngine.run(GameRuns.example41(dir, eps, "cp-mp conic simultaneous", eta, etaM, steps, x, a, y, b,
                "engine: {shards: 2, blockSize: 1}\noutput: {every: 100}\n"), rec);
        for (int k = 0; k < steps; k++) {
            double[][] ghost = Example41Inline.substep(eps, eta, etaM, x, a, y, b, x, a, y, b);
            double[][] next = Example41Inline.substep(eps, eta, etaM, x, a, y, b, ghost[0], ghost[1], ghost[2], ghost[3]);
            x = next[0]; a = next[1]; y = next[2]; b = next[3];
        }
        assertArrayEquals(x, rec.last.x()[0], 1e-13);
        assertArrayEquals(a, rec.last.m()[0], 1e-13);
        assertArrayEquals(y, rec.last.x()[1], 1e-13);
        assertArrayEquals(b, rec.last.m()[1], 1e-13);
    }

    @Test
    void alternatingWeightsAreMirrorDescentOnTheFiniteGameOnePlayerAfterTheOther() throws Exception {
        double etaM = 0.05, eps = 0.5;
        int steps = 200;
        double[] x = {0.3, 0.9}, a = {0.4, 0.6}, y = {0.2, 0.6}, b = {0.7, 0.3};
        Recorder rec = new Recorder();
        LocalEngine.run(GameRuns.example41(dir, eps, "cp-mda weights alternating", 0.01, etaM, steps, x, a, y, b,
                "output: {every: 100}\n"), rec);
        double[][] g = new double[2][2];
        for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) g[i][j] = Example41Inline.f(eps, x[i], y[j]);
        for (int k = 0; k < steps; k++) {
            double[] na = new double[2], nb = new double[2];
            for (int i = 0; i < 2; i++) na[i] = a[i] * Math.exp(-etaM * (g[i][0] * b[0] + g[i][1] * b[1]));
            a = Example41Inline.normalised(na);
            for (int j = 0; j < 2; j++) nb[j] = b[j] * Math.exp(etaM * (a[0] * g[0][j] + a[1] * g[1][j]));
            b = Example41Inline.normalised(nb);
        }
        assertArrayEquals(a, rec.last.m()[0], 1e-14);
        assertArrayEquals(b, rec.last.m()[1], 1e-14);
        assertArrayEquals(x, rec.last.x()[0], 0.0, "fixed support");
    }

    @Test
    void theStateDoesNotDependOnShardsForAnyVariantOrPath() throws Exception {
        for (String path : new String[] {"features", "gathered"}) {
            for (String variant : GameRuns.VARIANTS) {
                String one = LocalEngine.run(GameRuns.fourier(dir, variant, path, 12, 1, 4), new Recorder()).stateSha256();
                String three = LocalEngine.run(GameRuns.fourier(dir, variant, path, 12, 3, 4), new Recorder()).stateSha256();
                assertEquals(one, three, variant + ", " + path);
            }
        }
        String local = LocalEngine.run(GameRuns.fourier(dir, "cp-mp conic simultaneous", "features", 12, 1, 4),
                new Recorder()).stateSha256();
        String actors = ActorEngine.run(GameRuns.fourier(dir, "cp-mp conic simultaneous", "features", 12, 3, 4),
                new Recorder()).stateSha256();
        assertEquals(local, actors);
    }

    @Test
    void niErrorIsNeverBelowTheParticlesOwnErrorWhenTheAtomsAreOffTheGrid() throws Exception {
        // f = -cos 2 pi (x - 0.53) + cos 2 pi (y - 0.03): the pure equilibrium (0.53, 0.03) is between the points of
        // a grid of 8, so the grid alone sees min V > -1 and max U < 1 and would report NI < 0
        double cx = 2 * Math.PI * 0.53, cy = 2 * Math.PI * 0.03;
        String yaml = "steps: 3\npopulations:\n"
                + "  x: {count: 1, space: {type: torus, dim: 1}, init: {type: list, positions: [[0.53]]}}\n"
                + "  y: {count: 1, space: {type: torus, dim: 1}, init: {type: list, positions: [[0.03]]}}\n"
                + "model: {type: game, niError: {grid: 8}, payoff: {type: fourier, coefficients: ["
                + "{k: [1], l: [0], re: " + -Math.cos(cx) + ", im: " + Math.sin(cx) + "}, "
                + "{k: [0], l: [1], re: " + Math.cos(cy) + ", im: " + -Math.sin(cy) + "}]}}\n"
                + GameRuns.dynamics("cp-mda conic simultaneous", 1e-3, 1e-3) + "output: {every: 1}\n";
        Recorder rec = new Recorder();
        LocalEngine.run(GameRuns.build(dir, yaml), rec);
        int ni = rec.columns.indexOf("niError");
        for (double[] row : rec.rows) assertEquals(0, row[ni], 1e-12, "a pure equilibrium: NI = 0");
    }
}
