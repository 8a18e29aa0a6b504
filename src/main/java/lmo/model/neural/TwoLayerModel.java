package lmo.model.neural;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import lmo.particles.Block;
import lmo.particles.Gathered;
import lmo.particles.Reduction;
import lmo.particles.Summaries;
import lmo.model.Model;

/**
 * A wide two-layer network {@code f(x) = sum_i (output weight of neuron i) sigma(<b_i, x~>)} whose neurons are the
 * particles of one population, {@code mu = sum_i m_i delta_{theta_i}}; x~ = (x, 1) with a bias, else x; d' = dim x~.
 * The functional is {@code F(mu) = L(f_mu) + R(mu)} with the training loss {@code L = (1/n) sum_k l(f(x_k), y_k)}
 * ({@link Loss}) or, with {@code population: true}, the population loss; V is its first variation
 * {@code dF/dmu(theta)}, so that {@code dF/dtheta_i = m_i grad V(theta_i)} and {@code dF/dm_i = V(theta_i)}: the
 * engine moves a particle by {@code -stepSize grad V} (mean-field time). Below {@code l'_k = dl/df (f(x_k), y_k)}.
 *
 * <h2>Readouts</h2>
 * A {@link NeuronReadout} strategy per {@link Readout} holds the readout's formulas (coefficient, V, grad V, R,
 * neuron mass) and its rounds; the model holds the samples, the kernel and the metrics, and delegates:
 * <ul>
 *   <li>{@link CoordinateReadout}: theta = (a, b) in R^(1+d'), {@code f(x) = sum_i m_i a_i sigma(b_i.x~)},
 *       {@code R = (lambda/2) sum_i m_i |theta_i|^2}; any activation.</li>
 *   <li>{@link ConeReadout}: u = (u_a, u_b) on S^(d') with mass m, {@code f(x) = sum_i m_i u_a,i sigma(u_b,i.x~)},
 *       {@code R = lambda sum_i m_i}; ReLU only.</li>
 *   <li>{@link MassReadout}: w on S^(d'-1) with mass m and a fixed sign s, {@code f(x) = sum_i m_i s_i
 *       sigma(w_i.x~)}, {@code R = lambda sum_i m_i}; ReLU only.</li>
 *   <li>{@link BilevelReadout}: w on S^(d'-1); the output weights h solve a ridge problem at every step (rounds
 *       GATHER, CONCAT of the Gram rows, SUM of the predictions), {@code V = -(1/(2 lambda)) G'(w)^2}; square loss,
 *       lambda > 0.</li>
 * </ul>
 *
 * <h2>Population loss</h2>
 * With {@code populationLoss(teacher)} (ReLU, no bias, square loss, a ReLU teacher without bias; inputs uniform on
 * S^(d-1)) the loss is {@code 1/2 E_x (f(x) - f*(x))^2 = 1/2 ||nu - nu*||_K^2} with the exact
 * {@link ArcCosineKernel} K: nu = sum_i c_i delta_{v_i} is the signed measure the readout represents (v_i the input
 * weight, c_i = m_i a_i, m_i u_a,i, m_i s_i or m_i h_i) and nu* = sum_t a*_t delta_{w*_t}. Then
 * {@code G'(v) = sum_j c_j K(v, v_j) - sum_t a*_t K(v, w*_t)} replaces {@code (1/n) sum_k l'_k sigma(v.x_k)} (and
 * its gradient the sample sum) in every formula above, and {@code L = sum_i c_i (P_i/2 - T_i) + (1/2) sum_{t,t'}
 * a*_t a*_t' K(w*_t, w*_t')} with {@code P_i = sum_j c_j K(v_i, v_j)}, {@code T_i = sum_t a*_t K(v_i, w*_t)}.
 * Round 0 is a GATHER (bilevel: then round 1 CONCAT of rows (K(w_i, w_j))_j and T_i, solved as above);
 * {@code N (N + k)} kernel evaluations per step.
 *
 * <h2>Metrics</h2>
 * <ul>
 *   <li>{@code loss}: L (train, mean over samples) or the population loss.</li>
 *   <li>{@code testLoss} (only with a test set): the mean loss on the test set.</li>
 *   <li>{@code regularizedLoss}: L + R (bilevel: J).</li>
 *   <li>{@code mass}: the total neuron mass {@code sum_i mu_i}, with the neuron mass {@code mu_i = m_i |theta_i|^2}
 *       ({@code coordinate}: the mass of the projected measure on the sphere), {@code m_i} ({@code cone},
 *       {@code mass}) or {@code m_i |h_i|} ({@code bilevel}: the total variation of nu).</li>
 *   <li>{@code activeNeurons}: the number of neurons with {@code mu_i > threshold}. Default threshold:
 *       {@code 1e-3 * (initial total neuron mass) / N} (so 1e-3/N for masses 1/N on the sphere), and for
 *       {@code bilevel} {@code 1e-3 * (current sum_i m_i |h_i|) / N} (h is not known at construction);
 *       {@link Builder#activeThreshold} sets an absolute threshold.</li>
 *   <li>{@code distanceFromInit}: {@code sqrt(sum_i |theta_i - theta_i(0)|^2 / sum_i |theta_i(0)|^2)}, with
 *       theta = the position for {@code coordinate} and theta = sqrt(m) u (u the position) for the sphere readouts;
 *       theta(0) is the state given to {@link Builder#initialState}, i.e. the run's original initial state, also
 *       after a resume from a checkpoint (the caller must pass the scenario's initial state, not the checkpoint's).
 *       If the initial norm is 0, the absolute {@code sqrt((1/N) sum_i |theta_i - theta_i(0)|^2)}.</li>
 * </ul>
 *
 * <h2>Engine contract</h2>
 * Blocks of other populations get {@code V = 0, grad V = 0} and contribute nothing. A particle's V and gradient are
 * computed by the same per-neuron chain of operations whichever block holds it ({@link Loops}); SUM partials are
 * combined in block order by the engine. The data are stored transposed and padded ({@link SampleSet}); the hot
 * loops use the Vector API (exact operations only; the ReLU loops on 512-bit vectors when {@code VectorWidth} is 512,
 * with the 256-bit lanes' bits) or their scalar twin with the same bits. Immutable and thread-safe.
 */
