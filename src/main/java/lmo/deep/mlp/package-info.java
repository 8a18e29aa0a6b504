/**
 * Deep ReLU networks on one flat parameter vector and the feature speed formula of Chizat &amp; Netrapalli (arXiv
 * 2311.18718, digest {@code deep-networks.md} §3): a plain library, no engine.
 *
 * <pre>
 *   ||dh_l|| ||b_l|| cos(theta_l) = -&lt;b_l, dh_l&gt; = sum_{k &lt;= l} eta_k ||grad_{W_k} L||^2
 * </pre>
 * for one GD step {@code dW_k = -eta_k grad_{W_k} L}, {@code b_l = dL/dh_l}, {@code dh_l} the first-order feature
 * change (forward mode).
 *
 * <h2>Pieces</h2>
 * <ul>
 *   <li>{@link lmo.deep.mlp.Mlp}: {@code plain} ({@code h_l = relu(W_l h_{l-1})}, He init) and {@code residual}
 *       ({@code h_1 = W_1 x}, {@code h_l = h_{l-1} + beta W_l relu(h_{l-1})}, {@code beta = 1/sqrt(depth)} by default)
 *       with readout {@code f = W_{depth+1} h_depth}; theta layout, loss {@code (1/(2n)) sum_i ||f(x_i) - y_i||^2},
 *       {@code forward}, {@code backward} (features, {@code b_l}, gradient) and {@code tangent} (exact JVP).</li>
 *   <li>{@link lmo.deep.mlp.Batch}: inputs and targets as flat row-major arrays; a Gaussian batch.</li>
 *   <li>{@link lmo.deep.mlp.FeatureSpeed}: cos theta_l, ||dh_l||, ||b_l||, ||h_l||, the per-layer loss decay, the
 *       metric vector ({@code cosTheta_l, deltaH_l, b_l, h_l, lossDecay_l}, plus {@code loss} and {@code lossDecay}),
 *       and the equal-decay step sizes of digest §3.2.</li>
 * </ul>
 *
 * <h2>Use</h2>
 * <pre>
 *   Mlp net = Mlp.residual(10, 256, 32, 1);                   // dIn, width, depth, dOut; beta = 1/sqrt(32)
 *   double[] theta = net.initialTheta(seed, population);
 *   Batch batch = Batch.gaussian(dataSeed, population, 4, 10, 1);
 *   double[] eta = FeatureSpeed.uniformStepSizes(net, 0.1);   // eta[k - 1] for block W_k, k = 1 .. depth + 1
 *   Map&lt;String, Double&gt; m = FeatureSpeed.metrics(net, theta, batch, eta);   // m.get("cosTheta_32")
 * </pre>
 *
 * <h2>Random numbers</h2>
 * {@link lmo.rng.CounterRng}, three streams listed there: 30 initial weights ({@code STREAM_MLP_WEIGHTS}), key
 * {@code (seed, population, block k, 0, 30)} with counters over the block's row-major entries; 31 Gaussian inputs and
 * 32 Gaussian targets ({@code STREAM_MLP_INPUTS}, {@code STREAM_MLP_TARGETS}), key
 * {@code (seed, population, sample i, 0, 31 | 32)} with counters over the coordinates. {@code lmo.deep.linear} uses
 * 30 .. 32 with other meanings: the two never run in one scenario, so their keys never meet.
 *
 * <h2>Cost</h2>
 * Forward, backward and tangent are each about {@code 2 n width (dIn + (depth - 1) width + dOut)} flops in plain
 * loops (no Vector API); {@link lmo.deep.mlp.FeatureSpeed#measure} runs all three. Width 256, depth 32, n = 4: under
 * 0.1 s per measurement, JIT warm-up included (8 measurements in 0.65 s in {@code DepthAlignmentTest}, one thread).
 *
 * <h2>Determinism</h2>
 * Fixed loop orders and basic arithmetic only: results are bitwise reproducible for one JDK build; the Gaussians
 * inherit CounterRng's note on {@code Math.log/sin/cos}.
 */
package lmo.deep.mlp;
