package lmo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import lmo.io.RunLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lmo analyze} on the shipped game scenarios, against papers/games.md: the generic variant of Example 4.1
 * has slow modes 0.0495 +- 2.025i under the conic flow (+-2i with fixed support), and niError decays at the
 * discrete rate {@code Re lambda - eta |lambda|^2 / 2}; a quadratic game's real parts add up to trace(S).
 */
class AnalyzeGameTest {
    @TempDir Path dir;

    private JsonNode analyze(Path run, String... more) throws Exception {
        String[] args = new String[2 + more.length];
        args[0] = "analyze";
        args[1] = run.toString();
        System.arraycopy(more, 0, args, 2, more.length);
        Cli r = Cli.run(args);
        assertEquals(0, r.exit(), r.err());
        return new ObjectMapper().readTree(run.resolve(RunLayout.ANALYSIS).toFile());
    }

    private Path run(String scenario, String... sets) {
        Path out = dir.resolve("run-" + dir.toFile().list().length);
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("run", scenario, "--out",
                out.toString(), "--engine", "local", "-q", "--no-plots"));
        for (String s : sets) args.addAll(java.util.List.of("--set", s));
        Cli r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        return out;
    }

    @Test
    void genericGameSlowModesAndTheFittedRateOfNiError() throws Exception {
        Path run = run("scenarios/game-generic.yaml");
        JsonNode a = analyze(run);
        assertEquals("conic", a.get("mode").asText());
        JsonNode slow = a.get("eigenvalues").get(0);
        assertEquals(0.0495, slow.get("re").asDouble(), 0.01 * 0.0495);
        assertEquals(2.025, Math.abs(slow.get("im").asDouble()), 0.01 * 2.025);
        assertEquals(-slow.get("im").asDouble(), a.get("eigenvalues").get(1).get("im").asDouble(), 1e-9);
        double fitted = a.get("fit").get("rate").asDouble();
        double predicted = a.get("predictedDiscreteRate").asDouble();
        double firstOrder = a.get("predictedDiscreteRateFirstOrder").asDouble();
        assertEquals(predicted, fitted, 0.1 * predicted, "fitted against -ln|1 - eta lambda| / eta");
        assertEquals(firstOrder, fitted, 0.1 * firstOrder, "fitted against Re lambda - eta |lambda|^2 / 2");

        JsonNode fixed = analyze(run, "--mode", "weights");
        assertEquals(2, fixed.get("dim").asInt());
        for (JsonNode e : fixed.get("eigenvalues")) {
            assertEquals(2, Math.abs(e.get("im").asDouble()), 0.01 * 2);
            assertEquals(0, e.get("re").asDouble(), 1e-3, "fixed support: no decay");
        }
    }

    @Test
    void atTheExactEquilibriumTheSlowModesAreTheDigests() throws Exception {
        Path run = run("scenarios/game-generic.yaml", "steps=1",
                "populations.x.init={type: list, positions: [[0.375], [0.875]], masses: [0.5, 0.5]}",
                "populations.y.init={type: list, positions: [[0.125], [0.625]], masses: [0.5, 0.5]}");
        JsonNode slow = analyze(run).get("eigenvalues").get(0);
        assertEquals(0.0495, slow.get("re").asDouble(), 0.001 * 0.0495);
        assertEquals(2.0254, Math.abs(slow.get("im").asDouble()), 0.001 * 2.0254);
        for (JsonNode e : analyze(run, "--mode", "weights").get("eigenvalues")) {
            assertEquals(0, e.get("re").asDouble(), 1e-6);
            assertEquals(2, Math.abs(e.get("im").asDouble()), 1e-6);
        }
    }

    @Test
    void quadraticGameRealPartsAddUpToTheTraceOfS() throws Exception {
        Path run = run("scenarios/game-quadratic-partial-curvature.yaml", "steps=10", "output.every=5");
        JsonNode a = analyze(run, "--metric", "flowNorm");
        assertEquals(0, a.get("fdStep").asDouble(), 0.0, "the exact Jacobian [[P, B], [-B', Q]]");
        assertEquals(100, a.get("dim").asInt());
        assertEquals(a.get("traceSPerDim").asDouble() * 100, a.get("sumRealParts").asDouble(), 1e-10);
        assertEquals(0.05, a.get("traceSPerDim").asDouble(), 1e-12, "the scenario's trace(S)/dim");
        assertTrue(a.get("slowestRealPart").asDouble() > 0, "partial curvature suffices");
    }
}
