package lmo.model.neural;

import lmo.particles.Block;
import lmo.particles.Reduction;
import lmo.particles.Summaries;

/**
 * How a neuron particle carries its output weight in a {@link TwoLayerModel}: the readout's share of the model, one
 * strategy object per {@link Readout}. With {@code a = s0_i} the neuron's sample sum {@code G'(w_i) = (1/n) sum_k l'_k
 * sigma(w_i.x~_k)} and {@code g = g_i} its gradient in the input weight ({@code (1/n) sum_k l'_k sigma'(w_i.x~_k)
 * x~_k}, or the population-loss kernel sums), a readout gives
 * <ul>
 *   <li>the coefficient {@code c_i} of the neuron in {@code f = sum_i c_i sigma(w_i.x~)};</li>
 *   <li>{@code V(theta_i)} and {@code grad V(theta_i)} from a and g, and the neuron's share of the regulariser R;</li>
 *   <li>the neuron mass {@code mu_i} of the metrics and {@code |theta_i|^2} of {@code distanceFromInit};</li>
 *   <li>the rounds of a step: one (predictions, or a GATHER in population mode) unless it solves an inner problem
 *       ({@link BilevelReadout}).</li>
 * </ul>
 * Conventions: a particle's position starts at {@code x[at]}, {@code posDim} coordinates; h is the bilevel output
 * weights by particle id (null for the others). The defaults are those of the sphere readouts, theta = sqrt(m) u.
 * Immutable; no per-particle objects.
 */
interface NeuronReadout {
    /** Default factor of the active-neuron threshold (times the mean neuron mass). */
    double ACTIVE_FACTOR = 1e-3;

    /** The strategy of a readout, for positions of dimension {@code posDim} and input weights of length dp. */
    static NeuronReadout of(Readout readout, int posDim, int dp, double lambda, Signs signs) {
        return switch (readout) {
            case COORDINATE -> new CoordinateReadout(posDim, dp, lambda);
            case CONE -> new ConeReadout(posDim, dp, lambda);
            case MASS -> new MassReadout(posDim, dp, lambda, signs);
            case BILEVEL -> new BilevelReadout(posDim, dp, lambda);
        };
    }

    /** The readout this strategy implements. */
    Readout kind();

    /** Positions' dimension. */
    int posDim();

    /** Rejects settings the readout cannot take, with an {@link IllegalArgumentException} naming them. */
    default void check(Activation activation, Loss loss) {}

    /**
     * {@code V(theta_i)} into {@code v[i]}, {@code grad V(theta_i)} into {@code gradV[at ..]}, from the neuron's sample
     * sum a and its gradient {@code g[go .. go+dp)}; returns the neuron's share of the regulariser R (mass m).
     */
    double firstVariation(double[] x, int at, double m, long id, double a, double[] g, int go, double[] h,
                          double[] v, int i, double[] gradV);

    /** The coefficient c_i of the neuron in f. */
    double coefficient(double[] x, int at, double m, long id, double[] h);

    /** The neuron mass mu_i of the metrics; {@code h} is the neuron's bilevel output weight (0 for the others). */
    double neuronMass(double[] x, int at, double m, double h);

    /** {@code |theta|^2} for distanceFromInit: theta = sqrt(m) u on the sphere, |m| |u|^2. */
    default double thetaNorm2(double[] x, int at, double m) {
        double s = 0;
        for (int c = 0; c < posDim(); c++) s += x[at + c] * x[at + c];
        return Math.abs(m) * s;
    }

    /** {@code |theta - theta(0)|^2} with theta = sqrt(|m|) u, the initial state at {@code x0[o ..]}, mass m0. */
    default double distance2(double[] x, int at, double m, double[] x0, int o, double m0) {
        double s = 0;
        double r = Math.sqrt(Math.abs(m)), r0 = Math.sqrt(Math.abs(m0));
        for (int c = 0; c < posDim(); c++) {
            double e = r * x[at + c] - r0 * x0[o + c];
            s += e * e;
        }
        return s;
    }

    /** The active-neuron threshold before any step: {@code ACTIVE_FACTOR} times the mean initial neuron mass. */
    default double defaultThreshold(double initialMass, int count) {
        return ACTIVE_FACTOR * initialMass / count;
    }

    /** Rounds per step: one, the predictions (SUM) or, in population mode, the GATHER of all neurons. */
    default int rounds(boolean population) { return 1; }

    /** The round whose SUM is the predictions on the samples (samples mode). */
    default int predictionRound() { return 0; }

    /**
     * The reduction of a round ({@code predictionLength}: samples plus test samples, unused in population mode).
     */
    default Reduction reduction(int round, boolean population, int count, int predictionLength) {
        return population ? Reduction.gather() : Reduction.sum(predictionLength);
    }

    /** The output weights h of this step by particle id, from the summaries, or null (not bilevel). */
    default double[] outputWeights(Summaries summaries) { return null; }

    /** Whether the readout has inner output weights solved at every step (then {@link TwoLayerModel#ridge}). */
    default boolean solvesRidge() { return false; }

    /** Writes the block's partial of a round other than the predictions; false if the round has none. */
    default boolean partial(TwoLayerModel model, int round, Block b, Summaries done, double[] out) { return false; }

    /** The scheduler's step after a round ({@link lmo.model.Model#globalStep}); none by default. */
    default void globalStep(TwoLayerModel model, int round, Summaries summaries) {}

    /**
     * Neuron–sample pairs per step, given those of the predictions and V ({@code perStep}), N neurons and n
     * samples (population mode: {@code perStep} counts kernel evaluations).
     */
    default double pairEvaluationsPerStep(double perStep, double neurons, int samples, boolean population) {
        return perStep;
    }
}