public final class TwoLayerModel implements Model {
    /** Default factor of the active-neuron threshold (times the mean neuron mass). */
    public static final double ACTIVE_FACTOR = NeuronReadout.ACTIVE_FACTOR;

    private final int population;
    private final Readout readout;
    private final NeuronReadout rule;
    private final Activation activation;
    private final boolean bias;
    private final Loss loss;
    private final double lambda;
    private final Signs signs;
    private final int inputDim;
    final int dp;
    final int posDim;
    final int woff;
    final int count;
    private final double[] x0;
    private final double[] m0;
    private final double initNorm2;
    private final double threshold;       // NaN: relative to the current mean (bilevel default)
    final SampleSet train;                // null in population mode
    private final SampleSet test;         // null without test set
    private final Teacher teacher;        // population mode: the target measure
    final ArcCosineKernel kernel;         // population mode
    private final double teacherSelf;     // sum_tt' a_t a_t' K(w_t, w_t')
    private final double[] teacherNorms;  // |w*_t|
    final Loops loops;
    private final int rounds;
    private final int predictionRound;    // -1 in population mode
    private final List<String> metricNames;

    private TwoLayerModel(Builder b) {
        this.population = b.population;
        this.readout = b.readout;
        this.activation = b.activation;
        this.bias = b.bias;
        this.loss = b.loss;
        this.lambda = b.lambda;
        this.signs = b.signs;
        boolean pop = b.teacher != null;
        if (pop == (b.data != null)) {
            throw new IllegalArgumentException("two-layer: give exactly one of data (samples) and populationLoss (teacher)");
        }
        if (!(lambda >= 0) || Double.isInfinite(lambda)) throw new IllegalArgumentException("two-layer: regularization must be >= 0, got " + lambda);
        this.inputDim = pop ? b.teacher.inputDim() : b.data.dim();
        this.dp = inputDim + (bias ? 1 : 0);
        this.posDim = readout.positionDim(dp);
        this.woff = readout.weightOffset();
        this.rule = NeuronReadout.of(readout, posDim, dp, lambda, signs);
        rule.check(activation, loss);
        if (pop) {
            if (activation != Activation.RELU || bias || loss != Loss.SQUARE) {
                throw new IllegalArgumentException("two-layer: the population loss needs activation relu, no bias and the square loss");
            }
            if (b.teacher.activation() != Activation.RELU || b.teacher.bias()) {
                throw new IllegalArgumentException("two-layer: the population loss needs a relu teacher without bias");
            }
        }
        if (b.x0 == null || b.m0 == null) throw new IllegalArgumentException("two-layer: the initial state (positions and masses) is required");
        this.count = b.m0.length;
        if (count < 1) throw new IllegalArgumentException("two-layer: needs at least one neuron");
        if (b.x0.length != count * posDim) {
            throw new IllegalArgumentException("two-layer: readout " + readout.key() + " with input dim " + inputDim
                + (bias ? " and bias" : "") + " needs particles of dim " + posDim + "; the initial state has "
                + b.x0.length + " coordinates for " + count + " particles");
        }
        this.x0 = b.x0.clone();
        this.m0 = b.m0.clone();
        double norm = 0, mass0 = 0;
        for (int i = 0; i < count; i++) {
            norm += rule.thetaNorm2(x0, i * posDim, m0[i]);
            mass0 += rule.neuronMass(x0, i * posDim, m0[i], 0.0);
        }
        this.initNorm2 = norm;
        if (b.activeThreshold != null) this.threshold = b.activeThreshold;
        else this.threshold = rule.defaultThreshold(mass0, count);
        this.loops = b.loops != null ? b.loops
            : Loops.best(activation == Activation.RELU && readout != Readout.BILEVEL);
        if (pop) {
            this.teacher = b.teacher;
            this.kernel = new ArcCosineKernel(inputDim);
            double self = 0;
            int d = inputDim;
            double[] tw = teacher.weightsView();
            this.teacherNorms = new double[teacher.neurons()];
            for (int t = 0; t < teacher.neurons(); t++) teacherNorms[t] = kernel.norm(tw, t * d);
            for (int t = 0; t < teacher.neurons(); t++) {
                for (int s = 0; s < teacher.neurons(); s++) {
                    self += teacher.output(t) * teacher.output(s) * kernel.value(tw, t * d, tw, s * d);
                }
            }
            this.teacherSelf = self;
            this.train = null;
            this.test = null;
            this.rounds = rule.rounds(true);
            this.predictionRound = -1;
        } else {
            this.teacher = null;
            this.kernel = null;
            this.teacherNorms = null;
            this.teacherSelf = 0;
            Dataset data = b.data;
            this.train = new SampleSet(data.inputsView(), data.labelsView(), inputDim, bias);
            this.test = data.hasTest() ? new SampleSet(data.testInputsView(), data.testLabelsView(), inputDim, bias) : null;
            this.rounds = rule.rounds(false);
            this.predictionRound = rule.predictionRound();
        }
        List<String> names = new ArrayList<>(List.of("loss"));
        if (test != null) names.add("testLoss");
        names.addAll(List.of("regularizedLoss", "mass", "activeNeurons", "distanceFromInit"));
        this.metricNames = List.copyOf(names);
    }

