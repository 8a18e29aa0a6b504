package lmo.model.neural;

import java.util.Locale;
import lmo.rng.CounterRng;

/**
 * Builds {@link Dataset}s: generated inputs labelled by a {@link Teacher}, or arrays the caller read from files.
 *
 * <p><b>Random keys</b> (counter-based, {@link CounterRng}; the key is {@code (seed, 0, sample index, set, stream)}
 * with {@code set = 0} for the training set and {@code 1} for the test set, so the test set is independent of the
 * training set and both are prefix-stable: the first n samples of a larger set are the n-sample set):
 * <ul>
 *   <li>{@link #STREAM_INPUTS} = 10: the d Gaussians of input k;</li>
 *   <li>{@link #STREAM_LABEL_NOISE} = 11: the label noise of sample k (one Gaussian);</li>
 *   <li>{@link Teacher#STREAM_TEACHER} = 12: the teacher's input weights (keyed by neuron, with the teacher's seed).</li>
 * </ul>
 *
 * <p>Inputs: {@link Inputs#SPHERE} uniform on S^(d-1) (a standard Gaussian vector divided by its norm),
 * {@link Inputs#GAUSSIAN} N(0, I_d). Labels: {@code y = f*(x) + noise * N(0,1)}, or with {@code signLabels}
 * {@code y = +1} if {@code f*(x) + noise * N(0,1) >= 0} else {@code -1} (for the logistic loss).
 */
public final class Datasets {
    /** Stream of the generated inputs. */
    public static final int STREAM_INPUTS = CounterRng.STREAM_NEURAL_INPUTS;
    /** Stream of the label noise. */
    public static final int STREAM_LABEL_NOISE = CounterRng.STREAM_NEURAL_LABEL_NOISE;
    /** The {@code set} key word of the training set. */
    public static final int SET_TRAIN = 0;
    /** The {@code set} key word of the test set. */
    public static final int SET_TEST = 1;

    private Datasets() {}

    /** The law of generated inputs. */
    public enum Inputs {
        SPHERE, GAUSSIAN;

        public String key() { return name().toLowerCase(Locale.ROOT); }

        public static Inputs parse(String name) {
            for (Inputs i : values()) if (i.key().equalsIgnoreCase(name)) return i;
            throw new IllegalArgumentException("inputs: expected sphere or gaussian, got " + name);
        }
    }

    /** {@code count} inputs of dimension {@code dim} (row-major), sample k from key {@code (seed, 0, k, set, 10)}. */
    public static double[] inputs(Inputs law, int dim, int count, long seed, int set) {
        if (dim < 1 || count < 0) throw new IllegalArgumentException("inputs: need dim >= 1 and count >= 0");
        double[] x = new double[count * dim];
        for (int k = 0; k < count; k++) {
            CounterRng.gaussians(seed, 0, k, set, STREAM_INPUTS, x, k * dim, dim);
            if (law == Inputs.SPHERE) Teacher.normalize(x, k * dim, dim);
        }
        return x;
    }

    /** Data read elsewhere (e.g. from .npy / .csv files); the test arrays may be null or empty. */
    public static Dataset fromArrays(int dim, double[] inputs, double[] labels, double[] testInputs, double[] testLabels) {
        return new Dataset(dim, inputs, labels, testInputs, testLabels, null);
    }

    /** Starts a teacher–student data set; the input dimension is the teacher's. */
    public static Builder teacherStudent(Teacher teacher) { return new Builder(teacher); }

    /** Generated teacher–student data. Defaults: sphere inputs, no test set, no label noise, real labels, seed 0. */
    public static final class Builder {
        private final Teacher teacher;
        private Inputs law = Inputs.SPHERE;
        private int count = -1;
        private int testCount = 0;
        private double labelNoise = 0;
        private boolean signLabels = false;
        private long seed = 0;

        private Builder(Teacher teacher) {
            if (teacher == null) throw new IllegalArgumentException("data: a teacher is required");
            this.teacher = teacher;
        }

        public Builder inputs(Inputs law) { this.law = law; return this; }
        /** Number of training samples n (required, >= 1). */
        public Builder count(int n) { this.count = n; return this; }
        /** Number of test samples (0: none). */
        public Builder testCount(int n) { this.testCount = n; return this; }
        /** Standard deviation of the Gaussian label noise (>= 0). */
        public Builder labelNoise(double std) { this.labelNoise = std; return this; }
        /** Labels {@code +-1} (the sign of the noisy teacher output), for the logistic loss. */
        public Builder signLabels(boolean on) { this.signLabels = on; return this; }
        /** Seed of the inputs and label noise (the teacher has its own). */
        public Builder seed(long s) { this.seed = s; return this; }

        public Dataset build() {
            if (count < 1) throw new IllegalArgumentException("data: count must be >= 1, got " + count);
            if (testCount < 0) throw new IllegalArgumentException("data: test count must be >= 0, got " + testCount);
            if (!(labelNoise >= 0) || Double.isInfinite(labelNoise)) {
                throw new IllegalArgumentException("data: label noise must be >= 0, got " + labelNoise);
            }
            int d = teacher.inputDim();
            double[] x = Datasets.inputs(law, d, count, seed, SET_TRAIN);
            double[] xt = Datasets.inputs(law, d, testCount, seed, SET_TEST);
            return new Dataset(d, x, labels(x, count, SET_TRAIN), xt, labels(xt, testCount, SET_TEST), teacher);
        }

        private double[] labels(double[] x, int n, int set) {
            int d = teacher.inputDim();
            double[] y = new double[n];
            double[] z = new double[1];
            for (int k = 0; k < n; k++) {
                double v = teacher.value(x, k * d);
                if (labelNoise > 0) {
                    CounterRng.gaussians(seed, 0, k, set, STREAM_LABEL_NOISE, z, 0, 1);
                    v += labelNoise * z[0];
                }
                y[k] = signLabels ? (v >= 0 ? 1.0 : -1.0) : v;
            }
            return y;
        }
    }
}
