package lmo.deep.mlp;

import lmo.rng.CounterRng;

/**
 * A deep ReLU network without biases, {@code f : R^dIn -> R^dOut}, with {@code depth} hidden feature layers
 * {@code h_1 .. h_depth in R^width} and {@code depth + 1} weight blocks {@code W_1 .. W_{depth+1}}; {@code relu(z) =
 * max(z, 0)} entrywise, {@code h_0 = x} the input.
 *
 * <h2>Equations</h2>
 * <ul>
 *   <li>{@link Architecture#PLAIN} (iid MLP): {@code h_l = relu(W_l h_{l-1})} for {@code l = 1 .. depth}; the features
 *       {@code h_l} are the <b>post-activations</b> of layer l.</li>
 *   <li>{@link Architecture#RESIDUAL} (pre-activation ResNet, one-matrix branch): {@code h_1 = W_1 x} (a linear
 *       embedding), {@code h_l = h_{l-1} + beta W_l relu(h_{l-1})} for {@code l = 2 .. depth}; the features are the
 *       residual stream (depth - 1 residual blocks). Branch scale {@code beta}, {@code 1/sqrt(depth)} by default.</li>
 *   <li>Both: output {@code f(x) = W_{depth+1} h_depth} (linear readout).</li>
 * </ul>
 * Shapes: {@code W_1} is {@code width x dIn}, {@code W_2 .. W_depth} are {@code width x width}, {@code W_{depth+1}} is
 * {@code dOut x width}; the two architectures have the same parameter layout.
 *
 * <h2>Parameter layout</h2>
 * One flat {@code double[] theta} of length {@link #parameterCount()}: the blocks {@code W_1, W_2, .., W_{depth+1}}
 * one after the other, each row-major, so entry {@code (r, j)} of {@code W_k} is {@code theta[offset(k) + r cols(k) + j]}
 * with {@code offset(1) = 0}, {@code offset(k+1) = offset(k) + rows(k) cols(k)}. Gradients and directions use the same
 * layout.
 *
 * <h2>Loss</h2>
 * Mean squared error <b>with the factor 1/2</b>, averaged over the batch and summed over output coordinates:
 * {@code L = (1 / (2n)) sum_i ||f(x_i) - y_i||^2}, so {@code dL/df(x_i) = (f(x_i) - y_i) / n}. The backward pass
 * {@code b_l = dL/dh_l} is the gradient of this L with respect to the n x width feature matrix (the 1/n included).
 *
 * <h2>Initialisation</h2>
 * Independent centred Gaussians, block k scaled by {@code sigma_k}:
 * <ul>
 *   <li>plain: {@code sigma_k^2 = 2 / cols(k)} for the hidden blocks {@code k <= depth} (He), {@code 1 / width} for
 *       the readout;</li>
 *   <li>residual: {@code 1 / dIn} for the embedding {@code W_1} (so {@code E|h_1|^2 = |x|^2 width / dIn}),
 *       {@code 2 / width} for the branches {@code W_2 .. W_depth} (He: each block adds about {@code beta^2} times
 *       the stream's mean square, so the stream grows by {@code (1 + beta^2)^(depth-1) <= e} at {@code beta =
 *       1/sqrt(depth)}), {@code 1 / width} for the readout.</li>
 * </ul>
 * Random numbers: block k is {@link CounterRng#gaussians} for key {@code (seed, population, id = k, step = 0,
 * stream = STREAM_WEIGHTS)}, counters over its row-major entries, times {@code sigma_k}. A wider or deeper network
 * therefore shares no prefix with a smaller one except through the block index.
 *
 * <h2>ReLU kinks</h2>
 * {@code relu'(0) = 0} everywhere (backward pass and tangent alike), so {@link #backward} and {@link #tangent} are the
 * exact derivatives wherever no pre-activation is exactly 0 — almost surely at a random point. A finite step that moves
 * a pre-activation across 0 leaves the linear region where these derivatives hold; the first-order statements of
 * {@link FeatureSpeed} are about the limit of small steps.
 *
 * <p>Immutable; the passes allocate their outputs and may run concurrently.
 */
public final class Mlp {
    /** The two variants; see the class comment for their equations. */
    public enum Architecture { PLAIN, RESIDUAL }

    /** Stream of the initial weights ({@link CounterRng#STREAM_MLP_WEIGHTS}): key {@code (seed, population, block k, 0, 30)}. */
    public static final int STREAM_WEIGHTS = CounterRng.STREAM_MLP_WEIGHTS;

    private final Architecture architecture;
    private final int dIn;
    private final int width;
    private final int depth;
    private final int dOut;
    private final double beta;
    private final int[] offset;   // offset[k] for k = 1 .. depth + 2 (offset[depth + 2] = parameterCount)

