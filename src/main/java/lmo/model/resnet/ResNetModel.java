package lmo.model.resnet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lmo.io.FinalTable;
import lmo.particles.Block;
import lmo.particles.Gathered;
import lmo.particles.Reduction;
import lmo.particles.Summaries;
import lmo.io.RunLayout;
import lmo.io.Table;
import lmo.model.Model;

/**
 * A ResNet of L residual blocks of M hidden units in embedding dimension D, in the maximal local feature update
 * (MLU) regime exactly as the authors' code (Chaintron, Chizat & Maass 2026; digest §1.2):
 * <pre>
 *   h_0 = W_E X,   h_l = h_{l-1} + (1 / (L M)) V_l sigma(U_l' h_{l-1} / D),   out = W_U' h_L / D,
 *   loss = sum (out - Y)^2 / (N d_out)      (reported without the 1/2; the update uses the 1/2-loss's gradient)
 *   U <- U - eta gU,  V <- V - eta gV,   gU, gV = L M D x the true gradient (effective per-entry rate eta L M D)
 * </pre>
 * U, V entries start iid N(0, D); W_E, W_U are frozen ({@link ResNetData}). The hidden units are the particles: unit
 * m of block l is particle {@code l M + m} of dimension 2D ({@code (u, v)} = column m of U_l and of V_l), moved by
 * the {@code wasserstein} dynamics with step eta. One engine step is one full-batch gradient step in 2L reduce
 * rounds: rounds 0 .. L-1 run the forward pass (round l sums the shares {@code v sigma(p)'} of block l's units and the
 * scheduler adds them to the residual stream, {@link #globalStep}), rounds L .. 2L-1 the backward pass from block
 * L-1 down; each round's summary is the residual stream (or backward stream) after that block, D x N doubles, so a
 * unit's update needs only its own block's input and output streams. With {@code engine.blockSize} = M a residual
 * block is one engine block (the default).
 *
 * <p>Metrics: {@code loss}; with a reference run, {@code errorEmbedding} (RMS of h_L - h_L,ref over the first D
 * coordinates and the N samples) and {@code errorOutput} (RMS of out - out_ref), at the final step only (NaN
 * before); with {@link #withFeatureSpeed}, per block output l the diagnostics of {@link ResNetFeatureSpeed}. Final tables: {@code embedding.csv} (h_L, D rows of N samples) and {@code output.csv} (out, d_out rows).
 */
public final class ResNetModel implements Model {
    private final int population;
    private final ResNetShape shape;
    private final ResNetData data;
    private final Activation sigma;
    private final double[] h0;
    private final double[] referenceEmbedding;
    private final double[] referenceOutput;
    private final long finalStep;
    private final double featureSpeedStep;
    private final int d, n, depth, width;
    private final double invLM;

    /**
     * @param referenceEmbedding the reference run's final h_L ({@code D_ref x N}, D_ref >= D), or null
     * @param referenceOutput the reference run's final out ({@code d_out x N}), or null
     * @param finalStep the run's last step (the errors are measured there)
     */
    public ResNetModel(int population, ResNetShape shape, ResNetData data, Activation sigma, double[] referenceEmbedding,
                       double[] referenceOutput, long finalStep) {
        this(population, shape, data, sigma, referenceEmbedding, referenceOutput, finalStep, 0);
    }

    private ResNetModel(int population, ResNetShape shape, ResNetData data, Activation sigma, double[] referenceEmbedding,
                        double[] referenceOutput, long finalStep, double featureSpeedStep) {
        this.featureSpeedStep = featureSpeedStep;
        this.population = population;
        this.shape = shape;
        this.data = data;
        this.sigma = sigma;
        this.d = shape.embedding();
        this.n = shape.samples();
        this.depth = shape.depth();
        this.width = shape.width();
        this.invLM = 1.0 / ((double) depth * width);
        this.h0 = data.embedding(shape);
        if ((referenceEmbedding == null) != (referenceOutput == null)) {
            throw new IllegalArgumentException("a reference needs both its embedding and its output");
        }
        if (referenceEmbedding != null && (referenceEmbedding.length % n != 0 || referenceEmbedding.length / n < d)) {
            throw new IllegalArgumentException("the reference embedding has " + referenceEmbedding.length + " values, not"
                    + " D_ref x " + n + " with D_ref >= " + d);
        }
        if (referenceOutput != null && referenceOutput.length != shape.outputDim() * n) {
            throw new IllegalArgumentException("the reference output has " + referenceOutput.length + " values, expected "
                    + shape.outputDim() * n);
        }
        this.referenceEmbedding = referenceEmbedding;
        this.referenceOutput = referenceOutput;
        this.finalStep = finalStep;
    }

