package lmo.model.neural;

import java.util.Arrays;
import lmo.rng.CounterRng;

/**
 * A teacher network {@code f*(x) = sum_{t<k} a*_t sigma(<w*_t, x~>)}, x~ = (x, 1) when {@code bias}, else x. Stated
 * in full: k neurons, input weights {@code w*_t} (k rows of {@code inputDim + (bias ? 1 : 0)} values, row-major;
 * with bias the last value of a row is the neuron's bias), output weights {@code a*_t}, the activation.
 *
 * <p>{@link #random} draws every input weight uniform on the unit sphere of R^(d') (d' = inputDim + bias; a normalised
 * standard Gaussian vector, bias coordinate included), neuron t from the counter-based key
 * {@code (seed, 0, t, 0, STREAM_TEACHER = 12)}: the first k neurons of a wider teacher with the same seed are the same.
 * Output weights default to {@code 1/k} each.
 */
public record Teacher(int inputDim, boolean bias, Activation activation, double[] weights, double[] outputs) {
    /** Counter-based stream of the teacher's input weights. */
    public static final int STREAM_TEACHER = CounterRng.STREAM_NEURAL_TEACHER;

    public Teacher {
        if (inputDim < 1) throw new IllegalArgumentException("teacher: inputDim must be >= 1, got " + inputDim);
        if (activation == null) throw new IllegalArgumentException("teacher: activation is required");
        if (outputs == null || outputs.length < 1) throw new IllegalArgumentException("teacher: needs at least one neuron");
        int dp = inputDim + (bias ? 1 : 0);
        if (weights == null || weights.length != outputs.length * dp) {
            throw new IllegalArgumentException("teacher: " + outputs.length + " neurons need " + outputs.length * dp
                + " input weights (" + dp + " each), got " + (weights == null ? 0 : weights.length));
        }
        weights = weights.clone();
        outputs = outputs.clone();
        for (double v : weights) if (!Double.isFinite(v)) throw new IllegalArgumentException("teacher: weights must be finite");
        for (double v : outputs) if (!Double.isFinite(v)) throw new IllegalArgumentException("teacher: output weights must be finite");
    }

    /** k neurons with input weights uniform on the unit sphere (seeded, see the class comment), output weights 1/k. */
    public static Teacher random(int neurons, int inputDim, boolean bias, Activation activation, long seed) {
        return random(neurons, inputDim, bias, activation, seed, null);
    }

    /** As {@link #random(int, int, boolean, Activation, long)} with listed output weights (null: 1/k each). */
    public static Teacher random(int neurons, int inputDim, boolean bias, Activation activation, long seed, double[] outputs) {
        if (neurons < 1) throw new IllegalArgumentException("teacher: neurons must be >= 1, got " + neurons);
        int dp = inputDim + (bias ? 1 : 0);
        double[] w = new double[neurons * dp];
        for (int t = 0; t < neurons; t++) {
            CounterRng.gaussians(seed, 0, t, 0, STREAM_TEACHER, w, t * dp, dp);
            normalize(w, t * dp, dp);
        }
        return new Teacher(inputDim, bias, activation, w, outputs == null ? uniformOutputs(neurons) : outputs);
    }

    /** Listed input weights (k rows of d' values; not normalised) and output weights (null: 1/k each). */
    public static Teacher listed(int inputDim, boolean bias, Activation activation, double[] weights, double[] outputs) {
        int dp = inputDim + (bias ? 1 : 0);
        int k = weights.length / Math.max(1, dp);
        return new Teacher(inputDim, bias, activation, weights, outputs == null ? uniformOutputs(k) : outputs);
    }

    private static double[] uniformOutputs(int k) {
        double[] a = new double[k];
        Arrays.fill(a, 1.0 / k);
        return a;
    }

    static void normalize(double[] v, int at, int n) {
        double s = 0;
        for (int c = 0; c < n; c++) s += v[at + c] * v[at + c];
        double r = Math.sqrt(s);
        for (int c = 0; c < n; c++) v[at + c] /= r;
    }

    /** Number of neurons k. */
    public int neurons() { return outputs.length; }

    /** Length of an input weight, {@code inputDim + (bias ? 1 : 0)}. */
    public int weightDim() { return inputDim + (bias ? 1 : 0); }

    /** A copy of the input weights (k x d', row-major). */
    @Override public double[] weights() { return weights.clone(); }

    /** A copy of the output weights. */
    @Override public double[] outputs() { return outputs.clone(); }

    double weight(int t, int c) { return weights[t * weightDim() + c]; }

    /** The input weights, not copied (package-internal hot paths). */
    double[] weightsView() { return weights; }

    double output(int t) { return outputs[t]; }

    /** {@code f*(x)} for the input {@code x[at .. at+inputDim)}. */
    public double value(double[] x, int at) {
        int dp = weightDim();
        double f = 0;
        for (int t = 0; t < outputs.length; t++) {
            double z = 0;
            for (int c = 0; c < inputDim; c++) z += weights[t * dp + c] * x[at + c];
            if (bias) z += weights[t * dp + inputDim];
            f += outputs[t] * activation.value(z);
        }
        return f;
    }

    @Override public boolean equals(Object o) {
        return o instanceof Teacher t && t.inputDim == inputDim && t.bias == bias && t.activation == activation
            && Arrays.equals(t.weights, weights) && Arrays.equals(t.outputs, outputs);
    }

    @Override public int hashCode() {
        return (31 * inputDim + Arrays.hashCode(weights)) * 31 + Arrays.hashCode(outputs);
    }

    @Override public String toString() {
        return "Teacher[" + neurons() + " neurons, inputDim " + inputDim + ", bias " + bias + ", " + activation.key() + "]";
    }
}