    /** Starts a model with the given readout; see {@link Builder} for the other settings and their defaults. */
    public static Builder builder(Readout readout) { return new Builder(readout); }

    /**
     * Settings of a {@link TwoLayerModel}. Required: the readout, one of {@link #data} and {@link #populationLoss},
     * and {@link #initialState}. Defaults: population 0, activation relu, no bias, square loss, regularization 0,
     * signs positive, the active threshold described in the class comment.
     */
    public static final class Builder {
        private final Readout readout;
        private int population = 0;
        private Activation activation = Activation.RELU;
        private boolean bias = false;
        private Loss loss = Loss.SQUARE;
        private double lambda = 0;
        private Signs signs = Signs.POSITIVE;
        private Dataset data;
        private Teacher teacher;
        private double[] x0;
        private double[] m0;
        private Double activeThreshold;
        private Loops loops;

        private Builder(Readout readout) {
            if (readout == null) throw new IllegalArgumentException("two-layer: readout is required");
            this.readout = readout;
        }

        /** Index of the neurons' population (name order). */
        public Builder population(int index) {
            if (index < 0) throw new IllegalArgumentException("two-layer: population index must be >= 0");
            this.population = index;
            return this;
        }
        public Builder activation(Activation a) { this.activation = a; return this; }
        /** Inputs x~ = (x, 1): the last input-weight coordinate is the bias. */
        public Builder bias(boolean on) { this.bias = on; return this; }
        public Builder loss(Loss l) { this.loss = l; return this; }
        /** lambda >= 0 on the readout's natural norm (see the class comment); > 0 for bilevel. */
        public Builder regularization(double lambda) { this.lambda = lambda; return this; }
        /** Output signs of the {@code mass} readout (ignored by the others). */
        public Builder signs(Signs s) { this.signs = s; return this; }
        /** Training (and test) samples. */
        public Builder data(Dataset d) { this.data = d; return this; }
        /**
         * The population loss toward this teacher (ReLU, no bias), inputs uniform on S^(d-1), d the teacher's
         * input dimension: the exact arc-cosine kernel replaces the samples.
         */
        public Builder populationLoss(Teacher t) { this.teacher = t; return this; }
        /** The population's initial positions ({@code N x dim}, id order) and masses (N): theta(0) of the metrics. */
        public Builder initialState(double[] positions, double[] masses) {
            this.x0 = positions;
            this.m0 = masses;
            return this;
        }
        /** Absolute threshold of {@code activeNeurons} on the neuron mass (default: see the class comment). */
        public Builder activeThreshold(double t) { this.activeThreshold = t; return this; }
        /** For tests: force the scalar ({@code false}) or vector ({@code true}) loops. */
        Builder vectorLoops(boolean vector) { this.loops = vector ? new VectorLoops() : new LaneLoops(); return this; }

