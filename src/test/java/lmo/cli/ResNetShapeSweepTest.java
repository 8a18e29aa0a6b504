package lmo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import lmo.io.RunLayout;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ResNet shape sweep, reduced (L = 10, 15 steps, 2 seeds, coupled embeddings): references run first, every point
 * measures its embedding error against its seed's reference, and the fitted exponents of the embedding error are
 * the theory's, 1/2 in D/(LM) and -1/2 in D, each within 0.1. The reference is wide (M = 4096, D = 128) so that its
 * own error stays below the small models' in the embedding region. (The full sweep at L = 50 is a scenario run,
 * reported in docs/deep-networks.md.)
 */
@Tag("slow")
class ResNetShapeSweepTest {
    @TempDir Path dir;

    @Test
    void theEmbeddingErrorScalesLikeTheSquareRootOfDOverLMAndOneOverTheSquareRootOfD() throws Exception {
        Path out = dir.resolve("shapes");
        Cli r = Cli.run("sweep", "scenarios/resnet-shapes.yaml", "--set", "model.depth=10", "--set", "engine.shards=1",
                "--param", "model.width=1,2,4,8,16,512", "--param", "model.embedding=8,16,32,64,128", "--param", "seed=1,2",
                "--reference", "model.width=4096", "--reference", "model.embedding=128", "--engine", "local",
                "--parallel", "2", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.isDirectory(out.resolve("reference-0")) && Files.isDirectory(out.resolve("reference-1")),
                "one reference per seed");
        assertTrue(Files.readString(out.resolve("00-width=1_embedding=8_seed=1/scenario.yaml"))
                .contains("reference: " + out.resolve("reference-0").toAbsolutePath()), "points name their reference");
        assertEquals(1 + 30, Files.readAllLines(out.resolve(RunLayout.SHAPES_CSV)).size(), "a header and 30 shapes");
        JsonNode fits = new ObjectMapper().readTree(out.resolve(RunLayout.SHAPES_JSON).toFile()).get("errorEmbedding");
        double width = fits.get(0).get("exponent").asDouble(), embedding = fits.get(1).get("exponent").asDouble();
        assertEquals(0.5, width, 0.1, "exponent in D/(LM): " + fits.get(0));
        assertEquals(-0.5, embedding, 0.1, "exponent in D: " + fits.get(1));
        assertTrue(fits.get(0).get("points").asInt() >= 6 && fits.get(1).get("points").asInt() >= 4, fits.toString());
        assertTrue(Files.isRegularFile(out.resolve(RunLayout.PLOTS).resolve("errorEmbedding-vs-width.png")));
    }

    /**
     * The output error's width term alone: uncoupled runs draw their embeddings per D, so shapes with the reference's
     * D share its W_E and W_U and their output error is the width fluctuation only. At L = 50, D = 512 and
     * D/(LM) in {0.16, 0.32, 0.64} it grows like (D/(LM))^1 (the theory's exponent), within 0.1.
     */
    @Test
    void theOutputErrorsWidthTermIsLinearInDOverLM() throws Exception {
        Path out = dir.resolve("output");
        Cli r = Cli.run("sweep", "scenarios/resnet-shapes.yaml", "--set", "model.coupled=false", "--set", "engine.shards=1",
                "--param", "model.width=16,32,64", "--param", "model.embedding=512", "--param", "seed=1,2",
                "--reference", "model.width=512", "--reference", "model.embedding=512", "--engine", "local",
                "--parallel", "2", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        java.util.List<String> rows = Files.readAllLines(out.resolve(RunLayout.SHAPES_CSV));
        java.util.List<String> header = java.util.List.of(rows.get(0).split(","));
        int ratio = header.indexOf("ratio"), err = header.indexOf("errorOutput");
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = rows.size() - 1;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            double x = Math.log(Double.parseDouble(f[ratio])), y = Math.log(Double.parseDouble(f[err]));
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        assertEquals(3, n);
        double slope = (sxy - sx * sy / n) / (sxx - sx * sx / n);
        assertEquals(1.0, slope, 0.1, "log-log slope of errorOutput in D/(LM): " + rows);
    }
}
