package lmo.model.neural;

import lmo.particles.Block;
import lmo.particles.Gathered;
import lmo.particles.Reduction;
import lmo.particles.Summaries;

/**
 * {@link Readout#BILEVEL}: w on S^(d'-1), masses m_i (1/N from a uniform init); square loss, lambda > 0. The output
 * weights h solve the ridge problem exactly at every step,
 * <pre>
 *   h = argmin_h G(nu_h) + (lambda/2) sum_i m_i h_i^2,   nu_h = sum_i m_i h_i delta_{w_i},   G = L (or the population loss)
 *     = (D K D + lambda I)^-1 D b / D,   D = diag(sqrt m),  K_ij = (1/n) sum_k sigma(w_i.x~_k) sigma(w_j.x~_k),  b_i = (1/n) sum_k sigma(w_i.x~_k) y_k
 *       (m_i = 1/N: h = (Phi^T Phi/(nN) + lambda I)^-1 Phi^T y/n)
 *   J(mu) = G(nu_h) + (lambda/2) sum_i m_i h_i^2                 (the metric regularizedLoss)
 *   V(w) = J'(mu)(w) = -(1/(2 lambda)) G'(w)^2,   G'(w) = (1/n) sum_k (f(x_k) - y_k) sigma(w.x~_k)   (envelope theorem)
 *   grad V = -(G'(w)/lambda) (1/n) sum_k (f(x_k) - y_k) sigma'(w.x~_k) x~_k
 * </pre>
 * (KKT: {@code h_i = -G'(w_i)/lambda}.) Rounds: 0 GATHER (all neurons); 1 CONCAT, each neuron's row
 * (K_i1 .. K_iN, b_i); {@link #globalStep} on round 1 solves the N x N system with EJML's Cholesky
 * ({@link RidgeSolver}) and replaces the rows by h; 2 SUM, the predictions {@code f(x_k) = sum_i m_i h_i
 * sigma(w_i.x~_k)} (train and test). Population loss: rounds 0 GATHER and 1 CONCAT of the rows
 * {@code (K(w_i, w_j))_j, T_i}, solved alike. Cost per step: {@code N^2 n} multiply-adds for K, shared over the
 * shards, plus {@code N n d' (N / blockSize)} to recompute the other neurons' activations in each block, and
 * {@code N^3/3} for the factorisation on the scheduler, single-threaded; the scheduler also holds the
 * {@code N (N+1)} rows (8 N^2 bytes). Neuron mass {@code m_i |h_i|} (the total variation of nu); the default
 * active threshold is relative to the current {@code sum_i m_i |h_i|} (h is not known at construction).
 */
record BilevelReadout(int posDim, int dp, double lambda) implements NeuronReadout {
    /** The round of the rows, after which the scheduler solves for h. */
    private static final int ROWS = 1;

    @Override public Readout kind() { return Readout.BILEVEL; }

    @Override public void check(Activation activation, Loss loss) {
        if (!(lambda > 0)) throw new IllegalArgumentException("two-layer: readout bilevel needs regularization > 0");
        if (loss != Loss.SQUARE) throw new IllegalArgumentException("two-layer: readout bilevel needs the square loss");
    }

    @Override public double firstVariation(double[] x, int at, double m, long id, double a, double[] g, int go,
                                           double[] h, double[] v, int i, double[] gradV) {
        v[i] = -a * a / (2 * lambda);
        double f = -a / lambda;
        for (int c = 0; c < dp; c++) gradV[at + c] = f * g[go + c];
        double hi = h[(int) id];
        return 0.5 * lambda * m * hi * hi;
    }

    @Override public double coefficient(double[] x, int at, double m, long id, double[] h) { return m * h[(int) id]; }

    @Override public double neuronMass(double[] x, int at, double m, double h) { return Math.abs(m * h); }

    /** NaN: relative to the current {@code sum_i m_i |h_i|}, computed at every step. */
    @Override public double defaultThreshold(double initialMass, int count) { return Double.NaN; }

    @Override public int rounds(boolean population) { return population ? 2 : 3; }

    @Override public int predictionRound() { return 2; }

    @Override public Reduction reduction(int round, boolean population, int count, int predictionLength) {
        return switch (round) {
            case 0 -> Reduction.gather();
            case ROWS -> Reduction.concat(count + 1);
            default -> Reduction.sum(predictionLength);
        };
    }

    @Override public double[] outputWeights(Summaries summaries) { return summaries.sum(ROWS); }

    @Override public boolean solvesRidge() { return true; }

    @Override public boolean partial(TwoLayerModel model, int round, Block b, Summaries done, double[] out) {
        if (round != ROWS) return false;
        double[] all = done.gathered(0).x()[model.population()];
        if (model.populationMode()) kernelRows(model, b, all, out);
        else gramRows(model, b, all, out);
        return true;
    }