        /** For tests: these loops. */
        Builder loops(Loops loops) { this.loops = loops; return this; }

        public TwoLayerModel build() { return new TwoLayerModel(this); }
    }

    // ---------------------------------------------------------------- accessors

    public Readout readout() { return readout; }
    public Activation activation() { return activation; }
    public boolean bias() { return bias; }
    public Loss loss() { return loss; }
    public double regularization() { return lambda; }
    public Signs signs() { return signs; }
    public int population() { return population; }
    /** The input dimension d (without bias). */
    public int inputDim() { return inputDim; }
    /** The particles' dimension: 1 + d' (coordinate, cone) or d' (mass, bilevel), d' = d + bias. */
    public int positionDim() { return posDim; }
    /** The number of neurons N (of the initial state). */
    public int neurons() { return count; }
    public boolean populationMode() { return teacher != null; }
    /** Number of training samples (0 in population mode). */
    public int samples() { return train == null ? 0 : train.n; }
    public int testSamples() { return test == null ? 0 : test.n; }

    // ---------------------------------------------------------------- Model

    @Override public int rounds() { return rounds; }

    @Override public Reduction reduction(int round) {
        if (round < 0 || round >= rounds) throw new IllegalArgumentException("two-layer: no round " + round + " (" + rounds + " rounds)");
        return rule.reduction(round, teacher != null, count, teacher != null ? 0 : predictionLength());
    }

    private int predictionLength() { return train.n + (test == null ? 0 : test.n); }

    private void requireBlock(Block b) {
        if (b.dim() != posDim) {
            throw new IllegalArgumentException("two-layer (" + readout.key() + "): population " + population
                + " has dim " + b.dim() + ", the model needs " + posDim);
        }
    }

