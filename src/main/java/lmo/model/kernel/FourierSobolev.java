package lmo.model.kernel;

import java.util.Arrays;
import lmo.particles.Block;
import lmo.particles.Reduction;
import lmo.particles.Summaries;

/**
 * The Sobolev discrepancy on the unit torus T^d as a truncated Fourier sum,
 * {@code F = 1/2 sum_{0 < |k|_inf <= modes} lambda_k |m_k(mu) - m_k(nu)|^2}, {@code lambda_k = (2 pi |k|)^(-2s)},
 * {@code m_k(sigma) = int e^(-2 pi i k.x) dsigma}. Since {@code m_-k = conj(m_k)}, only the H = ((2 modes + 1)^d - 1)/2
 * lexicographically positive k (first nonzero coordinate > 0) are kept, each counted twice.
 *
 * <p>SUM summary, length 2H: {@code [2h] = Re, [2h+1] = Im} of {@code sum_i m_i e^(-2 pi i k_h.x_i)}, k_h in
 * lexicographic order (first coordinate slowest). With {@code c_k = m_k(mu) - m_k(nu)}:
 * {@code V(x) = 2 sum_h lambda_h Re[c_h e^(2 pi i k_h.x)]},
 * {@code grad V(x) = -4 pi sum_h lambda_h k_h Im[c_h e^(2 pi i k_h.x)]}, {@code F = sum_h lambda_h |c_h|^2}
 * (from the summary alone; no metric sums).
 *
 * <p>Per particle, {@code e^(-2 pi i n x_c)} for n = 0..modes comes from powers of {@code e^(-2 pi i x_c)} (one
 * sin/cos per coordinate, rounding growing like n ulp); a mode is the product across coordinates, computed as the
 * product of the first d-1 factors (updated when they change) times the last.
 */
final class FourierSobolev implements MmdKernel {
    private final int dim;
    private final int modes;
    private final int count;        // H
    private final int[] k;          // [H * dim]
    private final boolean[] newPrefix; // k_h differs from k_(h-1) before the last coordinate
    private final double[] lambda;  // [H]
    private final double[] nu;      // [2H]: Re, Im of m_k(nu)

    FourierSobolev(int dim, double s, int modes, Target target) {
        if (dim < 1) throw new IllegalArgumentException("sobolevFourier: dim must be >= 1, got " + dim);
        if (modes < 1) throw new IllegalArgumentException("sobolevFourier: modes must be >= 1, got " + modes);
        if (!(s > 0) || !Double.isFinite(s)) throw new IllegalArgumentException("sobolevFourier: s must be > 0, got " + s);
        double side = 2.0 * modes + 1;
        double all = Math.pow(side, dim);
        if ((all - 1) / 2 > 50_000_000) {
            throw new IllegalArgumentException("sobolevFourier: " + (long) ((all - 1) / 2) + " modes (dim " + dim + ", modes " + modes + ") is too many");
        }
        this.dim = dim;
        this.modes = modes;
        this.count = (int) ((all - 1) / 2);
        this.k = new int[count * dim];
        this.newPrefix = new boolean[count];
        this.lambda = new double[count];
        this.nu = new double[2 * count];
        int[] cur = new int[dim];
        Arrays.fill(cur, -modes);
        int h = 0;
        int[] prev = null;
        for (long idx = 0; idx < (long) all; idx++) {
            if (isPositive(cur)) {
                double norm2 = 0;
                boolean changed = prev == null;
                for (int c = 0; c < dim; c++) {
                    k[h * dim + c] = cur[c];
                    norm2 += (double) cur[c] * cur[c];
                    if (c < dim - 1 && prev != null && prev[c] != cur[c]) changed = true;
                }
                newPrefix[h] = changed;
                lambda[h] = StrictMath.pow(4 * Math.PI * Math.PI * norm2, -s);
                prev = cur.clone();
                h++;
            }
            for (int c = dim - 1; c >= 0; c--) {       // next k, last coordinate fastest
                if (++cur[c] <= modes) break;
                cur[c] = -modes;
            }
        }
        targetCoefficients(target);
    }

