package lmo.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lmo.io.RunLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shape report's aggregation and fits on errors that follow the theory's laws exactly,
 * {@code err_h^2 = 0.64 D/(LM) + 6.25 / D} and {@code err_y^2 = 0.0225 (D/(LM))^2 + 0.81 / D} (the digest's fitted
 * constants), each plus a constant (the reference's own error): the exponents come back within the bias that the
 * dominance regions allow, and the constant is found.
 */
class ResNetShapesTest {
    @TempDir Path dir;

    static List<ResNetShapes.Run> lawful() {
        List<ResNetShapes.Run> runs = new ArrayList<>();
        int l = 50;
        for (int m = 1; m <= 2048; m *= 2) {
            for (int d = 4; d <= 2048; d *= 2) {
                double r = (double) d / (l * m);
                double eh = Math.sqrt(0.64 * r + 6.25 / d + 0.01), ey = Math.sqrt(0.0225 * r * r + 0.81 / d + 0.0004);
                for (int rep = 0; rep < 2; rep++) {
                    runs.add(new ResNetShapes.Run(l, m, d, true, eh, Double.NaN));
                    runs.add(new ResNetShapes.Run(l, m, d, false, Double.NaN, ey));
                }
            }
        }
        return runs;
    }

    @Test
    void repetitionsAreAggregatedAsRootMeanSquares() {
        List<ResNetShapes.Run> runs = List.of(new ResNetShapes.Run(5, 2, 8, true, 3, 9), new ResNetShapes.Run(5, 2, 8, true, 4, 9),
                new ResNetShapes.Run(5, 2, 8, false, 100, 1), new ResNetShapes.Run(5, 2, 8, false, 100, 7));
        ResNetShapes.Shape s = ResNetShapes.shapes(runs).get(0);
        assertEquals(Math.sqrt((9 + 16) / 2.0), s.errorEmbedding(), 1e-15, "coupled runs only");
        assertEquals(Math.sqrt((1 + 49) / 2.0), s.errorOutput(), 1e-15, "uncoupled runs only, when there are some");
        assertEquals(2, s.repsEmbedding());
        assertEquals(2, s.repsOutput());
    }

    @Test
    void theExponentsOfTheTheorysLawsComeBack() throws Exception {
        List<ResNetShapes.Shape> shapes = ResNetShapes.shapes(lawful());
        List<ResNetShapes.PowerFit> h = ResNetShapes.fits(shapes, false), y = ResNetShapes.fits(shapes, true);
        assertEquals(0.5, h.get(0).exponent(), 0.05, h.get(0).region());
        assertEquals(-0.5, h.get(1).exponent(), 0.05, h.get(1).region());
        assertEquals(1.0, y.get(0).exponent(), 0.05, y.get(0).region());
        assertEquals(-0.5, y.get(1).exponent(), 0.05, y.get(1).region());
        assertEquals(-1.0 / 6, h.get(2).exponent(), 0.05, "the envelope in P");
        assertEquals(-0.2, y.get(2).exponent(), 0.05, "the envelope in P");
        assertTrue(h.get(0).region().contains("A = 0.6400, B = 6.250, C = 0.01000 removed"), h.get(0).region());
        assertTrue(y.get(0).region().contains("C = 0.0004000 removed"), y.get(0).region());
        ResNetShapes.write(dir, lawful());
        assertEquals(1 + 12 * 10, Files.readAllLines(dir.resolve(RunLayout.SHAPES_CSV)).size());
        assertTrue(Files.readString(dir.resolve(RunLayout.SHAPES_JSON)).contains("\"theory\" : 0.5"));
        assertTrue(Files.isRegularFile(dir.resolve(RunLayout.PLOTS).resolve("errorEmbedding-vs-P.png")));
    }
}
