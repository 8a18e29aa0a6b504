package lmo.model.resnet;

import lmo.rng.CounterRng;

/**
 * The task and the frozen embeddings of the MLU ResNet (the authors' nonlinear experiment): inputs X (d_in x N) and
 * targets Y (d_out x N) iid N(0, 1), keyed by {@code dataSeed}; the embedding W_E (D x d_in, entries N(0, 1/d_in))
 * and read-out W_U (D x d_out, entries N(0, d_out)), keyed by {@code embeddingSeed} and drawn row by row, so that the
 * matrices of a model of embedding D are the leading D rows of those of any larger model with the same seed: the
 * coupling under which {@code errorEmbedding} compares sizes. Matrices are row-major flat arrays.
 *
 * <p>Keys ({@link CounterRng#STREAM_RESNET}): X column n is {@code (dataSeed, population -1, id n)}, Y column n
 * {@code (dataSeed, -2, n)}, W_E row r {@code (embeddingSeed, -3, r)}, W_U row r {@code (embeddingSeed, -4, r)}.
 */
public record ResNetData(double[] x, double[] y, double[] embed, double[] readout) {

    /** Generates the data and embeddings of {@code shape}. */
    public static ResNetData generate(ResNetShape shape, long dataSeed, long embeddingSeed) {
        int n = shape.samples(), din = shape.inputDim(), dout = shape.outputDim(), d = shape.embedding();
        double[] x = new double[din * n], y = new double[dout * n], col = new double[Math.max(din, dout)];
        for (int s = 0; s < n; s++) {
            CounterRng.gaussians(dataSeed, -1, s, 0, CounterRng.STREAM_RESNET, col, 0, din);
            for (int i = 0; i < din; i++) x[i * n + s] = col[i];
            CounterRng.gaussians(dataSeed, -2, s, 0, CounterRng.STREAM_RESNET, col, 0, dout);
            for (int i = 0; i < dout; i++) y[i * n + s] = col[i];
        }
        double[] we = new double[d * din], wu = new double[d * dout];
        double se = Math.sqrt(1.0 / din), su = Math.sqrt(dout);
        for (int r = 0; r < d; r++) {
            CounterRng.gaussians(embeddingSeed, -3, r, 0, CounterRng.STREAM_RESNET, we, r * din, din);
            CounterRng.gaussians(embeddingSeed, -4, r, 0, CounterRng.STREAM_RESNET, wu, r * dout, dout);
            for (int c = 0; c < din; c++) we[r * din + c] *= se;
            for (int c = 0; c < dout; c++) wu[r * dout + c] *= su;
        }
        return new ResNetData(x, y, we, wu);
    }

    /** h_0 = W_E X (D x N). */
    public double[] embedding(ResNetShape shape) {
        int n = shape.samples(), din = shape.inputDim(), d = shape.embedding();
        double[] h = new double[d * n];
        for (int r = 0; r < d; r++) {
            for (int s = 0; s < n; s++) {
                double acc = 0;
                for (int c = 0; c < din; c++) acc += embed[r * din + c] * x[c * n + s];
                h[r * n + s] = acc;
            }
        }
        return h;
    }

    /** out = W_U' h_L / D (d_out x N). */
    public double[] output(ResNetShape shape, double[] hL) {
        int n = shape.samples(), dout = shape.outputDim(), d = shape.embedding();
        double[] out = new double[dout * n];
        for (int o = 0; o < dout; o++) {
            for (int s = 0; s < n; s++) {
                double acc = 0;
                for (int r = 0; r < d; r++) acc += readout[r * dout + o] * hL[r * n + s];
                out[o * n + s] = acc / d;
            }
        }
        return out;
    }

    /** The loss sum (out - Y)^2 / (N d_out), without the 1/2 (as the authors report it). */
    public double loss(ResNetShape shape, double[] out) {
        double acc = 0;
        for (int i = 0; i < out.length; i++) acc += (out[i] - y[i]) * (out[i] - y[i]);
        return acc / (shape.samples() * shape.outputDim());
    }

    /** B_L = W_U (out - Y) / (N d_out) (D x N): D times the gradient of the 1/2-loss at h_L. */
    public double[] outputBackward(ResNetShape shape, double[] out) {
        int n = shape.samples(), dout = shape.outputDim(), d = shape.embedding();
        double[] b = new double[d * n];
        double scale = 1.0 / (n * dout);
        for (int r = 0; r < d; r++) {
            for (int s = 0; s < n; s++) {
                double acc = 0;
                for (int o = 0; o < dout; o++) acc += readout[r * dout + o] * (out[o * n + s] - y[o * n + s]);
                b[r * n + s] = acc * scale;
            }
        }
        return b;
    }
}
