package lmo.model.game;

import static org.junit.jupiter.api.Assertions.assertEquals;

import lmo.rng.CounterRng;
import lmo.space.Torus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The two evaluation paths of a fourier game compute the same V and U: the features path (Fourier features of each
 * player folded through the coefficients) and the gathered path (pairwise sums), on random states; and both are the
 * pairwise sums of the payoff's own {@code value} and gradients, in descent form.
 */
class PathsTest {

    static double[] uniforms(long seed, int n) {
        double[] u = new double[n];
        CounterRng.uniforms(seed, 0, 0, 0, 99, u, 0, n);
        return u;
    }

    static double[] masses(long seed, int n, double total) {
        double[] m = uniforms(seed, n);
        double s = 0;
        for (int i = 0; i < n; i++) s += (m[i] += 0.1);
        for (int i = 0; i < n; i++) m[i] *= total / s;
        return m;
    }

    private static GameModel model(FourierPayoff f, GameModel.Path path) {
        return new GameModel(f, 0, new Torus(f.dim()), 1, new Torus(f.dim()), path, new GameModel.NiSettings(f.dim() == 1 ? 256 : 32, 8, 50, 3));
    }

    @ParameterizedTest
    @CsvSource({"1, 3, 37, 29", "2, 3, 23, 31", "2, 1, 5, 4", "3, 1, 9, 7"})
    void featuresAndGatheredAgree(int d, int order, int nx, int ny) {
        FourierPayoff f = FourierPayoff.random(d, order, 1234);
        double[] x = uniforms(1, nx * d), y = uniforms(2, ny * d), a = masses(3, nx, 1), b = masses(4, ny, 0.7);
        GameHarness feat = new GameHarness(model(f, GameModel.Path.FEATURES), x, a, d, y, b, d, 8);
        GameHarness pair = new GameHarness(model(f, GameModel.Path.GATHERED), x, a, d, y, b, d, 5);
        double scale = 1 + Math.abs(feat.v(0, 0));
        for (int p = 0; p < 2; p++) {
            for (int i = 0; i < (p == 0 ? nx : ny); i++) {
                assertEquals(feat.v(p, i), pair.v(p, i), 1e-12 * scale * order * d);
                for (int c = 0; c < d; c++) assertEquals(feat.grad(p, i, c), pair.grad(p, i, c), 1e-11 * scale * order * d);
            }
        }
        for (String m : feat.model.metricNames()) assertEquals(feat.metric(m), pair.metric(m), 1e-12 * scale * order * d, m);
    }

    @ParameterizedTest
    @CsvSource({"FEATURES, 1", "GATHERED, 1", "FEATURES, 2", "GATHERED, 2"})
    void vIsTheNormalisedPairSumInDescentForm(GameModel.Path path, int d) {
        FourierPayoff f = FourierPayoff.random(d, 3, 77);
        int nx = 6, ny = 5;
        double[] x = uniforms(11, nx * d), y = uniforms(12, ny * d), a = masses(13, nx, 2), b = masses(14, ny, 0.5);
        GameHarness h = new GameHarness(model(f, path), x, a, d, y, b, d, 4);
        double ta = GatheredPath.sum(a), tb = GatheredPath.sum(b);
        double[] g = new double[d];
        for (int i = 0; i < nx; i++) {
            double want = 0;
            double[] grad = new double[d];
            for (int j = 0; j < ny; j++) {
                want += b[j] * f.value(x, i * d, y, j * d) / tb;
                f.gradX(x, i * d, y, j * d, g, 0);
                for (int c = 0; c < d; c++) grad[c] += b[j] * g[c] / tb;
            }
            assertEquals(want, h.v(0, i), 1e-12, "player x gets V");
            for (int c = 0; c < d; c++) assertEquals(grad[c], h.grad(0, i, c), 1e-11);
        }
        for (int j = 0; j < ny; j++) {
            double u = 0;
            double[] grad = new double[d];
            for (int i = 0; i < nx; i++) {
                u += a[i] * f.value(x, i * d, y, j * d) / ta;
                f.gradY(x, i * d, y, j * d, g, 0);
                for (int c = 0; c < d; c++) grad[c] += a[i] * g[c] / ta;
            }
            assertEquals(-u, h.v(1, j), 1e-12, "player y gets -U (it ascends U)");
            for (int c = 0; c < d; c++) assertEquals(-grad[c], h.grad(1, j, c), 1e-11);
        }
    }

    @ParameterizedTest
    @CsvSource({"FEATURES", "GATHERED"})
    void gradientsAreFiniteDifferencesOfV(GameModel.Path path) {
        FourierPayoff f = FourierPayoff.random(2, 2, 5);
        double[] x = uniforms(21, 2), y = uniforms(22, 6), a = {1}, b = masses(23, 3, 1);
        double hStep = 1e-6;
        GameHarness h = new GameHarness(model(f, path), x, a, 2, y, b, 2, 4);
        for (int c = 0; c < 2; c++) {
            double[] plus = x.clone(), minus = x.clone();
            plus[c] += hStep;
            minus[c] -= hStep;
            double fd = (new GameHarness(model(f, path), plus, a, 2, y, b, 2, 4).v(0, 0)
                    - new GameHarness(model(f, path), minus, a, 2, y, b, 2, 4).v(0, 0)) / (2 * hStep);
            assertEquals(fd, h.grad(0, 0, c), 1e-6 * (1 + Math.abs(fd)));
        }
        for (int c = 0; c < 2; c++) {
            double[] plus = y.clone(), minus = y.clone();
            plus[2 + c] += hStep;
            minus[2 + c] -= hStep;
            double fd = (new GameHarness(model(f, path), x, a, 2, plus, b, 2, 4).v(1, 1)
                    - new GameHarness(model(f, path), x, a, 2, minus, b, 2, 4).v(1, 1)) / (2 * hStep);
            assertEquals(fd, h.grad(1, 1, c), 1e-6 * (1 + Math.abs(fd)));
        }
    }

    @ParameterizedTest
    @CsvSource({"FEATURES", "GATHERED"})
    void entropiesOfUniformWeightsAreLogN(GameModel.Path path) {
        FourierPayoff f = FourierPayoff.random(1, 2, 9);
        double[] a = new double[37], b = new double[5];
        java.util.Arrays.fill(a, 3.0 / 37);
        java.util.Arrays.fill(b, 0.2);
        GameHarness h = new GameHarness(model(f, path), uniforms(1, 37), a, 1, uniforms(2, 5), b, 1, 8);
        assertEquals(Math.log(37), h.metric("entropyX"), 1e-13);
        assertEquals(Math.log(5), h.metric("entropyY"), 1e-13);
    }
}
