package lmo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import lmo.io.RunLayout;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lmo analyze} on a run of 5 particles in the potential {@code kappa x^2 / 2} under the Wasserstein flow:
 * {@code J = kappa I}, the Euler chain {@code x_k = (1 - eta kappa)^k x_0} contracts at
 * {@code -ln(1 - eta kappa)/eta} per unit time, and the energy (quadratic in x) at twice that.
 */
class AnalyzeCommandTest {
    static final double KAPPA = 2, ETA = 0.01;
    static final String SCENARIO = """
            name: well
            steps: 200
            populations:
              particles:
                count: 5
                space: {type: euclidean, dim: 1}
                init: {type: gaussian, mean: [1.0], std: [0.5]}
            model:
              type: potential
              potential: {type: quadratic, kappa: 2.0}
            dynamics:
              type: wasserstein
              stepSize: 0.01
            output: {every: 10}
            """;

    @TempDir Path dir;
    Path run;

    @BeforeEach
    void runTheScenario() throws IOException {
        Path file = Files.writeString(dir.resolve("well.yaml"), SCENARIO);
        run = dir.resolve("run");
        Cli r = Cli.run("run", file.toString(), "--out", run.toString(), "--engine", "local", "-q", "--no-plots");
        assertEquals(0, r.exit(), r.err());
    }

    @Test
    void writesTheAnalysisOfTheFinalState() throws IOException {
        Cli r = Cli.run("analyze", run.toString(), "--metric", "energy");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("slowest Re(lambda)") && r.out().contains("analysis.json"), r.out());
        JsonNode a = new ObjectMapper().readTree(run.resolve(RunLayout.ANALYSIS).toFile());
        assertFalse(Files.exists(run.resolve(RunLayout.ANALYSIS + RunLayout.TMP)));
        assertEquals("positions", a.get("mode").asText());
        assertEquals(5, a.get("dim").asInt());
        assertEquals(5, a.get("eigenvalues").size());
        for (JsonNode e : a.get("eigenvalues")) {
            assertEquals(KAPPA, e.get("re").asDouble(), 1e-8);
            assertEquals(0, e.get("im").asDouble(), 1e-8);
        }
        assertEquals(KAPPA, a.get("slowestRealPart").asDouble(), 1e-8);
        assertEquals(KAPPA, a.get("traceSPerDim").asDouble(), 1e-8);
        assertEquals(5 * KAPPA, a.get("sumRealParts").asDouble(), 1e-7);
        assertEquals(ETA, a.get("stepSize").asDouble(), 0.0);
        double perUnitTime = -Math.log(1 - ETA * KAPPA) / ETA;
        assertEquals(perUnitTime, a.get("predictedDiscreteRate").asDouble(), 1e-7);
        assertEquals(KAPPA - ETA * KAPPA * KAPPA / 2, a.get("predictedDiscreteRateFirstOrder").asDouble(), 1e-7);
        JsonNode fit = a.get("fit");
        assertEquals("energy", fit.get("metric").asText());
        assertEquals(2 * perUnitTime, fit.get("rate").asDouble(), 1e-9, "the energy decays at twice the linear rate");
        assertEquals(1.0, fit.get("from").asDouble(), 1e-12, "second half of rows at t = 0, 0.1, ..., 2");
        assertEquals(2.0, fit.get("to").asDouble(), 1e-12);
        assertEquals(11, fit.get("rows").asInt());
        assertEquals(2.0, a.get("ratio").asDouble(), 1e-7);
        assertTrue(a.get("stationarityResidual").asDouble() > 0, "the particles have not reached 0 yet");
    }

    @Test
    void optionsChooseTheWindowAndTheMode() throws IOException {
        Cli r = Cli.run("analyze", run.toString(), "--metric", "energy", "--from", "0.5", "--to", "1.5",
                "--mode", "conic", "--fd-step", "1e-4");
        assertEquals(0, r.exit(), r.err());
        JsonNode a = new ObjectMapper().readTree(run.resolve(RunLayout.ANALYSIS).toFile());
        assertEquals("conic", a.get("mode").asText());
        assertEquals(9, a.get("dim").asInt(), "4 weight coordinates, then 5 positions");
        assertEquals(1e-4, a.get("fdStep").asDouble(), 0.0);
        assertEquals(11, a.get("fit").get("rows").asInt());
        assertEquals(0.5, a.get("fit").get("from").asDouble(), 1e-12);
    }

    @Test
    void badInputExitsWith2NamingTheFile() throws IOException {
        Cli missing = Cli.run("analyze", dir.resolve("nope").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("nope"), missing.err());

        Cli column = Cli.run("analyze", run.toString());
        assertEquals(2, column.exit(), "no niError in this run");
        assertTrue(column.err().contains("metrics.csv") && column.err().contains("niError"), column.err());
        assertTrue(column.err().contains("energy"), "lists the columns: " + column.err());

        Cli mode = Cli.run("analyze", run.toString(), "--metric", "energy", "--mode", "sideways");
        assertEquals(2, mode.exit());
        assertTrue(mode.err().contains("--mode"), mode.err());

        Files.delete(run.resolve(RunLayout.finalState("particles")));
        Cli npy = Cli.run("analyze", run.toString(), "--metric", "energy");
        assertEquals(2, npy.exit());
        assertTrue(npy.err().contains("final-particles.npy"), npy.err());
        assertFalse(Files.exists(run.resolve(RunLayout.ANALYSIS)), "nothing written");
    }
}
