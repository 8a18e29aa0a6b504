package lmo.model.resnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lmo.dynamics.Wasserstein;
import lmo.actor.ActorEngine;
import lmo.particles.Block;
import lmo.engine.LocalEngine;
import lmo.particles.Population;
import lmo.engine.Recorder;
import lmo.engine.Simulation;
import lmo.particles.Summaries;
import lmo.rng.CounterRng;
import lmo.space.Euclidean;
import org.junit.jupiter.api.Test;

/**
 * The MLU ResNet in the engine against the authors' code written out as matrices (digest §1.2), and its gradients
 * against central finite differences of the 1/2-loss: {@code gU, gV = L M D x the true gradient}.
 */
class ResNetModelTest {
    static final ResNetShape SMALL = new ResNetShape(3, 4, 6, 2, 3, 5);

    static double[] units(ResNetShape shape, long seed) {
        int dim = 2 * shape.embedding();
        double[] x = new double[shape.units() * dim];
        for (int i = 0; i < shape.units(); i++) CounterRng.gaussians(seed, 0, i, 0, CounterRng.STREAM_INIT, x, i * dim, dim);
        for (int i = 0; i < x.length; i++) x[i] *= Math.sqrt(shape.embedding());
        return x;
    }

    static ResNetModel model(ResNetShape shape, Activation a) {
        return new ResNetModel(0, shape, ResNetData.generate(shape, 1, 2), a, null, null, 10);
    }

    /** gradV of the units x: every round reduced over one block holding all of them, then the first variation. */
    static double[] gradient(ResNetModel model, double[] x) {
        ResNetShape sh = model.shape();
        int dim = 2 * sh.embedding(), count = sh.units();
        Block b = new Block(0, 0, 0, dim, x.clone(), new double[count]);
        Summaries s = new Summaries(model.rounds());
        for (int r = 0; r < model.rounds(); r++) {
            double[] out = new double[sh.embedding() * sh.samples()];
            model.partial(r, b, s, out);
            s.set(r, out);
            model.globalStep(r, s);
        }
        double[] g = new double[count * dim];
        model.firstVariation(b, s, new double[count], g, new double[0]);
        return g;
    }

    static double halfLoss(ResNetModel model, double[] x) {
        ResNetData data = model.data();
        return data.loss(model.shape(), data.output(model.shape(), model.forward(x))) / 2;
    }

    @Test
    void gradientsAreLmdTimesCentralDifferencesOfTheHalfLoss() {
        for (Activation a : Activation.values()) {
            ResNetModel model = model(SMALL, a);
            double[] x = units(SMALL, 3);
            double[] g = gradient(model, x);
            double lmd = SMALL.parameters(), worst = 0;
            for (int i = 0; i < x.length; i += 7) {
                double h = 1e-4 * Math.max(1, Math.abs(x[i]));
                double[] plus = x.clone(), minus = x.clone();
                plus[i] += h;
                minus[i] -= h;
                double fd = (halfLoss(model, plus) - halfLoss(model, minus)) / (2 * h) * lmd;
                double rel = Math.abs(fd - g[i]) / Math.max(1e-3, Math.abs(g[i]));
                worst = Math.max(worst, rel);
            }
            assertTrue(worst < 1e-6, a + ": worst relative difference " + worst);
        }
    }

