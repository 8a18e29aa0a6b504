package lmo.bench;

import java.io.IOException;
import java.nio.file.Path;
import lmo.io.Npy;
import lmo.io.Table;

/**
 * The data of benchmark W3 (bench/README.md), a mean-field two-layer ReLU network learning a teacher, made by the
 * recipe with the arithmetic of the NumPy reference ({@code w3_meanfield.py}), so that the arrays match its dump
 * ({@code data/w3_*.npy}) up to the libm's last bit:
 * <ul>
 *   <li>inputs {@code x_k = G_k / |G_k|}, k < n = 2048, {@code G = gaussians(seed 1, n d)} row-major, d = 10
 *       (uniform on S^9; {@code |G_k|^2} summed in NumPy's pairwise order);</li>
 *   <li>labels {@code y_k = (1/5) sum_{j<5} relu(x_kj)} (the teacher {@code w*_j = e_j}, {@code a*_j = 1});</li>
 *   <li>input weights {@code W0 = gaussians(seed 2, N d) / sqrt(d)} row-major, output weights
 *       {@code a0 = gaussians(seed 3, N)}: prefix-stable, N = 1000 is the first 1000 rows of N = 10000.</li>
 * </ul>
 * The Gaussians are {@link SplitMix64#gaussians}.
 *
 * @param inputs n x d, row-major
 * @param labels n values
 * @param outputWeights a0, N values
 * @param inputWeights W0, N x d, row-major
 */
public record W3Data(double[] inputs, double[] labels, double[] outputWeights, double[] inputWeights) {
    /** Number of samples n. */
    public static final int SAMPLES = 2048;
    /** Input dimension d. */
    public static final int DIM = 10;
    /** Number of teacher neurons (the first 5 coordinates). */
    public static final int TEACHER = 5;
    /** The file names {@link #write} uses. */
    public static final String INPUTS = "w3-inputs.npy", LABELS = "w3-labels.npy", NEURONS = "w3-neurons.npy";

    /** The data with N = {@code neurons} student neurons. */
    public static W3Data of(int neurons) {
        if (neurons < 1) throw new IllegalArgumentException("W3 data: neurons must be >= 1, got " + neurons);
        double[] x = SplitMix64.gaussians(1, SAMPLES * DIM);
        double[] y = new double[SAMPLES];
        double[] square = new double[DIM];
        double[] relu = new double[TEACHER];
        for (int k = 0; k < SAMPLES; k++) {
            int at = k * DIM;
            for (int c = 0; c < DIM; c++) square[c] = x[at + c] * x[at + c];
            double norm = Math.sqrt(pairwiseSum(square, 0, DIM));
            for (int c = 0; c < DIM; c++) x[at + c] /= norm;
            for (int c = 0; c < TEACHER; c++) relu[c] = Math.max(x[at + c], 0.0);
            y[k] = pairwiseSum(relu, 0, TEACHER) / TEACHER;
        }
        double[] w = SplitMix64.gaussians(2, Math.multiplyExact(neurons, DIM));
        double root = Math.sqrt(DIM);
        for (int q = 0; q < w.length; q++) w[q] /= root;
        return new W3Data(x, y, SplitMix64.gaussians(3, neurons), w);
    }

    /** Number of student neurons N. */
    public int neurons() { return outputWeights.length; }

    /** The neurons as lmo's {@code coordinate} readout holds them: N rows {@code (a_i, w_i1, ..., w_id)}. */
    public double[] neuronRows() {
        int dim = 1 + DIM;
        double[] theta = new double[neurons() * dim];
        for (int i = 0; i < neurons(); i++) {
            theta[i * dim] = outputWeights[i];
            System.arraycopy(inputWeights, i * DIM, theta, i * dim + 1, DIM);
        }
        return theta;
    }

    /**
     * Writes {@link #INPUTS} (n x d), {@link #LABELS} (n x 1) and {@link #NEURONS} ({@link #neuronRows}, N x (1 + d))
     * into {@code dir}, as {@code .npy} float64.
     */
    public void write(Path dir) throws IOException {
        Npy.write(dir.resolve(INPUTS), new Table(SAMPLES, DIM, inputs));
        Npy.write(dir.resolve(LABELS), new Table(SAMPLES, 1, labels));
        Npy.write(dir.resolve(NEURONS), new Table(neurons(), 1 + DIM, neuronRows()));
    }

    /**
     * NumPy's sum of {@code a[at .. at+n)} ({@code pairwise_sum} of its float64 add reduction, from 0): below 8 terms
     * left to right; up to 128 in 8 interleaved partial sums, combined {@code ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7))},
     * then the rest left to right; beyond, the two halves (the first a multiple of 8) summed apart.
     */
    static double pairwiseSum(double[] a, int at, int n) {
        if (n < 8) {
            double s = 0.0;
            for (int i = 0; i < n; i++) s += a[at + i];
            return s;
        }
        if (n <= 128) {
            double[] r = new double[8];
            System.arraycopy(a, at, r, 0, 8);
            int i = 8;
            for (; i < n - n % 8; i += 8) {
                for (int j = 0; j < 8; j++) r[j] += a[at + i + j];
            }
            double s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) s += a[at + i];
            return s;
        }
        int half = n / 2;
        half -= half % 8;
        return pairwiseSum(a, at, half) + pairwiseSum(a, at + half, n - half);
    }
}
