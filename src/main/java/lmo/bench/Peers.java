package lmo.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The peers' figures of a {@code raw.jsonl} that the shared {@code run_all.sh} writes (one JSON object a line:
 * {@code {"workload", "env", "results": [...]}}), matched to lmo's figures. The peer of a row is, among the results of
 * its workload and size, the fastest (least time per iteration or step) of:
 * <ul>
 *   <li>W1: {@code pot_sinkhorn} (POT's dense kernel Sinkhorn, NumPy). Its time to the tolerance is
 *       {@code setup_s + k per_iter_ms}, k the iterations plain Sinkhorn needs (lmo's plain run: POT's iteration);</li>
 *   <li>W3: the NumPy float64 rows ({@code numpy}, {@code numpy_inplace}); its loss after the steps from a row of the
 *       same steps;</li>
 *   <li>W4: {@code numpy_f64}; its final MMD^2 from a row of the same steps.</li>
 * </ul>
 * Other workloads (W2, W5) and rows are ignored.
 */
public final class Peers {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A peer's figure, the row it comes from ({@code pot_sinkhorn}, {@code numpy_inplace f64}, ...) and the share of
     * the machine other processes used while that row was measured ({@code other_cpu_frac}; NaN if absent).
     */
    public record Peer(double value, String row, double otherCpu) {
        Peer(JsonNode from, double value, String row) {
            this(value, row, from.path("other_cpu_frac").asDouble(Double.NaN));
        }
    }

    private record Result(String workload, JsonNode row) {}

    private final List<Result> results;

    private Peers(List<Result> results) { this.results = results; }

    /** No peers: every lookup is null. */
    public static final Peers NONE = new Peers(List.of());

    /**
     * Reads a raw.jsonl.
     *
     * @throws IOException naming the file and line of a line that is not such an object
     */
    public static Peers read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            String where = file + ":" + (i + 1) + ": ";
            JsonNode line;
            try {
                line = JSON.readTree(lines.get(i));
            } catch (JsonProcessingException e) {
                throw new IOException(where + "not JSON: " + e.getOriginalMessage());
            }
            if (!line.path("workload").isTextual() || !line.path("results").isArray()) {
                throw new IOException(where + "expected an object with \"workload\" and \"results\" (a line of the peers' raw.jsonl)");
            }
            for (JsonNode r : line.get("results")) results.add(new Result(line.get("workload").asText(), r));
        }
        return new Peers(results);
    }

    /** The number of result rows read. */
    public int size() { return results.size(); }

    /**
     * The peer of lmo's figure {@code f}, or null if the file has none.
     *
     * @param sameSize the figures of the same workload and size (W1's time to the tolerance needs its iterations)
     */
    public Peer of(Figure f, List<Figure> sameSize) {
        return switch (f.workload()) {
            case "W1" -> sinkhorn(f, sameSize);
            case "W3" -> network(f);
            case "W4" -> mmd(f);
            default -> null;
        };
    }

    private Peer sinkhorn(Figure f, List<Figure> sameSize) {
        JsonNode row = fastest("W1_sinkhorn", r -> r.path("n").asInt() == f.size()
                && r.path("method").asText().equals("pot_sinkhorn"), "per_iter_ms");
        if (row == null) return null;
        double perIteration = row.path("per_iter_ms").asDouble(Double.NaN);
        return switch (f.key()) {
            case "msPerIteration" -> new Peer(row, perIteration, "pot_sinkhorn (" + row.path("iters").asInt() + " it.)");
            case "secondsToTolerance" -> {
                double k = sameSize.stream().filter(g -> g.key().equals("plainIterationsToTolerance")).findFirst()
                        .or(() -> sameSize.stream().filter(g -> g.key().equals("iterationsToTolerance")).findFirst())
                        .map(Figure::median).orElse(Double.NaN);
                yield new Peer(row, row.path("setup_s").asDouble(Double.NaN) + 1e-3 * perIteration * k,
                        String.format(Locale.ROOT, "pot_sinkhorn (setup + %.0f it.)", k));
            }
            default -> null;
        };
    }

    private Peer network(Figure f) {
        Predicate<JsonNode> numpy64 = r -> r.path("N").asInt() == f.size() && r.path("impl").asText().startsWith("numpy")
                && r.path("dtype").asText().equals("f64");
        JsonNode row = f.key().equals("lossFinal")
                ? fastest("W3_meanfield_relu", numpy64.and(r -> r.path("steps").asInt() == NetworkWorkload.steps(f.size())), "per_step_ms")
                : fastest("W3_meanfield_relu", numpy64, "per_step_ms");
        if (row == null) return null;
        String name = row.path("impl").asText() + " f64";
        return switch (f.key()) {
            case "msPerStep" -> new Peer(row, row.path("per_step_ms").asDouble(Double.NaN), name);
            case "lossInit" -> new Peer(row, row.path("loss_init").asDouble(Double.NaN), name);
            case "lossFinal" -> new Peer(row, row.path("loss_final").asDouble(Double.NaN), name + " (" + row.path("steps").asInt() + " steps)");
            default -> null;
        };
    }

    private Peer mmd(Figure f) {
        Predicate<JsonNode> numpy64 = r -> r.path("N").asInt() == f.size() && r.path("impl").asText().equals("numpy_f64");
        JsonNode row = f.key().equals("mmd2Final")
                ? fastest("W4_mmd_flow", numpy64.and(r -> r.path("steps").asInt() == MmdWorkload.steps(f.size())), "per_step_ms")
                : fastest("W4_mmd_flow", numpy64, "per_step_ms");
        if (row == null) return null;
        String name = "numpy_f64 (block " + row.path("block").asInt() + ")";
        String field = switch (f.key()) {
            case "msPerStep" -> "per_step_ms";
            case "pairEvaluationsPerSecond" -> "pair_evals_per_s";
            case "mmd2Init" -> "mmd2_init";
            case "grad0Rms" -> "grad0_rms";
            case "mmd2Final" -> "mmd2_final";
            default -> null;
        };
        return field == null ? null : new Peer(row, row.path(field).asDouble(Double.NaN), name);
    }

    /** Of the results of {@code workload} that {@code match}, the one with the least {@code time}; null if none. */
    private JsonNode fastest(String workload, Predicate<JsonNode> match, String time) {
        return results.stream().filter(r -> r.workload().equals(workload) && match.test(r.row())).map(Result::row)
                .min(Comparator.comparingDouble(r -> r.path(time).asDouble(Double.POSITIVE_INFINITY))).orElse(null);
    }
}
