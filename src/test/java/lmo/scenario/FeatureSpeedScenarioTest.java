package lmo.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import lmo.engine.LocalEngine;
import lmo.engine.Recorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped feature-speed scenario: in the iid ReLU MLP of depth 32 the backward–feature angle decays like
 * 1 / sqrt(l) (the log-log slope over l >= 4, averaged over seeds), and in the ResNet with branch scale
 * 1 / sqrt(depth) it stays of order one.
 */
class FeatureSpeedScenarioTest {
    @TempDir Path dir;

    static final Path FILE = Path.of("scenarios/feature-speed.yaml");

    /** cos(theta_l), l = 1 .. 32, at step 0, averaged over seeds 1 .. seeds. */
    private static double[] cosines(String variant, int seeds) throws Exception {
        double[] c = new double[32];
        for (int seed = 1; seed <= seeds; seed++) {
            Recorder rec = new Recorder();
            LocalEngine.run(Assembler.build(Scenarios.load(FILE, "model.variant=" + variant, "seed=" + seed, "steps=0")), rec);
            for (int l = 1; l <= 32; l++) c[l - 1] += rec.rows.get(0)[rec.columns.indexOf("cosTheta_" + l)] / seeds;
        }
        return c;
    }

    @Test
    void theAngleDecaysLikeOneOverRootDepthInTheMlpAndNotInTheResNet() throws Exception {
        double[] plain = cosines("plain", 4);
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 0;
        for (int l = 4; l <= 32; l++) {
            double x = Math.log(l), y = Math.log(plain[l - 1]);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
            n++;
        }
        double slope = (sxy - sx * sy / n) / (sxx - sx * sx / n);
        assertEquals(-0.5, slope, 0.15, "log-log slope of cos(theta_l) over l >= 4");
        double[] residual = cosines("residual", 2);
        for (int l = 1; l <= 32; l++) assertTrue(residual[l - 1] > 0.5, "ResNet layer " + l + ": " + residual[l - 1]);
        assertTrue(residual[31] > 3 * plain[31], "at depth 32: " + residual[31] + " vs " + plain[31]);
    }

    @Test
    void theResolvedScenarioReadsBackTheSame() throws Exception {
        Scenario s = Scenarios.load(FILE);
        String yaml = s.toYaml();
        assertFalse(yaml.contains("populations:"), yaml);
        assertEquals(s, Scenarios.load(Scenarios.write(dir, "resolved.yaml", yaml)));
        assertEquals(32 * 256 + 1, s.populations().get("neurons").count());
        assertTrue(Scenarios.error(Scenarios.write(dir, "bad.yaml", java.nio.file.Files.readString(FILE)
                .replace("  samples: 4\n", "  samples: 4\n  branchScale: 0.1\n"))).contains("model.branchScale"));
    }
}