    private static boolean isPositive(int[] kk) {
        for (int v : kk) if (v != 0) return v > 0;
        return false;
    }

    private void targetCoefficients(Target target) {
        if (target.kind() == Target.Kind.COSINE) {
            for (int w = 0; w < target.waveCount(); w++) {
                int h = indexOf(target.wave(w));
                if (h >= 0) nu[2 * h] += target.coefficient(w);   // waves outside the truncation are dropped
            }
        } else if (target.kind() == Target.Kind.SAMPLES) {
            double[] pw = new double[dim * 2 * (modes + 1)];
            double[] y = target.points();
            double[] v = target.weights();
            double[] q = new double[2];
            for (int j = 0; j < v.length; j++) addModes(y, j * dim, v[j], pw, q, nu);
        }
    }

    private int indexOf(int[] kk) {
        for (int c = 0; c < dim; c++) if (Math.abs(kk[c]) > modes) return -1;
        outer:
        for (int h = 0; h < count; h++) {
            for (int c = 0; c < dim; c++) if (k[h * dim + c] != kk[c]) continue outer;
            return h;
        }
        return -1;
    }

    /**
     * {@code max_h (2 pi |k_h|)^2 lambda_h = max_h (2 pi |k_h|)^(2 - 2s)} over the kept modes when the target's
     * kept coefficients are all 0 (uniform as far as the model sees it): mode k of the density perturbation decays
     * at {@code (2 pi |k|)^2 lambda_k} under {@code dx/dt = -grad V}. At {@code |k| = 1} for s >= 1, at the largest
     * kept {@code |k| = modes sqrt(d)} for s < 1. NaN for any other target.
     */
    @Override public double largestLinearRate() {
        for (double c : nu) if (c != 0) return Double.NaN;
        double max = 0;
        for (int h = 0; h < count; h++) {
            double norm2 = 0;
            for (int c = 0; c < dim; c++) norm2 += (double) k[h * dim + c] * k[h * dim + c];
            max = Math.max(max, 4 * Math.PI * Math.PI * norm2 * lambda[h]);
        }
        return max;
    }

    @Override public Reduction reduction() { return Reduction.sum(2 * count); }

    @Override public void partial(Block block, double[] out) {
        double[] pw = new double[dim * 2 * (modes + 1)];
        double[] x = block.x();
        double[] m = block.m();
        double[] q = new double[2];
        for (int i = 0; i < block.count(); i++) addModes(x, i * dim, m[i], pw, q, out);
    }

    /**
     * {@code q = prod_{c < dim-1} e^(-2 pi i k_h[c] x_c)} (re, im): the factor shared by the modes that differ only in
     * their last coordinate.
     */
    private void prefix(double[] pw, int base, double[] q) {
        double qr = 1;
        double qi = 0;
        for (int c = 0; c < dim - 1; c++) {
            double fr = factorRe(pw, c, k[base + c]);
            double fi = factorIm(pw, c, k[base + c]);
            double t = qr * fr - qi * fi;
            qi = qr * fi + qi * fr;
            qr = t;
        }
        q[0] = qr;
        q[1] = qi;
    }

    /** {@code out[2h] += w Re e^(-2 pi i k_h.x)}, {@code out[2h+1] += w Im ...} for every kept mode. */
    private void addModes(double[] x, int at, double w, double[] pw, double[] q, double[] out) {
        powers(x, at, pw);
        int last = dim - 1;
        for (int h = 0; h < count; h++) {
            int base = h * dim;
            if (newPrefix[h]) prefix(pw, base, q);
            double qr = q[0];
            double qi = q[1];
            double fr = factorRe(pw, last, k[base + last]);
            double fi = factorIm(pw, last, k[base + last]);
            out[2 * h] += w * (qr * fr - qi * fi);
            out[2 * h + 1] += w * (qr * fi + qi * fr);
        }
    }

