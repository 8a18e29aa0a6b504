package lmo.model.kernel;

import lmo.particles.Block;
import lmo.particles.Gathered;
import lmo.particles.Reduction;
import lmo.particles.Summaries;

/**
 * The Sobolev kernel {@code K_s(x) = sum_{k != 0} (2 pi k)^(-2s) e^(2 pi i k x) = (-1)^(s+1) B_2s({x}) / (2s)!} on the
 * unit circle, integer s, in closed form ({@link Bernoulli}); {@code K_s'(x) = (-1)^(s+1) B_2s-1({x}) / (2s-1)!} with
 * the self-force convention {@code K_s'(0) = 0} (s = 1 jumps there). GATHER:
 * {@code V(x_i) = sum_j m_j K_s(x_i - x_j) - (K_s * nu)(x_i)}.
 *
 * <p>The difference {@code d = x_i - x_j} is reduced exactly to {@code e = d - rint(d)} in [-1/2, 1/2]; K_s is even and
 * K_s' odd in e, evaluated at {@code u = |e| - 1/2}, so {@code K'(x_i - x_j) = -K'(x_j - x_i)} holds exactly. Kernel
 * sums are compensated (two-sum) and corrected by the period mean of the rounded polynomial
 * ({@link Bernoulli#roundedMean}), which keeps the energy's rounding near {@code eps K_s(0) / N} even where it is a tiny
 * difference of O(1) terms (equispaced particles at s = 1: {@code E = 1/(24 N^2)} to ~1e-11 relative at N = 1000).
 *
 * <p>Target: uniform ({@code K*nu = 0}), cosine ({@code (K*nu)(x) = sum_{k != 0} lambda_k m_k(nu) e^(2 pi i k x)},
 * {@code lambda_k = (2 pi |k|)^(-2s)}), or samples (direct sums). Energy: per block
 * {@code sum_i m_i (P_i/2 - T_i)}, {@code P_i = sum_j m_j K(x_i - x_j)}, {@code T_i = (K*nu)(x_i)}, plus
 * {@code 1/2 int int K dnu dnu}.
 */
final class SobolevExactKernel implements MmdKernel {
    private final int s;
    private final double[] a;          // K_s = sum_j a_j u^(2j)
    private final double[] b;          // K_s' = u sum_j b_j u^(2j)
    private final double bias;         // mean of the rounded K_s over a period (exact: 0)
    private final double[] ys;         // samples target positions (or empty)
    private final double[] vs;         // samples target weights
    private final int[] freq;          // cosine target: positive frequencies k
    private final double[] cosCoef;    // 2 lambda_k m_k(nu):  (K*nu)(x) = sum cosCoef cos(2 pi k x)
    private final double[] sinCoef;    // 2 pi k cosCoef:     (K*nu)'(x) = -sum sinCoef sin(2 pi k x)
    private final double halfConstant; // 1/2 int int K dnu dnu
    private final boolean uniform;     // the target is uniform (K*nu = 0)

    /** s = 1: the kernel has a kink at 0, so a particle's stale copy pushes it by 1/(2N) and the flow stalls. */
    @Override public String staleSummaryProblem() {
        return s == 1 ? "the exact Sobolev kernel with s = 1 has a kink at 0: a particle's stale copy pushes it by"
                + " 1/(2N) and the flow stalls instead of converging; use s >= 2 or the Fourier path (torus)" : null;
    }

    /**
     * {@code (2 pi)^(2 - 2s)} for a uniform target: mode k of the density perturbation decays at
     * {@code (2 pi k)^(2 - 2s)} under {@code dx/dt = -grad V}, largest at k = 1 (every mode at rate 1 for s = 1).
     * NaN for a cosine or samples target.
     */
    @Override public double largestLinearRate() {
        return uniform ? StrictMath.pow(2 * Math.PI, 2 - 2.0 * s) : Double.NaN;
    }