    @Override public void partial(int round, Block b, Summaries done, double[] out) {
        if (b.population() != population) return;
        requireBlock(b);
        if (round == predictionRound) {
            double[] h = rule.outputWeights(done);
            double[] c = new double[b.count()];
            for (int i = 0; i < b.count(); i++) c[i] = rule.coefficient(b.x(), i * posDim, b.m()[i], b.firstId() + i, h);
            predictions(b.x(), b.count(), c, train, out, 0);
            if (test != null) predictions(b.x(), b.count(), c, test, out, train.n);
        } else if (!rule.partial(this, round, b, done, out)) {
            throw new IllegalArgumentException("two-layer: round " + round + " has no partial");
        }
    }

    @Override public void globalStep(int round, Summaries summaries) {
        rule.globalStep(this, round, summaries);
    }

    /** Copies the input weights of neurons {@code first .. first+4} (zero past {@code n}) into {@code w4}. */
    void tileWeights(double[] x, int n, int first, double[] w4) {
        for (int j = 0; j < Loops.TILE; j++) {
            int i = first + j;
            if (i < n) System.arraycopy(x, i * posDim + woff, w4, j * dp, dp);
            else Arrays.fill(w4, j * dp, (j + 1) * dp, 0.0);
        }
    }

    /** sigma (and r sigma' into q, when q is not null) over a tile of pre-activations. */
    void activate(double[] z, double[] r, int nPad, double[] h, double[] q) {
        if (activation == Activation.RELU) {
            loops.relu(z, r, nPad, h, q);
            return;
        }
        int len = Loops.TILE * nPad;
        if (q == null) {
            for (int i = 0; i < len; i++) h[i] = activation.value(z[i]);
            return;
        }
        for (int j = 0; j < Loops.TILE; j++) {
            int o = j * nPad;
            for (int k = 0; k < nPad; k++) {
                double v = z[o + k];
                if (activation == Activation.TANH) {          // one tanh for sigma and sigma' (same bits as Activation)
                    double t = StrictMath.tanh(v);
                    h[o + k] = t;
                    q[o + k] = r[k] * (1 - t * t);
                } else {                                      // gelu: one Phi for both
                    double p = NormalCdf.cdf(v);
                    h[o + k] = v * p;
                    q[o + k] = r[k] * (p + v * NormalCdf.density(v));
                }
            }
        }
    }

    /** {@code out[at + k] = sum_i c_i sigma(w_i.x~_k)} over the given neurons, for the samples of s. */
    private void predictions(double[] x, int n, double[] c, SampleSet s, double[] out, int at) {
        int nPad = s.nPad;
        boolean relu = activation == Activation.RELU;            // the fused ReLU loop needs no z, no h
        double[] w4 = new double[Loops.TILE * dp];
        double[] z = relu ? null : new double[Loops.TILE * nPad];
        double[] h = relu ? null : new double[Loops.TILE * nPad];
        double[] c4 = new double[Loops.TILE];
        double[] f = new double[nPad];
        for (int first = 0; first < n; first += Loops.TILE) {
            tileWeights(x, n, first, w4);
            for (int j = 0; j < Loops.TILE; j++) c4[j] = first + j < n ? c[first + j] : 0.0;
            if (activation == Activation.RELU) {
                loops.reluPredict(w4, c4, s, f);
                continue;
            }
            loops.preactivations(w4, s, z);
            activate(z, null, nPad, h, null);
            loops.accumulate(c4, h, nPad, f);
        }
        System.arraycopy(f, 0, out, at, s.n);
    }

    /** {@code T(v) = sum_t a*_t K(v, w*_t)}, and adds its gradient to {@code g[gAt..]} when g is not null. */
    double teacherTerm(double[] x, int at, double norm, double[] g, int gAt) {
        double s = 0;
        double[] tw = teacher.weightsView();
        for (int t = 0; t < teacher.neurons(); t++) {
            double a = teacher.output(t);
            s += a * kernel.valueAndGradient(x, at, norm, tw, t * inputDim, teacherNorms[t], a, g, gAt);
        }
        return s;
    }

