package lmo.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import lmo.model.game.GameModel;
import lmo.space.Spaces;
import org.junit.jupiter.api.Test;

/**
 * games.md §3: the conic linearisation at the MNE of Example 4.1 (eps = 0, weight modes +-2i: non-generic) and of
 * its generic variant (eps = 0.5: slow modes 0.0495 +- 2.0254i; position modes 157.86 +- 78.98i, 157.91 twice),
 * alpha = beta = 1; fixed support gives +-2i in both.
 */
class Example41Test {

    static LinearAnalysis at(double eps, ConicField.Mode mode) {
        return at(eps, mode, GameModel.Path.FEATURES);
    }

    static LinearAnalysis at(double eps, ConicField.Mode mode, GameModel.Path path) {
        ConicField f = new ConicField(Games.example41(eps, path), List.of(Spaces.of("torus", 1), Spaces.of("torus", 1)),
                Games.example41Mne(), 1, 1, mode);
        return LinearAnalysis.of(Jacobian.of(f));
    }

    @Test
    void theMneIsAnEquilibriumOfTheConicFlow() {
        ConicField f = new ConicField(Games.example41(0.5, GameModel.Path.GATHERED),
                List.of(Spaces.of("torus", 1), Spaces.of("torus", 1)), Games.example41Mne(), 1, 1, ConicField.Mode.CONIC);
        assertEquals(6, f.dim(), "(c_x, x1, x2, c_y, y1, y2)");
        for (double v : f.at(new double[6])) assertEquals(0, v, 1e-12);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(GameModel.Path.class)
    void genericVariantConvergesThroughItsSlowModes(GameModel.Path path) {
        LinearAnalysis an = at(0.5, ConicField.Mode.CONIC, path);
        assertEquals(6, an.dim());
        assertEquals(0.0495, an.re()[0], 0.01 * 0.0495);
        assertEquals(0.0495, an.re()[1], 0.01 * 0.0495);
        assertEquals(2.0254, Math.abs(an.im()[0]), 0.01 * 2.0254);
        assertEquals(-an.im()[0], an.im()[1], 1e-6, "a conjugate pair");
        double[] fast = {an.re()[2], an.re()[3], an.re()[4], an.re()[5]};
        int pair = 0, real = 0;
        for (int i = 2; i < 6; i++) {
            if (Math.abs(an.im()[i]) > 1) {
                assertEquals(157.86, an.re()[i], 0.01 * 157.86);
                assertEquals(78.98, Math.abs(an.im()[i]), 0.01 * 78.98);
                pair++;
            } else {
                assertEquals(157.91, an.re()[i], 0.01 * 157.91);
                assertEquals(0, an.im()[i], 1e-6);
                real++;
            }
        }
        assertEquals(2, pair, java.util.Arrays.toString(fast));
        assertEquals(2, real);
        assertEquals(an.sumRealParts() / 6, an.traceSPerDim(), 1e-6);
    }

    @Test
    void fixedSupportRotatesWithoutDecay() {
        for (double eps : new double[] {0, 0.5}) {
            LinearAnalysis an = at(eps, ConicField.Mode.WEIGHTS);
            assertEquals(2, an.dim());
            for (int i = 0; i < 2; i++) {
                assertEquals(0, an.re()[i], 1e-6, "eps " + eps);
                assertEquals(2, Math.abs(an.im()[i]), 1e-6, "eps " + eps);
            }
        }
    }

    @Test
    void nonGenericGameKeepsPurelyImaginaryWeightModesInTheConicFlow() {
        LinearAnalysis an = at(0, ConicField.Mode.CONIC);
        assertEquals(0, an.re()[0], 1e-6);
        assertEquals(0, an.re()[1], 1e-6);
        assertEquals(2, Math.abs(an.im()[0]), 1e-6);
        assertEquals(2, Math.abs(an.im()[1]), 1e-6);
        assertEquals(16 * Math.PI * Math.PI, an.re()[5], 0.01 * 157.91, "position curvature 16 pi^2");
    }
}