    /** Round 1: solves the ridge problem on the rows (K, b) and replaces them by h. */
    @Override public void globalStep(TwoLayerModel model, int round, Summaries summaries) {
        if (round != ROWS) return;
        int count = model.neurons(), population = model.population();
        Gathered g = summaries.gathered(0);
        double[] rows = summaries.sum(ROWS);
        int stride = count + 1;
        int offset = 0;
        if (rows.length != count * stride) {
            // the engine wrote zero rows for the blocks of the populations before this one
            for (int p = 0; p < population; p++) offset += g.count(p) * stride;
        }
        summaries.set(ROWS, RidgeSolver.solve(rows, offset, stride, g.m()[population], lambda));
    }

    /** Adds the Gram matrix, {@code N^2 n} pairs (population loss: the rows' kernel evaluations again). */
    @Override public double pairEvaluationsPerStep(double perStep, double neurons, int samples, boolean population) {
        return population ? 2 * perStep : perStep + neurons * neurons * samples;
    }

    /** Bilevel, samples: each block neuron's row (K_i1 .. K_iN, b_i). */
    private static void gramRows(TwoLayerModel model, Block b, double[] all, double[] out) {
        SampleSet s = model.train;
        int count = model.count, dp = model.dp;
        Loops loops = model.loops;
        int nPad = s.nPad, n = b.count(), stride = count + 1;
        int nTiles = (n + 3) / 4;
        double[] hb = new double[nTiles * Loops.TILE * nPad];
        double[] w4 = new double[Loops.TILE * dp];
        double[] z = new double[Loops.TILE * nPad];
        double[] h = new double[Loops.TILE * nPad];
        double[] yn = new double[nPad];
        double inv = 1.0 / s.n;
        for (int k = 0; k < s.n; k++) yn[k] = s.y[k] * inv;
        for (int t = 0; t < nTiles; t++) {
            model.tileWeights(b.x(), n, t * 4, w4);
            loops.preactivations(w4, s, z);
            model.activate(z, null, nPad, h, null);
            System.arraycopy(h, 0, hb, t * Loops.TILE * nPad, Loops.TILE * nPad);
        }
        for (int i = 0; i < n; i++) out[i * stride + count] = LaneLoops.dot(yn, 0, hb, i * nPad, nPad);
        // the other neurons in chunks of CHUNK tiles, so their activations stay in cache while every block tile meets them
        final int chunk = 8;
        int allTiles = (count + 3) / 4;
        double[] ha = new double[chunk * Loops.TILE * nPad];
        double[] g16 = new double[16];
        for (int c0 = 0; c0 < allTiles; c0 += chunk) {
            int c1 = Math.min(allTiles, c0 + chunk);
            for (int t = c0; t < c1; t++) {
                model.tileWeights(all, count, t * 4, w4);
                loops.preactivations(w4, s, z);
                model.activate(z, null, nPad, h, null);
                System.arraycopy(h, 0, ha, (t - c0) * Loops.TILE * nPad, Loops.TILE * nPad);
            }
            for (int bt = 0; bt < nTiles; bt++) {
                for (int t = c0; t < c1; t++) {
                    loops.gram(hb, bt * Loops.TILE * nPad, ha, (t - c0) * Loops.TILE * nPad, nPad, g16);
                    for (int i = 0; i < Loops.TILE; i++) {
                        int bi = bt * 4 + i;
                        if (bi >= n) break;
                        for (int j = 0; j < Loops.TILE; j++) {
                            int aj = t * 4 + j;
                            if (aj < count) out[bi * stride + aj] = g16[i * 4 + j] * inv;
                        }
                    }
                }
            }
        }
    }

    /** Bilevel, population loss: each block neuron's row (K(w_i, w_1) .. K(w_i, w_N), T_i). */
    private static void kernelRows(TwoLayerModel model, Block b, double[] all, double[] out) {
        int count = model.count, posDim = model.posDim, woff = model.woff;
        ArcCosineKernel kernel = model.kernel;
        int stride = count + 1;
        double[] x = b.x();
        double[] norms = new double[count];
        for (int j = 0; j < count; j++) norms[j] = kernel.norm(all, j * posDim + woff);
        for (int i = 0; i < b.count(); i++) {
            int at = i * posDim + woff;
            double ni = kernel.norm(x, at);
            for (int j = 0; j < count; j++) {
                out[i * stride + j] = kernel.valueAndGradient(x, at, ni, all, j * posDim + woff, norms[j], 0.0, null, 0);
            }
            out[i * stride + count] = model.teacherTerm(x, at, ni, null, 0);
        }
    }
}
