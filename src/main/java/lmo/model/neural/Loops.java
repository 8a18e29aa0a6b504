package lmo.model.neural;

import lmo.numeric.VectorWidth;

/**
 * The hot loops of the two-layer model over a {@link SampleSet}, on tiles of {@link #TILE} = 4 neurons. Every
 * neuron's numbers come from its own chain of operations, the same whatever the other neurons of its tile, so a
 * neuron's V does not depend on how particles are split into blocks. Canonical operation orders (both
 * implementations follow them exactly, so they give the same bits):
 *
 * <ul>
 *   <li>pre-activation {@code z_jk = fma(w_j,dp-1, x_dp-1,k, ... fma(w_j1, x_1k, fma(w_j0, x_0k, 0)))};</li>
 *   <li>a dot product {@code sum_k a_k b_k} over the padded samples (the gradient sums and the bilevel Gram
 *       entries): one 4-lane accumulator, lane {@code k mod 4}, {@code acc = fma(a_k, b_k, acc)} in increasing k,
 *       then {@code lanes(acc) = (acc_0 + acc_1) + (acc_2 + acc_3)} (symmetric in a and b, since fma is);</li>
 *   <li>predictions: {@code f_k = fma(c_3, h_3k, fma(c_2, h_2k, fma(c_1, h_1k, fma(c_0, h_0k, f_k))))}.</li>
 * </ul>
 */
interface Loops {
    int TILE = 4;

    /** {@code z[j*nPad + k]} = pre-activation of neuron j of the tile ({@code w4[j*dp .. j*dp+dp)}) at sample k. */
    void preactivations(double[] w4, SampleSet s, double[] z);

    /** ReLU over the tile: {@code h = max(z, 0)}, {@code q = z > 0 ? r_k : 0} (q skipped when null). */
    void relu(double[] z, double[] r, int nPad, double[] h, double[] q);

    /** {@link #preactivations} then {@link #relu} (same bits), without storing the pre-activations. */
    void reluTile(double[] w4, SampleSet s, double[] r, double[] h, double[] q);

    /**
     * {@link #reluTile} then {@link #dots} (same bits): s0 and g of the 4 neurons for the weights r, given as
     * {@link #gradientWeights}{@code (r)}; h and q are scratch of {@link #gradientScratch} doubles each.
     */
    void reluGradient(double[] w4, SampleSet s, double[] r, double[] h, double[] q, double[] s0, double[] g);

    /** Doubles of each scratch array {@link #reluGradient} needs for {@code nPad} samples: {@code 4 nPad} here. */
    default int gradientScratch(int nPad) {
        return TILE * nPad;
    }

    /** The weights r ({@code nPad} of them) in the layout {@link #reluGradient} reads: r itself but for
     *  {@link WideLoops}. */
    default double[] gradientWeights(double[] r) {
        return r;
    }

    /** {@link #preactivations}, {@link #relu} and {@link #accumulate} (same bits), storing only f. */
    void reluPredict(double[] w4, double[] c4, SampleSet s, double[] f);

    /** {@code f_k += sum_j c4[j] h[j*nPad + k]} in the canonical order, for {@code k < nPad}. */
    void accumulate(double[] c4, double[] h, int nPad, double[] f);

    /**
     * For each neuron j of the tile: {@code s0[j] = dot(r, h_j)} and {@code g[j*dp + c] = dot(q_j, x_c)}
     * (canonical dot products over the padded samples).
     */
    void dots(double[] r, double[] h, double[] q, SampleSet s, double[] s0, double[] g);

    /**
     * {@code out[i*4 + j] = gram(a_i, b_j)} for the 4 rows {@code a[aAt + i*nPad ..]} and the 4 rows
     * {@code b[bAt + j*nPad ..]} (length nPad).
     */
    void gram(double[] a, int aAt, double[] b, int bAt, int nPad, double[] out);

    /**
     * The Vector API implementation when {@code jdk.incubator.vector} is loaded, else its scalar lane twin; all give the
     * same bits. {@link WideLoops} (512 bits) when {@link VectorWidth} is 512 and the model runs the ReLU loops only
     * ({@code reluOnly}: a ReLU network without the bilevel readout), else {@link VectorLoops} (256 bits).
     */
    static Loops best(boolean reluOnly) {
        return choose(VectorWidth.bits(), reluOnly);
    }

    /** {@link #best} for a vector width (0: no Vector API module). */
    static Loops choose(int bits, boolean reluOnly) {
        if (bits == 0) return new LaneLoops();
        return bits >= 512 && reluOnly ? new WideLoops() : new VectorLoops();
    }
}
