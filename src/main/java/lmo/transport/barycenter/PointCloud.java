package lmo.transport.barycenter;

import lmo.rng.CounterRng;

/**
 * A weighted point cloud {@code nu = sum_j b_j delta_{y_j}} in R^d: points flat ({@code points[j*dim + c]}), weights
 * positive and summing to 1.
 */
public record PointCloud(int dim, double[] points, double[] weights) {
    /** Stream of {@link #gaussianSample} ({@link lmo.rng.CounterRng#STREAM_BARYCENTER_INPUTS}). */
    public static final int STREAM_INPUT_SAMPLES = lmo.rng.CounterRng.STREAM_BARYCENTER_INPUTS;

    public PointCloud {
        if (dim < 1 || points.length != weights.length * dim || weights.length == 0)
            throw new IllegalArgumentException(points.length + " coordinates for " + weights.length + " points in dimension " + dim);
        double sum = 0;
        for (double b : weights) {
            if (!(b > 0) || Double.isInfinite(b)) throw new IllegalArgumentException("weights must be > 0 and finite, got " + b);
            sum += b;
        }
        if (Math.abs(sum - 1) > 1e-9) throw new IllegalArgumentException("weights must sum to 1, got " + sum);
    }

    public int size() { return weights.length; }

    /** Points with uniform weights 1/m. */
    public static PointCloud uniform(int dim, double[] points) {
        int m = points.length / dim;
        double[] b = new double[m];
        java.util.Arrays.fill(b, 1.0 / m);
        return new PointCloud(dim, points.clone(), b);
    }

    /**
     * N(mean, sigma2 I) as a weighted lattice: per axis the points {@code mean_c + sigma (-r + 2 r i / (q - 1))},
     * i = 0 .. q-1 (q odd puts a point on the mean), tensor product over axes, weights proportional to the density.
     * The lattice sums of Gaussians of variance v converge spectrally (error ~ exp(-2 pi^2 v / h^2), h the spacing),
     * so entropic transport towards it matches the continuous Gaussian as long as h is well below the conditional
     * standard deviation of the plan (about sqrt(lambda) for small lambda); r = 5 leaves a tail mass below 1e-6.
     */
    public static PointCloud gaussianLattice(double[] mean, double sigma2, int q, double r) {
        if (q < 2 || !(r > 0)) throw new IllegalArgumentException("need q >= 2 and r > 0");
        int d = mean.length, m = 1;
        for (int c = 0; c < d; c++) m *= q;
        double sigma = Math.sqrt(sigma2), h = 2 * r / (q - 1);
        double[] y = new double[m * d], lb = new double[m];
        for (int j = 0; j < m; j++) {
            int rest = j;
            double r2 = 0;
            for (int c = d - 1; c >= 0; c--) {
                double z = -r + h * (rest % q);
                rest /= q;
                y[j * d + c] = mean[c] + sigma * z;
                r2 += z * z;
            }
            lb[j] = -r2 / 2;
        }
        TensorGrid.normalised(lb);
        for (int j = 0; j < m; j++) lb[j] = Math.exp(lb[j]);
        double sum = 0;
        for (double b : lb) sum += b;
        for (int j = 0; j < m; j++) lb[j] /= sum;
        return new PointCloud(d, y, lb);
    }

    /**
     * m samples of N(mean, sigma2 I) with uniform weights, moment-matched: standard Gaussians keyed by
     * (seed, population 0, id j, step = input, {@link #STREAM_INPUT_SAMPLES}), then centred and whitened (Cholesky of
     * their covariance) so that the cloud's mean is exactly {@code mean} and its covariance exactly {@code sigma2 I}.
     */
    public static PointCloud gaussianSample(double[] mean, double sigma2, int m, long seed, int input) {
        int d = mean.length;
        if (m <= d) throw new IllegalArgumentException("need more samples than dimensions");
        double[] z = new double[m * d];
        for (int j = 0; j < m; j++) CounterRng.gaussians(seed, 0, j, input, STREAM_INPUT_SAMPLES, z, j * d, d);
        double[] mu = new double[d];
        for (int j = 0; j < m; j++) for (int c = 0; c < d; c++) mu[c] += z[j * d + c] / m;
        double[] cov = new double[d * d];
        for (int j = 0; j < m; j++)
            for (int a = 0; a < d; a++)
                for (int b = 0; b < d; b++) cov[a * d + b] += (z[j * d + a] - mu[a]) * (z[j * d + b] - mu[b]) / m;
        double[] l = cholesky(cov, d);
        double sigma = Math.sqrt(sigma2);
        double[] y = new double[m * d], u = new double[d];
        for (int j = 0; j < m; j++) {
            for (int a = 0; a < d; a++) {          // u = L^{-1} (z - mu), forward substitution
                double s = z[j * d + a] - mu[a];
                for (int b = 0; b < a; b++) s -= l[a * d + b] * u[b];
                u[a] = s / l[a * d + a];
            }
            for (int a = 0; a < d; a++) y[j * d + a] = mean[a] + sigma * u[a];
        }
        return uniform(d, y);
    }

    private static double[] cholesky(double[] a, int d) {
        double[] l = new double[d * d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j <= i; j++) {
                double s = a[i * d + j];
                for (int k = 0; k < j; k++) s -= l[i * d + k] * l[j * d + k];
                l[i * d + j] = i == j ? Math.sqrt(s) : s / l[j * d + j];
            }
        return l;
    }
}
