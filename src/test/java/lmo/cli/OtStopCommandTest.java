package lmo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/lmo run} of an ot scenario that stops at its tolerance: {@code summary.json} reports the iteration it
 * stopped at ({@code finalStep}), both marginal errors at or below the tolerance, the message, and the acceleration
 * in its conventions; the accelerated default stops in under a third of the plain iterations.
 */
class OtStopCommandTest {
    @TempDir Path dir;

    JsonNode run(String name, String... extra) throws Exception {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("run", "scenarios/ot-w1.yaml", "-q",
                "--no-plots", "--set", "populations.x.count=400", "--set", "model.target.count=300", "--set",
                "model.stopAtTolerance=true", "--set", "output.every=1", "--out", dir.resolve(name).toString()));
        for (String e : extra) args.addAll(java.util.List.of("--set", e));
        Cli r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        return new ObjectMapper().readTree(dir.resolve(name).resolve("summary.json").toFile());
    }

    @Test
    void summaryJsonReportsTheStoppingIterationAndBothMarginalErrors() throws Exception {
        JsonNode fast = run("accelerated");
        JsonNode plain = run("plain", "model.solver.acceleration=off");
        for (JsonNode s : new JsonNode[] {fast, plain}) {
            long k = s.get("finalStep").asLong();
            assertTrue(k > 0 && k < 200, "stopped at " + k);
            assertTrue(s.get("message").asText().startsWith("converged at step " + k), s.get("message").asText());
            double e1 = s.get("final").get("marginalError").asDouble();
            double e2 = s.get("final").get("secondMarginalError").asDouble();
            assertTrue(e1 <= 1e-6 && e2 <= 1e-6, e1 + " " + e2);
        }
        assertTrue(fast.get("conventions").get("acceleration").asText().startsWith("over-relaxation, adaptive"));
        assertEquals("none (plain Sinkhorn)", plain.get("conventions").get("acceleration").asText());
        assertTrue(3 * fast.get("finalStep").asLong() <= plain.get("finalStep").asLong(),
                fast.get("finalStep") + " against " + plain.get("finalStep"));
        assertEquals(plain.get("final").get("cost").asDouble(), fast.get("final").get("cost").asDouble(), 1e-7,
                "the same entropic plan, to the tolerance");
    }
}