    private Mlp(Architecture architecture, int dIn, int width, int depth, int dOut, double beta) {
        if (dIn < 1 || width < 1 || depth < 1 || dOut < 1)
            throw new IllegalArgumentException("mlp: dIn, width, depth, dOut must be >= 1");
        if (!(beta > 0) || Double.isInfinite(beta)) throw new IllegalArgumentException("mlp: beta must be finite and > 0, got " + beta);
        this.architecture = architecture;
        this.dIn = dIn;
        this.width = width;
        this.depth = depth;
        this.dOut = dOut;
        this.beta = beta;
        this.offset = new int[depth + 3];
        long total = 0;
        for (int k = 1; k <= depth + 1; k++) {
            offset[k] = (int) total;
            total += (long) rows(k) * cols(k);
            if (total > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("mlp: too many parameters (" + total + ")");
        }
        offset[depth + 2] = (int) total;
    }

    /** The iid ReLU MLP {@code h_l = relu(W_l h_{l-1})} with He initialisation. */
    public static Mlp plain(int dIn, int width, int depth, int dOut) {
        return new Mlp(Architecture.PLAIN, dIn, width, depth, dOut, 1.0);
    }

    /** The ResNet {@code h_l = h_{l-1} + beta W_l relu(h_{l-1})} with branch scale {@code beta > 0}. */
    public static Mlp residual(int dIn, int width, int depth, int dOut, double beta) {
        return new Mlp(Architecture.RESIDUAL, dIn, width, depth, dOut, beta);
    }

    /** The ResNet with the depth-stable branch scale {@code beta = 1/sqrt(depth)}. */
    public static Mlp residual(int dIn, int width, int depth, int dOut) {
        return residual(dIn, width, depth, dOut, 1.0 / Math.sqrt(depth));
    }

    public Architecture architecture() { return architecture; }
    public int dIn() { return dIn; }
    public int width() { return width; }
    /** Number of hidden feature layers {@code h_1 .. h_depth}; there are {@code depth + 1} weight blocks. */
    public int depth() { return depth; }
    public int dOut() { return dOut; }
    /** Branch scale (residual); 1 and unused for the plain MLP. */
    public double beta() { return beta; }
    /** Number of weight blocks, {@code depth + 1}. */
    public int blocks() { return depth + 1; }

    /** Rows of block k (1-based): {@code width} for {@code k <= depth}, {@code dOut} for the readout. */
    public int rows(int k) {
        checkBlock(k);
        return k <= depth ? width : dOut;
    }

    /** Columns (fan-in) of block k: {@code dIn} for {@code k = 1}, {@code width} otherwise. */
    public int cols(int k) {
        checkBlock(k);
        return k == 1 ? dIn : width;
    }

    /** Offset of block k in theta. */
    public int offset(int k) {
        checkBlock(k);
        return offset[k];
    }

    /** Entries of block k, {@code rows(k) cols(k)}. */
    public int size(int k) { return rows(k) * cols(k); }

    /** Length of theta. */
    public int parameterCount() { return offset[depth + 2]; }

    /** Standard deviation {@code sigma_k} of block k at initialisation (class comment). */
    public double initScale(int k) {
        checkBlock(k);
        if (k == depth + 1) return Math.sqrt(1.0 / width);
        if (architecture == Architecture.RESIDUAL && k == 1) return Math.sqrt(1.0 / dIn);
        return Math.sqrt(2.0 / cols(k));
    }

    /** The initial theta for {@code (seed, population)} (class comment). */
    public double[] initialTheta(long seed, int population) {
        double[] theta = new double[parameterCount()];
        for (int k = 1; k <= depth + 1; k++) {
            int off = offset[k];
            int len = size(k);
            CounterRng.gaussians(seed, population, k, 0, STREAM_WEIGHTS, theta, off, len);
            double s = initScale(k);
            for (int i = off; i < off + len; i++) theta[i] *= s;
        }
        return theta;
    }

    private void checkBlock(int k) {
        if (k < 1 || k > depth + 1) throw new IndexOutOfBoundsException("block " + k + " not in 1 .. " + (depth + 1));
    }

    // ------------------------------------------------------------------------------------------------------------
    // Forward

    /**
     * The forward pass over a batch of n inputs.
     *
     * @param n   batch size
     * @param h   {@code h[0] = x} (n x dIn, the caller's array, not copied) and {@code h[l]} the features of layer
     *            {@code l = 1 .. depth}, each n x width row-major
     * @param out the outputs {@code f(x_i)}, n x dOut
     */
    public record Forward(int n, double[][] h, double[] out) {}

    /** Runs the forward pass for the n inputs {@code x} (n x dIn row-major). */
    public Forward forward(double[] theta, double[] x, int n) {
        checkTheta(theta);
        if (x.length != n * dIn) throw new IllegalArgumentException("forward: x has " + x.length + " entries, expected " + n * dIn);
        double[][] h = new double[depth + 1][];
        h[0] = x;
        for (int l = 1; l <= depth; l++) {
            double[] z = new double[n * width];
            if (architecture == Architecture.PLAIN) {
                Dense.timesTransposed(h[l - 1], n, cols(l), theta, offset[l], width, z);
                for (int i = 0; i < z.length; i++) if (z[i] <= 0) z[i] = 0;   // NaN stays NaN
            } else if (l == 1) {
                Dense.timesTransposed(x, n, dIn, theta, offset[1], width, z);
            } else {
                double[] a = relu(h[l - 1]);
                System.arraycopy(h[l - 1], 0, z, 0, z.length);
                Dense.addTimesTransposed(beta, a, n, width, theta, offset[l], width, z);
            }
            h[l] = z;
        }
        double[] out = new double[n * dOut];
        Dense.timesTransposed(h[depth], n, width, theta, offset[depth + 1], dOut, out);
        return new Forward(n, h, out);
    }

    /** The forward pass on the batch's inputs. */
    public Forward forward(double[] theta, Batch batch) {
        checkBatch(batch);
        return forward(theta, batch.x(), batch.n());
    }

    /** {@code L = (1/(2n)) sum_i ||f(x_i) - y_i||^2} for outputs {@code out} and targets {@code y} (n x dOut). */
    public static double loss(double[] out, double[] y, int n) {
        double s = 0;
        for (int i = 0; i < out.length; i++) {
            double r = out[i] - y[i];
            s += r * r;
        }
        return s / (2.0 * n);
    }

    /** The loss of theta on the batch. */
    public double loss(double[] theta, Batch batch) {
        return loss(forward(theta, batch).out(), batch.y(), batch.n());
    }

    // ------------------------------------------------------------------------------------------------------------
    // Backward

    /**
     * The backward pass.
     *
     * @param loss     L on the batch
     * @param bOut     {@code dL/df = (f - y)/n}, n x dOut
     * @param b        {@code b[l] = dL/dh_l} for {@code l = 1 .. depth} (n x width; {@code b[0]} is null)
     * @param gradient {@code dL/dtheta} in the theta layout: block k is {@code dL/dW_k}
     */
    public record Backward(double loss, double[] bOut, double[][] b, double[] gradient) {}

    /**
     * Backpropagation through a forward pass, for targets {@code y} (n x dOut):
     * <ul>
     *   <li>readout: {@code dL/dW_{depth+1} = bOut^T h_depth}, {@code b_depth = bOut W_{depth+1}};</li>
     *   <li>plain: with {@code g_l = b_l * 1[h_l > 0]} (= dL/dz_l), {@code dL/dW_l = g_l^T h_{l-1}},
     *       {@code b_{l-1} = g_l W_l};</li>
     *   <li>residual, {@code l >= 2}: {@code dL/dW_l = beta b_l^T relu(h_{l-1})},
     *       {@code b_{l-1} = b_l + 1[h_{l-1} > 0] * (beta b_l W_l)}; embedding {@code dL/dW_1 = b_1^T x}.</li>
     * </ul>
     */
    public Backward backward(double[] theta, Forward fwd, double[] y) {
        checkTheta(theta);
        int n = fwd.n();
        if (y.length != n * dOut) throw new IllegalArgumentException("backward: y has " + y.length + " entries, expected " + n * dOut);
        double[][] h = fwd.h();
        double[] out = fwd.out();
        double[] bOut = new double[n * dOut];
        for (int i = 0; i < bOut.length; i++) bOut[i] = (out[i] - y[i]) / n;
        double[] grad = new double[parameterCount()];
        double[][] b = new double[depth + 1][];
        Dense.addTransposeTimes(1.0, bOut, n, dOut, h[depth], width, grad, offset[depth + 1]);
        b[depth] = new double[n * width];
        Dense.times(bOut, n, dOut, theta, offset[depth + 1], width, b[depth]);
        for (int l = depth; l >= 1; l--) {
            double[] bl = b[l];
            if (architecture == Architecture.PLAIN) {
                double[] g = new double[bl.length];
                double[] hl = h[l];
                for (int i = 0; i < g.length; i++) g[i] = hl[i] > 0 ? bl[i] : 0;
                Dense.addTransposeTimes(1.0, g, n, width, h[l - 1], cols(l), grad, offset[l]);
                if (l > 1) {
                    b[l - 1] = new double[n * width];
                    Dense.times(g, n, width, theta, offset[l], width, b[l - 1]);
                }
            } else if (l == 1) {
                Dense.addTransposeTimes(1.0, bl, n, width, h[0], dIn, grad, offset[1]);
            } else {
                double[] hPrev = h[l - 1];
                Dense.addTransposeTimes(beta, bl, n, width, relu(hPrev), width, grad, offset[l]);
                double[] c = new double[n * width];
                Dense.times(bl, n, width, theta, offset[l], width, c);
                double[] bPrev = new double[n * width];
                for (int i = 0; i < bPrev.length; i++) bPrev[i] = hPrev[i] > 0 ? bl[i] + beta * c[i] : bl[i];
                b[l - 1] = bPrev;
            }
        }
        return new Backward(loss(out, y, n), bOut, b, grad);
    }

    /** Forward then backward on the batch. */
    public Backward backward(double[] theta, Batch batch) {
        return backward(theta, forward(theta, batch), batch.y());
    }

    // ------------------------------------------------------------------------------------------------------------
    // Tangent (forward mode)

    /**
     * The first-order change of the features and outputs along a parameter direction {@code v} (theta layout):
     * {@code dh[l] = (d/dt) h_l(theta + t v)} at {@code t = 0}, n x width, for {@code l = 1 .. depth} ({@code dh[0]}
     * is null: the input does not move), and {@code dOut = (d/dt) f(theta + t v)}, n x dOut.
     */
    public record Tangent(double[][] dh, double[] dOut) {}

    /**
     * The Jacobian-vector product (forward mode) at the point of {@code fwd}:
     * <ul>
     *   <li>plain: {@code dh_l = 1[h_l > 0] * (dh_{l-1} W_l^T + h_{l-1} V_l^T)}, {@code dh_0 = 0};</li>
     *   <li>residual: {@code dh_1 = x V_1^T}, {@code dh_l = dh_{l-1} + beta ((1[h_{l-1} > 0] * dh_{l-1}) W_l^T +
     *       relu(h_{l-1}) V_l^T)};</li>
     *   <li>{@code dOut = dh_depth W_{depth+1}^T + h_depth V_{depth+1}^T}</li>
     * </ul>
     * (rows are samples, so {@code h W^T} is {@code W h} sample by sample). Exact first order, no finite difference.
     */
    public Tangent tangent(double[] theta, Forward fwd, double[] v) {
        checkTheta(theta);
        if (v.length != parameterCount()) throw new IllegalArgumentException("tangent: direction has " + v.length + " entries, expected " + parameterCount());
        int n = fwd.n();
        double[][] h = fwd.h();
        double[][] dh = new double[depth + 1][];
        for (int l = 1; l <= depth; l++) {
            double[] d = new double[n * width];
            if (architecture == Architecture.PLAIN) {
                Dense.timesTransposed(h[l - 1], n, cols(l), v, offset[l], width, d);
                if (l > 1) Dense.addTimesTransposed(1.0, dh[l - 1], n, width, theta, offset[l], width, d);
                double[] hl = h[l];
                for (int i = 0; i < d.length; i++) if (!(hl[i] > 0)) d[i] = 0;
            } else if (l == 1) {
                Dense.timesTransposed(h[0], n, dIn, v, offset[1], width, d);
            } else {
                double[] hPrev = h[l - 1];
                double[] dPrev = dh[l - 1];
                double[] da = new double[n * width];
                for (int i = 0; i < da.length; i++) da[i] = hPrev[i] > 0 ? dPrev[i] : 0;
                System.arraycopy(dPrev, 0, d, 0, d.length);
                Dense.addTimesTransposed(beta, da, n, width, theta, offset[l], width, d);
                Dense.addTimesTransposed(beta, relu(hPrev), n, width, v, offset[l], width, d);
            }
            dh[l] = d;
        }
        double[] df = new double[n * dOut];
        Dense.timesTransposed(dh[depth], n, width, theta, offset[depth + 1], dOut, df);
        Dense.addTimesTransposed(1.0, h[depth], n, width, v, offset[depth + 1], dOut, df);
        return new Tangent(dh, df);
    }

    // ------------------------------------------------------------------------------------------------------------

    private static double[] relu(double[] z) {
        double[] a = new double[z.length];
        for (int i = 0; i < z.length; i++) a[i] = z[i] > 0 ? z[i] : 0;
        return a;
    }

    private void checkTheta(double[] theta) {
        if (theta.length != parameterCount())
            throw new IllegalArgumentException("theta has " + theta.length + " entries, expected " + parameterCount());
    }

    private void checkBatch(Batch batch) {
        if (batch.dIn() != dIn || batch.dOut() != dOut)
            throw new IllegalArgumentException("batch is " + batch.dIn() + " -> " + batch.dOut() + ", network " + dIn + " -> " + dOut);
    }

    @Override
    public String toString() {
        return "Mlp[" + architecture.name().toLowerCase(java.util.Locale.ROOT) + ", " + dIn + " -> " + width + " x " + depth
                + " -> " + dOut + (architecture == Architecture.RESIDUAL ? ", beta " + beta : "") + "]";
    }
}