    public ResNetShape shape() { return shape; }

    @Override public int rounds() { return 2 * depth + (featureSpeedStep > 0 ? 1 : 0); }

    /** 2L SUM rounds of D x N streams; with the diagnostics, a last GATHER of the units. */
    @Override
    public Reduction reduction(int round) { return round == 2 * depth ? Reduction.gather() : Reduction.sum(d * n); }

    /**
     * With the feature speed diagnostics of the step eta ({@link ResNetFeatureSpeed}): a GATHER round of the units
     * each step and 5 L more metrics. Returns a new model.
     */
    public ResNetModel withFeatureSpeed(double eta) {
        return new ResNetModel(population, shape, data, sigma, referenceEmbedding, referenceOutput, finalStep, eta);
    }

    /** The residual stream entering block l: h_0, or the summary of forward round l - 1. */
    private double[] input(int l, Summaries s) { return l == 0 ? h0 : s.sum(l - 1); }

    /** The backward stream at block l's output: B_L (after h_L in round L - 1), or backward round 2L - 2 - l. */
    private double[] outputGradient(int l, Summaries s) {
        if (l == depth - 1) return java.util.Arrays.copyOfRange(s.sum(depth - 1), d * n, 2 * d * n);
        return s.sum(2 * depth - 2 - l);
    }

    /** The residual block of round r. */
    private int blockOf(int round) { return round < depth ? round : 2 * depth - 1 - round; }

    @Override
    public void partial(int round, Block b, Summaries done, double[] out) {
        if (b.population() != population) return;
        int l = blockOf(round);
        int[] range = unitsOf(b, l);
        if (range[0] >= range[1]) return;
        double[] h = input(l, done);
        double[] bOut = round < depth ? null : outputGradient(l, done);
        double[] p = new double[n], s = new double[n], t = new double[n];
        double[] x = b.x();
        for (int i = range[0]; i < range[1]; i++) {
            int at = i * 2 * d;
            HiddenUnit.activations(x, at, h, d, n, sigma, p, s);
            if (bOut == null) {
                HiddenUnit.addOuter(x, at + d, s, d, n, out);
            } else {
                HiddenUnit.backwardRow(x, at, bOut, d, n, sigma, p, s, t);
                HiddenUnit.addOuter(x, at, t, d, n, out);
            }
        }
    }

    /** The block's local indices [from, to) of the units of residual block l. */
    private int[] unitsOf(Block b, int l) {
        long first = b.firstId();
        long from = Math.max(first, (long) l * width), to = Math.min(first + b.count(), (long) (l + 1) * width);
        return new int[] {(int) (from - first), (int) Math.max(from - first, to - first)};
    }

    /** Adds round r's summed shares, times 1/(L M), to the stream; after the last forward round, appends B_L. */
    @Override
    public void globalStep(int round, Summaries s) {
        if (round == 2 * depth) return;  // the diagnostics' GATHER
        double[] shares = s.sum(round);
        int l = blockOf(round);
        double[] before = round < depth ? input(l, s) : outputGradient(l, s);
        double[] next = new double[d * n];
        for (int k = 0; k < next.length; k++) next[k] = before[k] + shares[k] * invLM;
        if (round == depth - 1) {
            double[] withB = java.util.Arrays.copyOf(next, 2 * d * n);
            System.arraycopy(data.outputBackward(shape, data.output(shape, next)), 0, withB, d * n, d * n);
            next = withB;
        }
        s.set(round, next);
    }

    @Override
    public void firstVariation(Block b, Summaries s, double[] v, double[] gradV, double[] metricSums) {
        if (b.population() != population) return;
        double[] p = new double[n], a = new double[n], t = new double[n];
        double[] x = b.x();
        for (int i = 0; i < b.count(); i++) {
            int l = (int) ((b.firstId() + i) / width);
            double[] h = input(l, s), bOut = outputGradient(l, s);
            int at = i * 2 * d;
            HiddenUnit.activations(x, at, h, d, n, sigma, p, a);
            HiddenUnit.backwardRow(x, at, bOut, d, n, sigma, p, a, t);
            HiddenUnit.contract(h, t, d, n, gradV, at);
            HiddenUnit.contract(bOut, a, d, n, gradV, at + d);
        }
    }

