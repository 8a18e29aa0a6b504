package lmo.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import lmo.io.RunLayout;
import lmo.scenario.FitSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fit is a least-squares line in log coordinates: exact laws come out exact (to 1e-9), only the window is used,
 * and too few points give no slope rather than a wrong one.
 */
class FitTest {
    @TempDir Path dir;

    private static double[] times(int n, double dt) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) t[i] = i * dt;
        return t;
    }

    @Test
    void anExactPowerLawGivesItsExponentAndPrefactor() {
        double[] t = times(201, 20);
        double[] y = new double[t.length];
        for (int i = 0; i < t.length; i++) y[i] = 3e-5 * Math.pow(t[i], -2.49);
        Fit f = Fit.of(new FitSpec("energy", "power", 400, 4000), t, y);
        assertEquals(-2.49, f.slope(), 1e-9);
        assertEquals(3e-5, f.prefactor(), 3e-5 * 1e-9);
        assertEquals(1.0, f.r2(), 1e-12);
        assertEquals(181, f.points(), "t = 400, 420, ..., 4000");
        assertEquals(3e-5 * Math.pow(1000, -2.49), f.at(1000), 1e-9 * f.at(1000));
    }

    @Test
    void anExactExponentialGivesItsRate() {
        double[] t = times(401, 0.01);
        double[] y = new double[t.length];
        for (int i = 0; i < t.length; i++) y[i] = 0.02 * Math.exp(-2.0101 * t[i]);
        Fit f = Fit.of(new FitSpec("energy", "exponential", 0, 4), t, y);
        assertEquals(-2.0101, f.slope(), 1e-9);
        assertEquals(0.02, f.prefactor(), 0.02 * 1e-9);
        assertEquals(401, f.points(), "t = 0 counts for an exponential");
        assertTrue(f.label().startsWith("exponential fit: rate -2.01"), f.label());
    }

    @Test
    void onlyTheWindowIsFittedAndTimeZeroIsLeftOutOfAPowerLaw() {
        double[] t = times(101, 1);
        double[] y = new double[t.length];
        for (int i = 0; i < t.length; i++) y[i] = t[i] >= 10 && t[i] <= 50 ? Math.pow(t[i], -3) : 5 / (1 + t[i]);
        assertEquals(-3, Fit.of(new FitSpec("energy", "power", 10, 50), t, y).slope(), 1e-9);
        assertEquals(10, Fit.of(new FitSpec("energy", "power", 0, 10), t, y).points(), "t = 1..10, not 0");
    }

    @Test
    void fewerThanTwoPointsGiveNoSlope() {
        Fit f = Fit.of(new FitSpec("energy", "power", 5, 5.5), times(10, 1), new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        assertFalse(f.ok());
        assertEquals(1, f.points());
        assertTrue(Double.isNaN(f.slope()));
        assertTrue(f.label().contains("n/a (1 points)"), f.label());
    }

    @Test
    void fitsJsonOfASyntheticRunHoldsTheExactSlopeAndRate() throws Exception {
        Path run = SyntheticRun.create(dir.resolve("run"), "synthetic", "torus", 1, """
                  fit:
                    - {metric: energy, law: power, from: 400, to: 4000}
                    - {metric: energy, law: exponential, from: 0, to: 100}
                    - {metric: energy, law: power, from: 1e9, to: 2e9}
                """);
        SyntheticRun.metrics(run, 300, 20, t -> 7e-3 * Math.pow(t, -2.5));
        RunPlots.write(run);
        JsonNode fits = new ObjectMapper().readTree(run.resolve(RunLayout.PLOTS).resolve(RunLayout.FITS).toFile());
        assertEquals(3, fits.size());
        assertEquals("power", fits.get(0).get("law").asText());
        assertEquals(-2.5, fits.get(0).get("slope").asDouble(), 1e-9);
        assertEquals(7e-3, fits.get(0).get("prefactor").asDouble(), 7e-3 * 1e-9);
        assertEquals(181, fits.get(0).get("points").asInt());
        assertTrue(fits.get(2).get("slope").isNull(), "no point in the window: null, not a number");
        SyntheticRun.assertPng(run.resolve(RunLayout.PLOTS).resolve("energy.png"));

        Path exp = SyntheticRun.create(dir.resolve("exp"), "exp", "torus", 1,
                "  fit:\n    - {metric: energy, law: exponential, from: 0.5, to: 3}\n");
        SyntheticRun.metrics(exp, 41, 0.1, t -> 0.02 * Math.exp(-2 * t));
        RunPlots.write(exp);
        JsonNode rate = new ObjectMapper().readTree(exp.resolve(RunLayout.PLOTS).resolve(RunLayout.FITS).toFile()).get(0);
        assertEquals(-2, rate.get("slope").asDouble(), 1e-9);
        assertEquals(26, rate.get("points").asInt(), "t = 0.5, 0.6, ..., 3.0");
    }
}
