package lmo.model.deeplinear;

import java.util.List;
import lmo.deep.linear.DeepLinearNetwork;
import lmo.deep.linear.Regression;
import lmo.deep.linear.Sharpness;
import lmo.particles.Block;
import lmo.particles.Gathered;
import lmo.particles.Reduction;
import lmo.particles.Summaries;
import lmo.model.Model;

/**
 * A deep linear network for univariate regression (Marion & Chizat, arXiv 2405.13456) trained by full-batch gradient
 * descent in the engine: {@code f(x) = W_L ... W_1 x} ({@link DeepLinearNetwork}, plain or residual with a fixed
 * unit read-out), loss {@code R = (1/n) sum_i (y_i - f(x_i))^2} WITHOUT the 1/2 (the paper's code: its sharpness is
 * twice that of the 1/2-convention). The layers are the particles: particle k - 1 holds W_k row-major in the first
 * {@code rows(k) d} of its {@code d^2} coordinates (the plain W_L, 1 x d, leaves the rest at 0, where its gradient
 * is 0). One round GATHERs the L layers; each block computes the exact gradient (O(L d^2 + n d)) and keeps its
 * layers' part, so the {@code wasserstein} step is {@code theta <- theta - eta grad R}.
 *
 * <p>Metrics: {@code loss}, {@code excessLoss} = R - R(w*), {@code productError} = |w_prod - w*|^2,
 * {@code sharpness} (the largest Hessian eigenvalue by Lanczos on exact Hessian-vector products to a relative
 * tolerance, {@link Sharpness}; on steps divisible by {@code sharpnessEvery} and at the last step, NaN elsewhere),
 * {@code sharpnessLowerBound} = 2 L |w*|^(2 - 2/L) w*'S w* / |w*|^2 (x |r|^(2/L) with a read-out r), and
 * {@code sharpnessRatio} = sharpness / bound (a minimiser always has {@code sharpnessRatio >= 1}), and
 * {@code criticalStep} = 2 / bound (= 1 / (L a) when |w*| = 1): gradient descent learns below it.
 */
public final class DeepLinearModel implements Model {
    private final int population;
    private final DeepLinearNetwork net;
    private final Regression data;
    private final long sharpnessEvery;
    private final double tolerance;
    private final long finalStep;
    private final double bound;
    private final int d;

    /**
     * @param sharpnessEvery the sharpness is computed on logged steps divisible by it (and the last), >= 1
     * @param tolerance the relative tolerance of the sharpness (e.g. 1e-10)
     */
    public DeepLinearModel(int population, DeepLinearNetwork net, Regression data, long sharpnessEvery, double tolerance,
                           long finalStep) {
        if (sharpnessEvery < 1) throw new IllegalArgumentException("sharpnessEvery must be >= 1");
        if (net.d() != data.d()) throw new IllegalArgumentException("network of dim " + net.d() + ", data of dim " + data.d());
        this.population = population;
        this.net = net;
        this.data = data;
        this.sharpnessEvery = sharpnessEvery;
        this.tolerance = tolerance;
        this.finalStep = finalStep;
        this.bound = Sharpness.lowerBound(net, data);
        this.d = net.d();
    }

    public DeepLinearNetwork network() { return net; }
    public Regression data() { return data; }

    /** theta (the library's layout) from the layers as particles (L x d^2, flat). */
    public double[] theta(double[] layers) {
        double[] theta = new double[net.parameterCount()];
        for (int k = 1; k <= net.depth(); k++) System.arraycopy(layers, (k - 1) * d * d, theta, net.offset(k), net.rows(k) * d);
        return theta;
    }

    /** The layers as particles (L x d^2, flat) from theta. */
    public double[] layers(double[] theta) {
        double[] out = new double[net.depth() * d * d];
        for (int k = 1; k <= net.depth(); k++) System.arraycopy(theta, net.offset(k), out, (k - 1) * d * d, net.rows(k) * d);
        return out;
    }

    @Override public Reduction reduction(int round) { return Reduction.gather(); }

    @Override
    public void firstVariation(Block b, Summaries s, double[] v, double[] gradV, double[] metricSums) {
        if (b.population() != population) return;
        double[] theta = theta(s.gathered(0).x()[population]);
        double[] g = new double[theta.length];
        net.gradient(theta, data, g);
        for (int i = 0; i < b.count(); i++) {
            int k = (int) (b.firstId() + i) + 1;
            System.arraycopy(g, net.offset(k), gradV, i * d * d, net.rows(k) * d);
        }
    }

    @Override public int metricSumLength() { return 0; }

    @Override
    public List<String> metricNames() {
        return List.of("loss", "excessLoss", "productError", "sharpness", "sharpnessLowerBound", "sharpnessRatio",
                "criticalStep");
    }

    /** The sharpness (and its ratio) is measured every sharpnessEvery steps only. */
    @Override public boolean occasionalMetric(int index) { return index == 3 || index == 5; }

    @Override
    public double[] metrics(Summaries s, double[] metricSums) {
        double[] theta = theta(s.gathered(0).x()[population]);
        double loss = net.loss(theta, data);
        double[] w = net.endToEnd(theta), ws = data.wStar();
        double err = 0;
        for (int i = 0; i < d; i++) err += (w[i] - ws[i]) * (w[i] - ws[i]);
        double sharp = Double.NaN;
        if (s.step() % sharpnessEvery == 0 || s.step() == finalStep) {
            sharp = Sharpness.lanczos(net.hessian(theta, data), theta.length, tolerance, Sharpness.DEFAULT_MAX_ITERATIONS, 1)
                    .value();
        }
        return new double[] {loss, loss - data.minLoss(), err, sharp, bound, sharp / bound, 2 / bound};
    }

    /** One block: L is small and every block needs all layers anyway. */
    @Override public int defaultBlockSize(int[] counts) { return Math.max(1, counts[population]); }

    /** The particles' initial positions for the given theta (e.g. from {@link DeepLinearNetwork#gaussianInit}). */
    public static double[][] rows(DeepLinearNetwork net, double[] theta) {
        int d = net.d();
        double[][] out = new double[net.depth()][d * d];
        for (int k = 1; k <= net.depth(); k++) System.arraycopy(theta, net.offset(k), out[k - 1], 0, net.rows(k) * d);
        return out;
    }

    /** theta of a gathered state (for tests and tools). */
    public double[] theta(Gathered state) { return theta(state.x()[population]); }
}
