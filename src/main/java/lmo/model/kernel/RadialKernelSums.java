package lmo.model.kernel;

import lmo.particles.Block;
import lmo.particles.Gathered;
import lmo.particles.Reduction;
import lmo.particles.Summaries;

/**
 * A radial kernel in R^d against weighted target samples, GATHER: the Gaussian {@code exp(-|x-y|^2/(2 sigma^2))} or
 * the energy-distance kernel {@code -|x-y|} (gradient 0 at x = y).
 * {@code V(x) = sum_j m_j k(x, x_j) - sum_j v_j k(x, y_j)} over the gathered particles, then the samples, in one
 * pass per point ({@link PairSums}); {@code grad V} accumulates {@code w k (x - z)} directly (no {@code x s - t}
 * cancellation). Energy: per block {@code sum_i m_i (P_i/2 - T_i)} with {@code P_i, T_i} the particle and target sums,
 * plus {@code 1/2 sum_jl v_j v_l k(y_j, y_l)} computed once at construction.
 */
final class RadialKernelSums implements MmdKernel {
    enum Kind { GAUSSIAN, ENERGY }

    private final Kind kind;
    private final int dim;
    private final double param;          // Gaussian: -1/(2 sigma^2)
    private final PairSums sums;
    private final int samples;
    private final double[][] yT;         // target coordinates, [dim][pad(M)]
    private final double[] vNeg;         // -v_j, zero padded
    private final double halfConstant;

    RadialKernelSums(Kind kind, int dim, double sigma, Target target) {
        this(kind, dim, sigma, target, PairSums.best());
    }

    RadialKernelSums(Kind kind, int dim, double sigma, Target target, PairSums sums) {
        if (dim < 1) throw new IllegalArgumentException(kind + ": dim must be >= 1, got " + dim);
        if (target.kind() != Target.Kind.SAMPLES) throw new IllegalArgumentException(kind.name().toLowerCase() + " kernel needs a samples target");
        target.requireDim(dim, kind.name().toLowerCase());
        this.kind = kind;
        this.dim = dim;
        this.param = kind == Kind.GAUSSIAN ? -1 / (2 * sigma * sigma) : 0;
        this.sums = sums;
        this.samples = target.sampleCount();
        int mPad = PairSums.pad(samples);
        double[] y = target.points();
        double[] v = target.weights();
        yT = new double[dim][mPad];
        vNeg = new double[mPad];
        double[] vPos = new double[mPad];
        for (int j = 0; j < samples; j++) {
            for (int c = 0; c < dim; c++) yT[c][j] = y[j * dim + c];
            vNeg[j] = -v[j];
            vPos[j] = v[j];
        }
        double[] s0 = new double[samples];
        sums.evaluate(kind, param, y, samples, dim, yT, vPos, mPad, mPad, s0, new double[samples], new double[samples * dim]);
        double c = 0;
        for (int j = 0; j < samples; j++) c += v[j] * s0[j];
        halfConstant = c / 2;
    }

    @Override public Reduction reduction() { return Reduction.gather(); }

    /**
     * The sources of one gathered state as the pair sums read them: the particles (zero padded) then the target
     * samples, coordinates {@code z[c][j]} and weights {@code m_j}, then {@code -v_j}. Built once per state and
     * population, not per block (at N = 4096 the 16 blocks of a step each copied all 8192 sources), and never changed
     * after: {@link PairSums#evaluate} may keep copies derived from them.
     */
    private record Sources(Gathered of, int population, double[][] z, double[] w, int nPad, int total) {}

    /** The last state's sources: every block of a step reads the same. */
    private volatile Sources sources;

    private Sources sources(Gathered g, int population) {
        Sources s = sources;
        if (s != null && s.of() == g && s.population() == population) return s;
        double[] xs = g.x()[population];
        double[] ms = g.m()[population];
        int n = ms.length;
        int nPad = PairSums.pad(n);
        int total = nPad + vNeg.length;
        double[][] z = new double[dim][total];
        double[] w = new double[total];
        for (int j = 0; j < n; j++) {
            for (int c = 0; c < dim; c++) z[c][j] = xs[j * dim + c];
        }
        System.arraycopy(ms, 0, w, 0, n);
        for (int c = 0; c < dim; c++) System.arraycopy(yT[c], 0, z[c], nPad, vNeg.length);
        System.arraycopy(vNeg, 0, w, nPad, vNeg.length);
        s = new Sources(g, population, z, w, nPad, total);
        sources = s;
        return s;
    }

    @Override public void firstVariation(Block block, Summaries summaries, double[] v, double[] gradV, double[] metricSums) {
        Sources src = sources(summaries.gathered(0), block.population());
        int count = block.count();
        double[] p = new double[count];
        double[] t = new double[count];
        sums.evaluate(kind, param, block.x(), count, dim, src.z(), src.w(), src.nPad(), src.total(), p, t, gradV);
        double[] m = block.m();
        double energy = 0;
        for (int i = 0; i < count; i++) {
            v[i] = p[i] + t[i];                    // t = -T_i
            energy += m[i] * (0.5 * p[i] + t[i]);
        }
        metricSums[0] += energy;
    }

    @Override public int metricSumLength() { return 1; }

    @Override public double energy(Summaries summaries, double[] metricSums) { return metricSums[0] + halfConstant; }

    @Override public String staleSummaryProblem() {
        return kind == Kind.ENERGY ? "the energy kernel -|x - y| has a kink at 0: a particle's stale copy pushes it by"
                + " 1/(2N) and the flow stalls (measured: at 4e-6 to 7e-6) instead of converging" : null;
    }

    /** {@code N (N + M)}. */
    @Override public double pairEvaluations(int count) { return (double) count * (count + samples); }

    @Override public int defaultBlockSize(int count) { return 256; }
}
