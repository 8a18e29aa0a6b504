package lmo.model.mlp;

import java.util.List;
import java.util.Map;
import lmo.deep.mlp.Batch;
import lmo.deep.mlp.FeatureSpeed;
import lmo.deep.mlp.Mlp;
import lmo.io.FinalTable;
import lmo.particles.Block;
import lmo.particles.Reduction;
import lmo.particles.Summaries;
import lmo.io.RunLayout;
import lmo.model.Model;

/**
 * A ReLU MLP (plain, {@code h_l = relu(W_l h_{l-1})}, He init) or ResNet ({@code h_l = h_{l-1} + beta W_l
 * relu(h_{l-1})}, branch scale beta) of {@link Mlp}, trained by full-batch gradient descent on
 * {@code L = (1/(2n)) sum |f(x_i) - y_i|^2} (with the 1/2), logging the feature speed diagnostics of Chizat &
 * Netrapalli (arXiv 2311.18718) at every logged step ({@link FeatureSpeed}, for the step the dynamics is about to
 * take, all layers at the dynamics' step size eta): per layer l the angle {@code cosTheta_l} between the first-order
 * feature change {@code -delta h_l} (exact, forward mode) and the backward vector {@code b_l = dL/dh_l}, the norms
 * {@code deltaH_l}, {@code b_l}, {@code h_l}, and the loss decay {@code lossDecay_l = sum_{k <= l} eta |grad_{W_k} L|^2};
 * the feature speed identity {@code -<b_l, delta h_l> = lossDecay_l} holds exactly at first order.
 *
 * <p>The neurons are the particles: row r of W_k (its incoming weights, {@code cols(k)} of them) is a particle of
 * dimension {@code max(d_in, width)} (the unused coordinates stay 0: their gradient is 0), in the order of the flat
 * parameter vector (W_1's rows, then W_2's, ..., then the read-out's d_out rows). One GATHER round per step; every
 * block computes the exact gradient and keeps its neurons' rows.
 */
public final class MlpModel implements Model {
    private final int population;
    private final Mlp net;
    private final Batch batch;
    private final double eta;
    private final int dim;
    private final int[] blockOfRow;

    /** @param eta the dynamics' step size (the diagnostics' step) */
    public MlpModel(int population, Mlp net, Batch batch, double eta) {
        this.population = population;
        this.net = net;
        this.batch = batch;
        this.eta = eta;
        this.dim = particleDimension(net);
        int rows = 0;
        for (int k = 1; k <= net.blocks(); k++) rows += net.rows(k);
        this.blockOfRow = new int[rows];
        for (int k = 1, at = 0; k <= net.blocks(); k++) for (int r = 0; r < net.rows(k); r++) blockOfRow[at++] = k;
    }

    /** {@code max(d_in, width)}. */
    public static int particleDimension(Mlp net) { return Math.max(net.dIn(), net.width()); }

    /** The neurons (rows of every W_k in order, padded to {@link #particleDimension}) of theta. */
    public static double[][] neurons(Mlp net, double[] theta) {
        int p = particleDimension(net), count = 0;
        for (int k = 1; k <= net.blocks(); k++) count += net.rows(k);
        double[][] out = new double[count][p];
        for (int k = 1, at = 0; k <= net.blocks(); k++) {
            for (int r = 0; r < net.rows(k); r++, at++) System.arraycopy(theta, net.offset(k) + r * net.cols(k), out[at], 0, net.cols(k));
        }
        return out;
    }

    /** theta from the neurons as particles (flat, {@link #particleDimension} per neuron). */
    public double[] theta(double[] neurons) {
        double[] theta = new double[net.parameterCount()];
        for (int k = 1, at = 0; k <= net.blocks(); k++) {
            for (int r = 0; r < net.rows(k); r++, at++) System.arraycopy(neurons, at * dim, theta, net.offset(k) + r * net.cols(k), net.cols(k));
        }
        return theta;
    }

    @Override public Reduction reduction(int round) { return Reduction.gather(); }

    @Override
    public void firstVariation(Block b, Summaries s, double[] v, double[] gradV, double[] metricSums) {
        if (b.population() != population) return;
        double[] g = net.backward(theta(s.gathered(0).x()[population]), batch).gradient();
        for (int i = 0; i < b.count(); i++) {
            int row = (int) b.firstId() + i, k = blockOfRow[row];
            int r = row - firstRow(k);
            System.arraycopy(g, net.offset(k) + r * net.cols(k), gradV, i * dim, net.cols(k));
        }
    }

    private int firstRow(int k) {
        int at = 0;
        for (int j = 1; j < k; j++) at += net.rows(j);
        return at;
    }

    @Override public int metricSumLength() { return 0; }

    @Override public List<String> metricNames() { return FeatureSpeed.metricNames(net.depth()); }

    @Override
    public double[] metrics(Summaries s, double[] metricSums) {
        Map<String, Double> m = FeatureSpeed.metrics(net, theta(s.gathered(0).x()[population]), batch,
                FeatureSpeed.uniformStepSizes(net, eta));
        return m.values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * {@code featureSpeed.csv}: per layer l (rows) of the final state, {@code l, cosTheta, deltaH, b, h, lossDecay}.
     */
    @Override
    public Map<String, FinalTable> finalTables(lmo.particles.Gathered state, long step) {
        FeatureSpeed f = FeatureSpeed.measure(net, theta(state.x()[population]), batch, FeatureSpeed.uniformStepSizes(net, eta));
        int depth = net.depth();
        double[] data = new double[depth * 6];
        for (int l = 1; l <= depth; l++) {
            int at = (l - 1) * 6;
            data[at] = l;
            data[at + 1] = f.cosTheta(l);
            data[at + 2] = f.deltaHNorm(l);
            data[at + 3] = f.bNorm(l);
            data[at + 4] = f.hNorm(l);
            data[at + 5] = f.lossDecay(l);
        }
        return Map.of(RunLayout.FEATURE_SPEED, new FinalTable(List.of("l", "cosTheta", "deltaH", "b", "h", "lossDecay"),
                new lmo.io.Table(depth, 6, data)));
    }

    /** Blocks of one layer's width. */
    @Override public int defaultBlockSize(int[] counts) { return net.width(); }

    public Mlp network() { return net; }
}