    SobolevExactKernel(int s, Target target) {
        if (s < 1 || s > Bernoulli.MAX_S) throw new IllegalArgumentException("sobolevExact: s must be an integer in 1.." + Bernoulli.MAX_S + ", got " + s);
        this.s = s;
        this.a = Bernoulli.kernelCoefficients(s);
        this.b = Bernoulli.derivativeCoefficients(s);
        this.bias = Bernoulli.roundedMean(s);
        int waves = target.kind() == Target.Kind.COSINE ? target.waveCount() : 0;
        freq = new int[waves];
        cosCoef = new double[waves];
        sinCoef = new double[waves];
        double c = 0;
        for (int w = 0; w < waves; w++) {
            freq[w] = target.wave(w)[0];
            double lambda = StrictMath.pow(2 * Math.PI * freq[w], -2.0 * s);
            double nuk = target.coefficient(w);
            cosCoef[w] = 2 * lambda * nuk;
            sinCoef[w] = 2 * Math.PI * freq[w] * cosCoef[w];
            c += 2 * lambda * nuk * nuk;
        }
        if (target.kind() == Target.Kind.SAMPLES) {
            ys = target.points();
            vs = target.weights();
            double[] out = new double[2];
            double[] parts = new double[2];
            for (int j = 0; j < vs.length; j++) {
                sums(ys[j], ys, vs, vs.length, out);
                twoSum(parts, vs[j] * out[0]);
            }
            c = parts[0] + parts[1];
        } else {
            ys = new double[0];
            vs = new double[0];
        }
        halfConstant = c / 2;
        uniform = target.kind() == Target.Kind.UNIFORM || target.kind() == Target.Kind.COSINE && waves == 0;
    }

    @Override public Reduction reduction() { return Reduction.gather(); }

    @Override public void firstVariation(Block block, Summaries summaries, double[] v, double[] gradV, double[] metricSums) {
        Gathered g = summaries.gathered(0);
        int p = block.population();
        double[] xs = g.x()[p];
        double[] ms = g.m()[p];
        double[] x = block.x();
        double[] m = block.m();
        double[] out = new double[2];
        double energy = 0;
        for (int i = 0; i < block.count(); i++) {
            double xi = x[i];
            sums(xi, xs, ms, ms.length, out);
            double pot = out[0];
            double grad = out[1];
            double tgt = 0;
            double tgtGrad = 0;
            if (vs.length > 0) {
                sums(xi, ys, vs, vs.length, out);
                tgt = out[0];
                tgtGrad = out[1];
            }
            for (int w = 0; w < freq.length; w++) {
                double t = freq[w] * xi;
                double theta = 2 * Math.PI * (t - Math.rint(t));
                tgt += cosCoef[w] * StrictMath.cos(theta);
                tgtGrad -= sinCoef[w] * StrictMath.sin(theta);
            }
            v[i] = pot - tgt;
            gradV[i] = grad - tgtGrad;
            energy += m[i] * (0.5 * pot - tgt);
        }
        metricSums[0] += energy;
    }

    /**
     * {@code out[0] = sum_j w_j K_s(xi - src_j)} (compensated, and corrected by the mean of the rounded kernel) and
     * {@code out[1] = sum_j w_j K_s'(xi - src_j)}, the same loop for every particle.
     */
    private void sums(double xi, double[] src, double[] w, int n, double[] out) {
        double sum = 0;
        double comp = 0;
        double grad = 0;
        double weight = 0;
        int top = s;
        for (int j = 0; j < n; j++) {
            double d = xi - src[j];
            double e = d - Math.rint(d);              // exact, in [-1/2, 1/2]
            double u = Math.abs(e) - 0.5;
            double u2 = u * u;
            double k = a[top];
            for (int q = top - 1; q >= 0; q--) k = k * u2 + a[q];
            double kp = b[top - 1];
            for (int q = top - 2; q >= 0; q--) kp = kp * u2 + b[q];
            double term = w[j] * k;
            double t = sum + term;                    // two-sum: t + err = sum + term exactly
            double bp = t - sum;
            comp += (sum - (t - bp)) + (term - bp);
            sum = t;
            grad += w[j] * (Math.signum(e) * (u * kp)); // odd in e, 0 at e = 0
            weight += w[j];
        }
        out[0] = (sum + comp) - bias * weight;
        out[1] = grad;
    }

    private static void twoSum(double[] acc, double term) {
        double t = acc[0] + term;
        double bp = t - acc[0];
        acc[1] += (acc[0] - (t - bp)) + (term - bp);
        acc[0] = t;
    }

    @Override public int metricSumLength() { return 1; }

    @Override public double energy(Summaries summaries, double[] metricSums) { return metricSums[0] + halfConstant; }

    /** {@code N (N + M)}, M the number of target samples (cosine modes add N per mode and are not counted). */
    @Override public double pairEvaluations(int count) { return (double) count * (count + vs.length); }

    @Override public int defaultBlockSize(int count) { return 256; }
}
