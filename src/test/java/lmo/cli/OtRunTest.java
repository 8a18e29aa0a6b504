package lmo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lmo.io.RunLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an {@code ot} run directory states on its own: the conventions behind its numbers and the {@code converged}
 * flag in {@code summary.json}, whether or not the scenario gives a tolerance; and sources whose masses do not sum
 * to 1 are the same problem as their normalised masses.
 */
class OtRunTest {
    @TempDir Path dir;

    static final String[] SMALL = {"populations.x.count=300", "model.target.count=200"};

    private JsonNode run(Path scenario, String name, String... sets) throws Exception {
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("run", scenario.toString(), "--out", out.toString(), "-q"));
        for (String s : SMALL) args.addAll(List.of("--set", s));
        for (String s : sets) args.addAll(List.of("--set", s));
        Cli r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        return new ObjectMapper().readTree(out.resolve(RunLayout.SUMMARY).toFile());
    }

    @Test
    void theSummaryStatesTheCostTheTemperatureTheEntropyReferenceAndConvergence() throws Exception {
        Path w1 = Path.of("scenarios/ot-w1.yaml");
        JsonNode done = run(w1, "done");
        JsonNode c = done.get("conventions");
        assertTrue(c.get("cost").asText().startsWith("sqeuclidean |x - y|^2, normalize max"), c.toString());
        assertEquals("max", c.get("normalize").asText());
        List<String> csv = Files.readAllLines(dir.resolve("done/transport.csv"));
        assertEquals(Double.parseDouble(csv.get(1).split(",")[4]), c.get("scale").asDouble(), 0.0, "transport.csv's scale");
        assertTrue(c.get("beta").asText().contains("constant beta = 100") && c.get("beta").asText().contains("epsilon = 1/beta"));
        assertTrue(c.get("entropyReference").asText().startsWith("KL(pi | p (x) q)"), c.toString());
        assertEquals(1e-6, c.get("tolerance").asDouble(), 0.0);
        assertTrue(done.get("final").get("marginalError").asDouble() <= 1e-6);
        assertEquals(1.0, done.get("final").get("converged").asDouble(), 0.0);

        Path noTolerance = dir.resolve("no-tolerance.yaml");
        Files.writeString(noTolerance, Files.readString(w1).replace("  tolerance: 1.0e-6\n", ""));
        JsonNode early = run(noTolerance, "early", "steps=3");
        assertEquals(1e-6, early.get("conventions").get("tolerance").asDouble(), 0.0, "the default tolerance");
        assertTrue(early.get("final").get("marginalError").asDouble() > 1e-6);
        assertEquals(0.0, early.get("final").get("converged").asDouble(), 0.0, "not converged after 3 iterations");
    }

    @Test
    void sourceMassesThatDoNotSumToOneAreNormalised() throws Exception {
        Path w1 = Path.of("scenarios/ot-w1.yaml");
        JsonNode one = run(w1, "one", "steps=20").get("final");
        JsonNode five = run(w1, "five", "steps=20", "populations.x.mass=5").get("final");
        for (String metric : List.of("marginalError", "cost", "dual", "mass", "roundedCost", "suboptimality")) {
            double a = one.get(metric).asDouble(), b = five.get(metric).asDouble();
            assertEquals(a, b, 1e-12 * Math.abs(a) + 1e-15, metric);
        }
    }
}