    @Override public int metricSumLength() { return 0; }

    @Override
    public List<String> metricNames() {
        List<String> names = new ArrayList<>(List.of("loss"));
        if (referenceEmbedding != null) names.addAll(List.of("errorEmbedding", "errorOutput"));
        if (featureSpeedStep > 0) {
            for (int l = 1; l <= depth; l++) {
                for (String q : new String[] {"cosTheta_", "deltaH_", "b_", "h_", "lossDecay_"}) names.add(q + l);
            }
        }
        return names;
    }

    /** The errors are measured at the final step only. */
    @Override public boolean occasionalMetric(int index) { return referenceEmbedding != null && (index == 1 || index == 2); }

    @Override
    public double[] metrics(Summaries s, double[] metricSums) {
        double[] hL = java.util.Arrays.copyOf(s.sum(depth - 1), d * n);
        double[] out = data.output(shape, hL);
        List<Double> values = new ArrayList<>(List.of(data.loss(shape, out)));
        if (referenceEmbedding != null) {
            if (s.step() != finalStep) {
                values.addAll(List.of(Double.NaN, Double.NaN));
            } else {
                double e = 0;
                for (int r = 0; r < d; r++) {
                    for (int k = 0; k < n; k++) {
                        double diff = hL[r * n + k] - referenceEmbedding[r * n + k];
                        e += diff * diff;
                    }
                }
                double o = 0;
                for (int k = 0; k < out.length; k++) o += (out[k] - referenceOutput[k]) * (out[k] - referenceOutput[k]);
                values.add(Math.sqrt(e / (d * n)));
                values.add(Math.sqrt(o / out.length));
            }
        }
        double[] base = values.stream().mapToDouble(Double::doubleValue).toArray();
        if (featureSpeedStep <= 0) return base;
        double[][] h = new double[depth + 1][], b = new double[depth][];
        for (int l = 0; l <= depth; l++) h[l] = l == 0 ? h0 : java.util.Arrays.copyOf(s.sum(l - 1), d * n);
        for (int l = 0; l < depth; l++) b[l] = outputGradient(l, s);
        double[] fs = ResNetFeatureSpeed.measure(shape, sigma, featureSpeedStep, s.gathered(2 * depth).x()[population], h, b);
        double[] all = java.util.Arrays.copyOf(base, base.length + fs.length);
        System.arraycopy(fs, 0, all, base.length, fs.length);
        return all;
    }

    /** One engine block per residual block. */
    @Override public int defaultBlockSize(int[] counts) { return width; }

    /** Per step, each unit: two D x N products forward, three backward. */
    @Override public double pairEvaluationsPerStep(int[] counts) { return 5.0 * shape.units() * d * n; }

    /** {@code embedding.csv} (h_L: D rows, a column per sample) and {@code output.csv} (out: d_out rows). */
    @Override
    public Map<String, FinalTable> finalTables(Gathered state, long step) {
        double[] hL = forward(state.x()[population]);
        List<String> cols = new ArrayList<>();
        for (int k = 0; k < n; k++) cols.add("sample_" + k);
        return Map.of(RunLayout.EMBEDDING, new FinalTable(cols, new Table(d, n, hL)),
                RunLayout.OUTPUT, new FinalTable(cols, new Table(shape.outputDim(), n, data.output(shape, hL))));
    }

    /** h_L of the units {@code x} (L M particles of dimension 2D, in id order), block after block. */
    public double[] forward(double[] x) { return streams(x)[depth]; }

    /** The residual streams h_0 .. h_L of the units {@code x}. */
    public double[][] streams(double[] x) {
        double[][] out = new double[depth + 1][];
        out[0] = h0.clone();
        double[] p = new double[n], s = new double[n];
        for (int l = 0; l < depth; l++) {
            double[] shares = new double[d * n], h = out[l].clone();
            for (int m = 0; m < width; m++) {
                int at = (l * width + m) * 2 * d;
                HiddenUnit.activations(x, at, out[l], d, n, sigma, p, s);
                HiddenUnit.addOuter(x, at + d, s, d, n, shares);
            }
            for (int k = 0; k < h.length; k++) h[k] += shares[k] * invLM;
            out[l + 1] = h;
        }
        return out;
    }

    /** The data and embeddings. */
    public ResNetData data() { return data; }
}