    // Metric sums: 0 regularisation, 1 mass, 2 active neurons, 3 distance numerator, 4 population-loss terms.
    private static final int M_REG = 0, M_MASS = 1, M_ACTIVE = 2, M_DIST = 3, M_POP = 4;

    @Override public int metricSumLength() { return 5; }

    /**
     * A stale summary is the network of an earlier state (its neurons, or its predictions on the samples): each
     * neuron moves along the gradient of the loss of that earlier network, from its own current parameters. The
     * bilevel readout (several rounds) is refused by the engine.
     */
    @Override public String staleSummaryProblem() { return null; }

    /** The mean-field network {@code f = int Phi(theta, .) dmu} is linear in the measure, so are its partials. */
    @Override public boolean partialsLinearInMass() { return true; }

    @Override public List<String> metricNames() { return metricNames; }

    @Override
    public void firstVariation(Block b, Summaries summaries, double[] v, double[] gradV, double[] sums) {
        int n = b.count();
        if (b.population() != population) {
            Arrays.fill(v, 0, n, 0.0);
            Arrays.fill(gradV, 0, n * b.dim(), 0.0);
            return;
        }
        requireBlock(b);
        double[] x = b.x(), m = b.m();
        double[] h = rule.outputWeights(summaries);
        double[] s0 = new double[n];
        double[] g = new double[n * dp];
        double[] pop = teacher != null ? new double[n] : null;
        if (teacher != null) kernelSums(b, summaries.gathered(0), h, s0, g, pop);
        else sampleSums(b, summaries.sum(predictionRound), s0, g);
        double thr = threshold;
        if (Double.isNaN(thr)) {
            double[] mAll = summaries.gathered(0).m()[population];
            double tv = 0;
            for (int j = 0; j < count; j++) tv += Math.abs(mAll[j] * h[j]);
            thr = ACTIVE_FACTOR * tv / count;
        }
        for (int i = 0; i < n; i++) {
            int at = i * posDim;
            long id = b.firstId() + i;
            double a = s0[i];
            int go = i * dp;
            sums[M_REG] += rule.firstVariation(x, at, m[i], id, a, g, go, h, v, i, gradV);
            double mu = rule.neuronMass(x, at, m[i], h == null ? 0.0 : h[(int) id]);
            sums[M_MASS] += mu;
            if (mu > thr) sums[M_ACTIVE] += 1;
            sums[M_DIST] += rule.distance2(x, at, m[i], x0, (int) id * posDim, m0[(int) id]);
            if (pop != null) sums[M_POP] += pop[i];
        }
    }

    /** Samples: s0_i = (1/n) sum_k l'_k sigma(w_i.x~_k), g_i = (1/n) sum_k l'_k sigma'(w_i.x~_k) x~_k. */
    private void sampleSums(Block b, double[] f, double[] s0, double[] g) {
        SampleSet s = train;
        int nPad = s.nPad, n = b.count();
        double[] r = new double[nPad];
        double inv = 1.0 / s.n;
        for (int k = 0; k < s.n; k++) r[k] = loss.derivative(f[k], s.y[k]) * inv;
        double[] w4 = new double[Loops.TILE * dp];
        double[] z = activation == Activation.RELU ? null : new double[Loops.TILE * nPad];
        boolean relu = activation == Activation.RELU;            // the fused loop needs less scratch, or none
        double[] h = new double[relu ? loops.gradientScratch(nPad) : Loops.TILE * nPad];
        double[] q = new double[relu ? loops.gradientScratch(nPad) : Loops.TILE * nPad];
        double[] s4 = new double[Loops.TILE];
        double[] g4 = new double[Loops.TILE * dp];
        double[] rw = relu ? loops.gradientWeights(r) : null;
        for (int first = 0; first < n; first += Loops.TILE) {
            tileWeights(b.x(), n, first, w4);
            if (activation == Activation.RELU) {
                loops.reluGradient(w4, s, rw, h, q, s4, g4);
            } else {
                loops.preactivations(w4, s, z);
                activate(z, r, nPad, h, q);
                loops.dots(r, h, q, s, s4, g4);
            }
            int m = Math.min(Loops.TILE, n - first);
            System.arraycopy(s4, 0, s0, first, m);
            System.arraycopy(g4, 0, g, first * dp, m * dp);
        }
    }