    /** The authors' Julia step with matrices U_l, V_l (D x M), written out independently. */
    static double[] authorsStep(ResNetShape sh, ResNetData data, double[] x, double eta) {
        int L = sh.depth(), M = sh.width(), D = sh.embedding(), N = sh.samples(), dout = sh.outputDim();
        double[][][] u = new double[L][D][M], v = new double[L][D][M];
        for (int l = 0; l < L; l++)
            for (int m = 0; m < M; m++)
                for (int r = 0; r < D; r++) {
                    u[l][r][m] = x[(l * M + m) * 2 * D + r];
                    v[l][r][m] = x[(l * M + m) * 2 * D + D + r];
                }
        double[][][] h = new double[L + 1][D][N], pre = new double[L][M][N];
        for (int r = 0; r < D; r++)
            for (int n = 0; n < N; n++)
                for (int c = 0; c < sh.inputDim(); c++) h[0][r][n] += data.embed()[r * sh.inputDim() + c] * data.x()[c * N + n];
        for (int l = 0; l < L; l++) {
            for (int m = 0; m < M; m++)
                for (int n = 0; n < N; n++) {
                    double p = 0;
                    for (int r = 0; r < D; r++) p += u[l][r][m] * h[l][r][n];
                    pre[l][m][n] = p / D;
                }
            for (int r = 0; r < D; r++)
                for (int n = 0; n < N; n++) {
                    double acc = 0;
                    for (int m = 0; m < M; m++) acc += v[l][r][m] * Math.tanh(pre[l][m][n]);
                    h[l + 1][r][n] = h[l][r][n] + acc / (L * M);
                }
        }
        double[][] out = new double[dout][N];
        for (int o = 0; o < dout; o++)
            for (int n = 0; n < N; n++) {
                double acc = 0;
                for (int r = 0; r < D; r++) acc += data.readout()[r * dout + o] * h[L][r][n];
                out[o][n] = acc / D;
            }
        double[][] b = new double[D][N];
        for (int r = 0; r < D; r++)
            for (int n = 0; n < N; n++) {
                double acc = 0;
                for (int o = 0; o < dout; o++) acc += data.readout()[r * dout + o] * (out[o][n] - data.y()[o * N + n]);
                b[r][n] = acc / (N * dout);
            }
        double[] next = x.clone();
        for (int l = L - 1; l >= 0; l--) {
            double[][] t = new double[M][N];
            for (int m = 0; m < M; m++)
                for (int n = 0; n < N; n++) {
                    double q = 0;
                    for (int r = 0; r < D; r++) q += v[l][r][m] * b[r][n];
                    double th = Math.tanh(pre[l][m][n]);
                    t[m][n] = (1 - th * th) * q / D;
                }
            for (int m = 0; m < M; m++)
                for (int r = 0; r < D; r++) {
                    double gu = 0, gv = 0;
                    for (int n = 0; n < N; n++) {
                        gu += h[l][r][n] * t[m][n];
                        gv += b[r][n] * Math.tanh(pre[l][m][n]);
                    }
                    next[(l * M + m) * 2 * D + r] -= eta * gu;
                    next[(l * M + m) * 2 * D + D + r] -= eta * gv;
                }
            double[][] bIn = new double[D][N];
            for (int r = 0; r < D; r++)
                for (int n = 0; n < N; n++) {
                    double acc = 0;
                    for (int m = 0; m < M; m++) acc += u[l][r][m] * t[m][n];
                    bIn[r][n] = b[r][n] + acc / (L * M);
                }
            b = bIn;
        }
        return next;
    }

    static Simulation sim(ResNetShape sh, int blockSize, int shards, int steps) {
        double[] x = units(sh, 3);
        Population p = new Population("units", 0, new Euclidean(2 * sh.embedding()), x, new double[sh.units()]);
        return new Simulation("t", 1, steps, List.of(p), model(sh, Activation.TANH), new Wasserstein(0.7), blockSize, shards, 1, 0);
    }

    @Test
    void oneEngineStepIsTheAuthorsStep() {
        for (int blockSize : new int[] {SMALL.width(), 5, 1000}) {
            Recorder rec = new Recorder();
            LocalEngine.run(sim(SMALL, blockSize, 2, 1), rec);
            double[] want = authorsStep(SMALL, model(SMALL, Activation.TANH).data(), units(SMALL, 3), 0.7);
            double[] got = rec.last.x()[0];
            double worst = 0;
            for (int i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(want[i] - got[i]) / Math.max(1, Math.abs(want[i])));
            assertTrue(worst < 1e-12, "blockSize " + blockSize + ": worst difference " + worst);
        }
    }

    @Test
    void theStateIsTheSameWhateverTheShardsOrActors() {
        ResNetShape sh = new ResNetShape(6, 5, 8, 3, 2, 4);
        String one = LocalEngine.run(sim(sh, 5, 1, 4), new Recorder()).stateSha256();
        assertEquals(one, LocalEngine.run(sim(sh, 5, 4, 4), new Recorder()).stateSha256());
        assertEquals(one, ActorEngine.run(sim(sh, 5, 3, 4), new Recorder()).stateSha256());
    }
}
