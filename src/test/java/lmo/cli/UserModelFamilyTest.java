package lmo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lmo.engine.Checkpoint;
import lmo.engine.LocalEngine;
import lmo.engine.Recorder;
import lmo.family.UserModelJar;
import lmo.run.CheckpointFile;
import lmo.scenario.Assembler;
import lmo.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model family from a user's jar ({@code examples/user-model}, built as its pom builds it) is a model type like a
 * built-in one: it binds with located errors and a did-you-mean, runs to its closed form, is listed by
 * {@code help model}, and runs through {@code run}, {@code validate}, {@code resume} and {@code sweep} with
 * {@code --jar}; without the jar its type is unknown.
 */
class UserModelFamilyTest {
    static final Path SCENARIO = UserModelJar.ROOT.resolve("scenario.yaml");
    @TempDir static Path built;
    static Path jar;
    @TempDir Path dir;

    @BeforeAll
    static void buildTheExample() throws Exception {
        jar = UserModelJar.build(built);
    }

    /**
     * The Wasserstein step of {@code kappa |x|^2 / 2 + a |x - y|^2 / 4} is affine: the mean contracts by
     * {@code 1 - eta kappa}, each offset from it by {@code 1 - eta (kappa + a)}, and the energy is
     * {@code kappa |mean|^2 / 2 + (kappa + a) d var / 2}; the run follows this to rounding.
     */
    @Test
    void theFlowContractsTheMeanAndTheSpreadAtTheirClosedFormRates() throws Exception {
        var s = ScenarioLoader.load(SCENARIO, List.of("steps=40", "output.every=1"), List.of(jar));
        Recorder rec = new Recorder();
        LocalEngine.run(Assembler.build(s), rec);
        int energy = rec.columns.indexOf("energy"), mean = rec.columns.indexOf("meanNorm"),
                variance = rec.columns.indexOf("variance");
        double eta = 0.05, kappa = 1, a = 2, dim = 2;
        double[] first = rec.rows.get(0);
        assertEquals(41, rec.rows.size());
        for (int k = 0; k < rec.rows.size(); k++) {
            double[] row = rec.rows.get(k);
            double m = first[mean] * Math.pow(1 - eta * kappa, k);
            double var = first[variance] * Math.pow(1 - eta * (kappa + a), 2 * k);
            assertEquals(m, row[mean], 1e-12 * m, "meanNorm at step " + k);
            assertEquals(var, row[variance], 1e-9 * var, "variance at step " + k);
            double e = kappa * m * m / 2 + (kappa + a) * dim * var / 2;
            assertEquals(e, row[energy], 1e-12 * e, "energy at step " + k);
        }
    }

    @Test
    void aTypoInOneOfItsKeysIsLocatedWithADidYouMean() throws Exception {
        Path file = dir.resolve("typo.yaml");
        Files.writeString(file, Files.readString(SCENARIO).replace("  kappa: 1.0", "  kapa: 1.0"));
        int line = Files.readAllLines(file).indexOf("  kapa: 1.0") + 1;
        Cli r = Cli.run("validate", file.toString(), "--jar", jar.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith(file + ":" + line + ":3: model.kapa: unknown key"), r.err());
        assertTrue(r.err().contains("did you mean 'kappa'?"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void withoutTheJarItsTypeIsUnknown() {
        Cli r = Cli.run("validate", SCENARIO.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("model.type: expected one of mmd, potential, two-layer, game, ot, barycenter, resnet,"
                + " deep-linear, mlp, got quadratic-interaction") || r.err().contains("quadratic-interaction"), r.err());
    }

    @Test
    void helpListsItsTypeAndKeys() {
        Cli types = Cli.run("help", "model", "--jar", jar.toString());
        assertEquals(0, types.exit(), types.err());
        assertTrue(types.out().contains("  quadratic-interaction\n"), types.out());
        Cli keys = Cli.run("help", "model", "quadratic-interaction", "--jar", jar.toString());
        assertEquals(0, keys.exit(), keys.err());
        assertTrue(keys.out().contains("  model.kappa (number; required; range > 0)\n"), keys.out());
        assertTrue(keys.out().contains("  model.a (number; default `1`; range >= 0)\n"), keys.out());
    }

    @Test
    void itRunsResumesAndSweepsLikeABuiltInFamily() throws Exception {
        Path out = dir.resolve("run");
        Cli r = Cli.run("run", SCENARIO.toString(), "--set", "steps=30", "--set", "checkpoint.every=10", "--out",
                out.toString(), "-q", "--no-plots", "--jar", jar.toString());
        assertEquals(0, r.exit(), r.err());
        var summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("completed", summary.get("status").asText());
        String hash = summary.get("stateSha256").asText();
        assertTrue(Files.readString(out.resolve("scenario.yaml")).contains("type: quadratic-interaction"));

        // the directory as a kill after the checkpoint of step 10 leaves it; resume rebuilds the model from
        // scenario.yaml and the jar and ends in the uninterrupted state
        Path yaml = out.resolve("scenario.yaml");
        Recorder rec = new Recorder();
        LocalEngine.run(Assembler.build(ScenarioLoader.load(yaml, List.of(), List.of(jar))), rec);
        Checkpoint ten = rec.checkpoints.stream().filter(c -> c.step() == 10).findFirst().orElseThrow();
        CheckpointFile.write(out, List.of("particles"), ten, CheckpointFile.fingerprint(Files.readString(yaml)));
        Cli resumed = Cli.run("resume", out.toString(), "-q", "--no-plots", "--shards", "3", "--jar", jar.toString());
        assertEquals(0, resumed.exit(), resumed.err());
        var after = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(10, after.get("resumedFrom").asInt());
        assertEquals(hash, after.get("stateSha256").asText());
        Cli without = Cli.run("resume", out.toString(), "-q", "--no-plots");
        assertEquals(2, without.exit(), "without the jar the model type is unknown: " + without.err());

        Path sweep = dir.resolve("sweep");
        Cli sw = Cli.run("sweep", SCENARIO.toString(), "--param", "model.a=0,2", "--set", "steps=30", "--out",
                sweep.toString(), "--jar", jar.toString());
        assertEquals(0, sw.exit(), sw.err());
        assertTrue(Files.readString(sweep.resolve("sweep.csv")).lines().count() >= 3);
        assertEquals(hash, new ObjectMapper().readTree(Files.list(sweep).filter(p -> p.getFileName().toString()
                .contains("a=2")).findFirst().orElseThrow().resolve("summary.json").toFile()).get("stateSha256").asText());
    }
}