    /**
     * Population loss: s0_i = G'(v_i) = P_i - T_i and its gradient; pop_i = c_i (P_i/2 - T_i), the block's share of
     * the loss.
     */
    private void kernelSums(Block b, Gathered all, double[] h, double[] s0, double[] g, double[] pop) {
        double[] ax = all.x()[population], am = all.m()[population];
        double[] c = new double[count];
        double[] norms = new double[count];
        for (int j = 0; j < count; j++) {
            c[j] = rule.coefficient(ax, j * posDim, am[j], j, h);
            norms[j] = kernel.norm(ax, j * posDim + woff);
        }
        double[] x = b.x(), m = b.m();
        double[] tg = new double[dp];
        for (int i = 0; i < b.count(); i++) {
            int at = i * posDim + woff;
            double ni = kernel.norm(x, at);
            double p = 0;
            for (int j = 0; j < count; j++) {
                p += c[j] * kernel.valueAndGradient(x, at, ni, ax, j * posDim + woff, norms[j], c[j], g, i * dp);
            }
            java.util.Arrays.fill(tg, 0.0);
            double t = teacherTerm(x, at, ni, tg, 0);
            for (int q = 0; q < dp; q++) g[i * dp + q] -= tg[q];
            s0[i] = p - t;
            pop[i] = rule.coefficient(x, i * posDim, m[i], b.firstId() + i, h) * (0.5 * p - t);
        }
    }

    @Override public double[] metrics(Summaries summaries, double[] sums) {
        double lossValue;
        double testValue = Double.NaN;
        if (teacher != null) {
            lossValue = sums[M_POP] + 0.5 * teacherSelf;
        } else {
            double[] f = summaries.sum(predictionRound);
            lossValue = meanLoss(f, 0, train);
            if (test != null) testValue = meanLoss(f, train.n, test);
        }
        double dist = initNorm2 > 0 ? Math.sqrt(sums[M_DIST] / initNorm2) : Math.sqrt(sums[M_DIST] / count);
        double[] out = new double[metricNames.size()];
        int k = 0;
        out[k++] = lossValue;
        if (test != null) out[k++] = testValue;
        out[k++] = lossValue + sums[M_REG];
        out[k++] = sums[M_MASS];
        out[k++] = sums[M_ACTIVE];
        out[k] = dist;
        return out;
    }

    private double meanLoss(double[] f, int at, SampleSet s) {
        double sum = 0;
        for (int k = 0; k < s.n; k++) sum += loss.value(f[at + k], s.y[k]);
        return sum / s.n;
    }

    /**
     * {@code engine.blockSize: auto}: the smallest multiple of 64, at least 256, such that the SUM partials of all
     * blocks ({@code ceil(N / blockSize) (n + nTest)} doubles) stay within 4,000,000 (32 MB) per round.
     */
    @Override public int defaultBlockSize(int[] counts) {
        int nNeurons = population < counts.length ? counts[population] : count;
        if (teacher != null) return 256;
        long len = predictionLength();
        int bs = 256;
        while (bs < nNeurons && (long) ((nNeurons + bs - 1) / bs) * len > 4_000_000L) bs += 64;
        return bs;
    }

    /**
     * Neuron–sample pairs per step: {@code N (2n + nTest)} (predictions on train and test, then V); bilevel adds
     * {@code N^2 n} (the Gram matrix); population loss: {@code N (N + k)} kernel evaluations (bilevel: twice).
     */
    @Override public double pairEvaluationsPerStep(int[] counts) {
        double nn = population < counts.length ? counts[population] : count;
        if (teacher != null) {
            return rule.pairEvaluationsPerStep(nn * (nn + teacher.neurons()), nn, 0, true);
        }
        return rule.pairEvaluationsPerStep(nn * (2.0 * train.n + (test == null ? 0 : test.n)), nn, train.n, false);
    }

