package lmo.deep.mlp;

import lmo.rng.CounterRng;

/**
 * A batch of n samples {@code (x_i, y_i)}, {@code x_i in R^dIn}, {@code y_i in R^dOut}, as flat row-major arrays:
 * {@code x[i dIn + j]} is coordinate j of input i, {@code y[i dOut + c]} coordinate c of target i.
 *
 * @param n    number of samples (at least 1)
 * @param dIn  input dimension
 * @param dOut output dimension
 * @param x    inputs, n x dIn
 * @param y    targets, n x dOut
 */
public record Batch(int n, int dIn, int dOut, double[] x, double[] y) {
    /** Stream of {@link #gaussian}'s inputs: key {@code (seed, population, id = sample i, step 0, 31)}. */
    public static final int STREAM_INPUTS = CounterRng.STREAM_MLP_INPUTS;
    /** Stream of {@link #gaussian}'s targets: key {@code (seed, population, id = sample i, step 0, 32)}. */
    public static final int STREAM_TARGETS = CounterRng.STREAM_MLP_TARGETS;

    /** Checks the shapes. */
    public Batch {
        if (n < 1 || dIn < 1 || dOut < 1) throw new IllegalArgumentException("batch: n, dIn, dOut must be >= 1");
        if (x.length != n * dIn) throw new IllegalArgumentException("batch: x has " + x.length + " entries, expected n dIn = " + n * dIn);
        if (y.length != n * dOut) throw new IllegalArgumentException("batch: y has " + y.length + " entries, expected n dOut = " + n * dOut);
    }

    /**
     * Inputs and targets with iid standard Gaussian coordinates, {@code x_i ~ N(0, I_dIn)}, {@code y_i ~ N(0, I_dOut)}
     * independent of x (pure-noise targets: at initialisation the gradient is then generic, which is what the feature
     * speed diagnostics need). Sample i's input is {@link CounterRng#gaussians} for key
     * {@code (seed, population, i, 0, STREAM_INPUTS)}, counters {@code 0 .. dIn-1}; its target likewise with
     * {@code STREAM_TARGETS}. Prefix-stable: the first n samples of a larger batch are the n-sample batch.
     */
    public static Batch gaussian(long seed, int population, int n, int dIn, int dOut) {
        double[] x = new double[n * dIn];
        double[] y = new double[n * dOut];
        for (int i = 0; i < n; i++) {
            CounterRng.gaussians(seed, population, i, 0, STREAM_INPUTS, x, i * dIn, dIn);
            CounterRng.gaussians(seed, population, i, 0, STREAM_TARGETS, y, i * dOut, dOut);
        }
        return new Batch(n, dIn, dOut, x, y);
    }
}