    @Override public void firstVariation(Block block, Summaries summaries, double[] v, double[] gradV, double[] metricSums) {
        double[] sum = summaries.sum(0);
        double[] cr = new double[count];   // 2 lambda_h c_h
        double[] ci = new double[count];
        for (int h = 0; h < count; h++) {
            cr[h] = 2 * lambda[h] * (sum[2 * h] - nu[2 * h]);
            ci[h] = 2 * lambda[h] * (sum[2 * h + 1] - nu[2 * h + 1]);
        }
        double[] pw = new double[dim * 2 * (modes + 1)];
        double[] g = new double[dim];
        double[] q = new double[2];
        double[] x = block.x();
        int last = dim - 1;
        for (int i = 0; i < block.count(); i++) {
            powers(x, i * dim, pw);
            Arrays.fill(g, 0);
            double val = 0;
            for (int h = 0; h < count; h++) {
                int base = h * dim;
                if (newPrefix[h]) prefix(pw, base, q);
                double qr = q[0];
                double qi = q[1];
                double fr = factorRe(pw, last, k[base + last]);
                double fi = factorIm(pw, last, k[base + last]);
                double pr = qr * fr - qi * fi;       // p = e^(-2 pi i k.x); e^(+...) = conj(p)
                double pi = qr * fi + qi * fr;
                val += cr[h] * pr + ci[h] * pi;      // Re[c conj(p)]
                double im = cr[h] * pi - ci[h] * pr; // -Im[c conj(p)]
                for (int c = 0; c < dim; c++) g[c] += k[base + c] * im;
            }
            v[i] = val;
            for (int c = 0; c < dim; c++) gradV[i * dim + c] = 2 * Math.PI * g[c];
        }
    }

    /** pw[(c*(modes+1) + n)*2 + {0,1}] = Re, Im of e^(-2 pi i n x_c), n = 0..modes. */
    private void powers(double[] x, int at, double[] pw) {
        int stride = 2 * (modes + 1);
        for (int c = 0; c < dim; c++) {
            double t = x[at + c];
            double theta = 2 * Math.PI * (t - Math.rint(t));
            double br = StrictMath.cos(theta);
            double bi = -StrictMath.sin(theta);
            int o = c * stride;
            pw[o] = 1;
            pw[o + 1] = 0;
            double r = 1;
            double im = 0;
            for (int n = 1; n <= modes; n++) {
                double nr = r * br - im * bi;
                im = r * bi + im * br;
                r = nr;
                pw[o + 2 * n] = r;
                pw[o + 2 * n + 1] = im;
            }
        }
    }

    private double factorRe(double[] pw, int c, int kc) {
        return pw[c * 2 * (modes + 1) + 2 * Math.abs(kc)];
    }

    private double factorIm(double[] pw, int c, int kc) {
        double im = pw[c * 2 * (modes + 1) + 2 * Math.abs(kc) + 1];
        return kc < 0 ? -im : im;                     // e^(+2 pi i n x) = conj
    }

    @Override public int metricSumLength() { return 0; }

    @Override public double energy(Summaries summaries, double[] metricSums) {
        double[] sum = summaries.sum(0);
        double e = 0;
        for (int h = 0; h < count; h++) {
            double dr = sum[2 * h] - nu[2 * h];
            double di = sum[2 * h + 1] - nu[2 * h + 1];
            e += lambda[h] * (dr * dr + di * di);
        }
        return e;
    }

    /** {@code 2 N H}: each particle evaluates H modes in {@code partial} and again in {@code firstVariation}. */
    @Override public double pairEvaluations(int n) { return 2.0 * n * count; }

    /** Smallest multiple of 64, at least 256, with {@code ceil(n / size) * 2H <= 4e6}; one block if none. */
    @Override public int defaultBlockSize(int n) {
        return blockSizeFor(n, 2L * count);
    }

    static int blockSizeFor(int n, long partialLength) {
        long maxBlocks = 4_000_000L / Math.max(1, partialLength);
        long size;
        if (maxBlocks == 0) size = n;
        else size = (n + maxBlocks - 1) / maxBlocks;
        size = Math.max(256, (size + 63) / 64 * 64);
        return (int) Math.min(size, Integer.MAX_VALUE - 63);
    }
}