    // ---------------------------------------------------------------- evaluation utilities

    /**
     * The coefficient of each neuron in f at the given state (positions {@code N x dim}, masses N, id order):
     * {@code m_i a_i} (coordinate), {@code m_i u_a,i} (cone), {@code m_i s_i} (mass), {@code m_i h_i} (bilevel: the
     * ridge problem is solved at this state).
     */
    public double[] outputWeights(double[] x, double[] m) {
        checkState(x, m);
        double[] h = rule.solvesRidge() ? ridge(x, m) : null;
        double[] c = new double[count];
        for (int i = 0; i < count; i++) c[i] = rule.coefficient(x, i * posDim, m[i], i, h);
        return c;
    }

    /** The bilevel output weights h at the given state (the solution of the ridge problem; by id). */
    public double[] ridge(double[] x, double[] m) {
        if (!rule.solvesRidge()) throw new IllegalStateException("two-layer: ridge weights exist for the bilevel readout only");
        checkState(x, m);
        Summaries s = new Summaries(rounds);
        double[][] gx = new double[population + 1][];
        double[][] gm = new double[population + 1][];
        int[] dims = new int[population + 1];
        for (int p = 0; p < population; p++) { gx[p] = new double[0]; gm[p] = new double[0]; dims[p] = 1; }
        gx[population] = x.clone();
        gm[population] = m.clone();
        dims[population] = posDim;
        s.set(0, new Gathered(gx, gm, dims));
        double[] rows = new double[count * (count + 1)];
        partial(1, new Block(population, 0, 0, posDim, x.clone(), m.clone()), s, rows);
        s.set(1, rows);
        globalStep(1, s);
        return s.sum(1);
    }

    /**
     * {@code f(x)} at the given state for each input of {@code inputs} ({@code count x d}, row-major, without the
     * bias coordinate).
     */
    public double[] predict(double[] x, double[] m, double[] inputs) {
        if (inputs.length % inputDim != 0) {
            throw new IllegalArgumentException("two-layer: inputs length " + inputs.length + " is not a multiple of d = " + inputDim);
        }
        double[] c = outputWeights(x, m);
        int nIn = inputs.length / inputDim;
        double[] f = new double[nIn];
        for (int k = 0; k < nIn; k++) {
            double sum = 0;
            for (int i = 0; i < count; i++) {
                int at = i * posDim + woff;
                double z = 0;
                for (int q = 0; q < inputDim; q++) z += x[at + q] * inputs[k * inputDim + q];
                if (bias) z += x[at + inputDim];
                sum += c[i] * activation.value(z);
            }
            f[k] = sum;
        }
        return f;
    }

    /** The predictor on a grid of 1-D inputs (d = 1): {@code f(grid[k])}, for predictor.csv. */
    public double[] predictor(double[] x, double[] m, double[] grid) {
        if (inputDim != 1) throw new IllegalStateException("two-layer: predictor on a grid needs 1-D inputs, d = " + inputDim);
        return predict(x, m, grid);
    }

    private void checkState(double[] x, double[] m) {
        if (m.length != count || x.length != count * posDim) {
            throw new IllegalArgumentException("two-layer: a state of " + count + " neurons of dim " + posDim
                + " is expected, got " + m.length + " masses and " + x.length + " coordinates");
        }
    }

    @Override public String toString() {
        return "TwoLayerModel[" + readout.key() + ", " + activation.key() + (bias ? ", bias" : "") + ", " + loss.key()
            + ", lambda " + lambda + ", N " + count + ", d " + inputDim
            + (teacher != null ? ", population loss" : ", n " + train.n + (test != null ? ", nTest " + test.n : "")) + "]";
    }
}
