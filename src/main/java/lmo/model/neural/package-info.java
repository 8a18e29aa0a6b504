/**
 * Wide two-layer networks as particle systems (issue 5): each neuron is a particle, the network is
 * {@code f(x) = sum_i (output weight_i) sigma(<b_i, x~>)}, and {@link lmo.model.neural.TwoLayerModel} is the
 * {@link lmo.model.Model} whose first variation the engine's dynamics follow. The formulas of the four readouts
 * ({@code coordinate}, {@code cone}, {@code mass}, {@code bilevel}), of the population loss and of the metrics are in
 * the class comment of {@link lmo.model.neural.TwoLayerModel}.
 *
 * <h2>Building a model</h2>
 * <pre>
 *   Teacher teacher = Teacher.random(5, 10, true, Activation.RELU, 11);           // k, d, bias, activation, seed
 *   Dataset data = Datasets.teacherStudent(teacher).inputs(Datasets.Inputs.SPHERE)
 *       .count(2048).testCount(4096).labelNoise(0).seed(scenarioSeed).build();
 *   TwoLayerModel model = TwoLayerModel.builder(Readout.CONE)
 *       .population(0).activation(Activation.RELU).bias(true).loss(Loss.SQUARE).regularization(0)
 *       .data(data)                       // or .populationLoss(teacher) for the exact population loss
 *       .initialState(x0, m0)             // the population's initial state (id order): theta(0) of distanceFromInit
 *       .build();
 *   int dim = model.positionDim();        // 1 + d' (coordinate, cone) or d' (mass, bilevel); d' = d + bias
 * </pre>
 * Spaces: {@code coordinate} on {@code euclidean}, the other readouts on {@code sphere} of dimension
 * {@code positionDim()} (the model does not see the space; the caller checks it). Other settings:
 * {@code signs(Signs.BALANCED)} for {@code mass}, {@code activeThreshold(t)}. Data from files:
 * {@code Datasets.fromArrays(d, inputs, labels, testInputs, testLabels)}. Scaling path:
 * {@link lmo.model.neural.ScalingPath#coordinateInit} ({@code init.scale}, {@code init.symmetric}); final predictor on
 * a grid of 1-D inputs: {@link lmo.model.neural.TwoLayerModel#predictor}.
 *
 * <h2>Random numbers</h2>
 * Counter-based ({@link lmo.rng.CounterRng}), the {@code STREAM_NEURAL_*} streams listed there: 10 (inputs), 11 (label
 * noise), 12 (teacher input weights), numbers the barycenter and the ResNet use with other meanings (never in the same
 * run); key {@code (seed, 0, index, set, stream)} with set 0 = training, 1 = test. Generated data are
 * prefix-stable.
 *
 * <h2>Cost and measured speed</h2>
 * Measured on the 2-core AMD EPYC (Zen 4) of the benchmark README, JDK 17, one thread:
 * <ul>
 *   <li>{@code coordinate} (and {@code cone}, {@code mass}) on samples: per step {@code N (n + nTest) d'}
 *       multiply-adds for the predictions (round 0) and {@code 2 N n d'} for V and its gradient. Benchmark W3
 *       (N = 10000, n = 2048, d = 10, ReLU): 36 ms per full step on one thread (predictions 12 ms, V + gradient +
 *       Euler update 25 ms), against 96 ms (1 thread) / 110 ms (2 threads) for NumPy f64 and 80 / 66 ms for in-place
 *       NumPy f64 measured side by side; the loss after 100 steps is NumPy's to 1e-14 relative. Since 2026-12-07 the
 *       pre-activation tile reads {@code SampleSet.xb} (W3KernelBench: the loops of a step 44 to
 *       36 ms of one core); with 2 shards on the 2 cores a step takes 20.5 ms (25 before). The first step runs in the
 *       interpreter (0.5–3 s) before C2 compiles the vector loops. tanh and gelu evaluate sigma and sigma' one element at a
 *       time ({@link java.lang.StrictMath#tanh}, the erf of {@code NormalCdf}): the same W3 step takes 0.84 s with
 *       tanh and 1.7 s with gelu (a lane-wise exp from exact operations, as the Gaussian kernel has, would vectorise
 *       tanh).</li>
 *   <li>{@code bilevel} on samples (n = 2048, d = 10): the Gram rows take {@code N^2 n} multiply-adds over the shards
 *       and the Cholesky solve {@code N^3/3} on the scheduler: N = 500: rows 69 ms, solve 23 ms; N = 1000: 154 ms and
 *       38 ms; N = 2000: 715 ms and 273 ms (one thread; the rows divide by the number of shards, the solve does not,
 *       and the scheduler holds {@code 8 N^2} bytes of rows); N = 4000: 2.2 s and 2.0 s (128 MB of rows). Practical up
 *       to N of one or two thousand (a step under a second); beyond, the single-threaded solve dominates.</li>
 *   <li>Population loss ({@link lmo.model.neural.ArcCosineKernel}, d = 3): {@code N (N + k)} kernel evaluations for
 *       V (about 25 ns each): N = 1000: 23 ms; N = 2000: 96 ms; bilevel adds the rows (85 ms at N = 2000) and the
 *       solve (288 ms).</li>
 * </ul>
 *
 * <h2>Determinism</h2>
 * A neuron's V and gradient do not depend on the block split or on the tile a neuron shares with others; the Vector
 * API loops use exact lane-wise operations only, on the 256-bit species or, for a ReLU network without the bilevel
 * readout when {@link lmo.numeric.VectorWidth} is 512, on 512-bit vectors whose every lane runs a 4-lane chain
 * ({@code WideLoops}: W3 17.3–17.8 ms a step on the 2 cores against 21.7–22.1, 2026-12-08), and
 * {@link lmo.model.neural.LaneLoops} reproduces them bit for bit without the incubator module. Activations, losses, erf and acos use
 * {@link java.lang.StrictMath} or basic arithmetic only. The ridge solve is EJML's single-threaded Cholesky, chosen
 * by size.
 */
package lmo.model.neural;
