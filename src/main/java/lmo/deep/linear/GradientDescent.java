package lmo.deep.linear;

import java.util.Arrays;

/**
 * Full-batch gradient descent on the deep linear network's loss,
 *
 * <pre>   theta_(t+1) = theta_t - eta grad R(theta_t),   t = 0 .. T-1,</pre>
 *
 * with divergence detection, and the critical step size the sharpness bound predicts:
 *
 * <pre>   eta_c = 2 / S_min = 1 / (L a |w*|^(2 - 2/L))     (= 1 / (L a) when |w*| = 1).</pre>
 *
 * GD cannot settle at a minimiser whose sharpness exceeds {@code 2 / eta}, and every minimiser has sharpness at
 * least S_min, so above eta_c it cannot converge (it diverges or oscillates at the edge of stability); below it,
 * learning succeeds in the authors' experiments (a claim, not a theorem: it is checked, not assumed).
 *
 * <p><b>Divergence</b>: step t is reported ({@link Run#divergedAt()}) as soon as {@code R(theta_t)} is not finite or
 * exceeds the threshold (default {@link #DEFAULT_DIVERGENCE_THRESHOLD} = 1e6; with |w*| = 1 and N(0,1) inputs a
 * sane loss is O(1)); the run stops there and keeps theta_t.
 */
public final class GradientDescent {
    /** Default loss above which a run counts as diverged. */
    public static final double DEFAULT_DIVERGENCE_THRESHOLD = 1e6;

    private GradientDescent() {}

    /**
     * The outcome of a run: the last iterate, the losses {@code R(theta_0) .. R(theta_t)} (t = steps done), the
     * step at which divergence was detected (-1 if none), the final loss and the excess loss
     * {@code R(theta) - R(w*)} (>= 0 up to rounding).
     */
    public record Run(double[] theta, double[] losses, int steps, int divergedAt, double finalLoss, double excessLoss) {
        public boolean diverged() { return divergedAt >= 0; }
    }

    /** {@link #run(DeepLinearNetwork, Regression, double[], double, int, double)} with the default threshold. */
    public static Run run(DeepLinearNetwork net, Regression data, double[] theta0, double eta, int steps) {
        return run(net, data, theta0, eta, steps, DEFAULT_DIVERGENCE_THRESHOLD);
    }

    /** T = {@code steps} steps of size eta from theta0 (not modified). */
    public static Run run(DeepLinearNetwork net, Regression data, double[] theta0, double eta, int steps,
                          double divergenceThreshold) {
        if (steps < 0 || !(eta > 0)) throw new IllegalArgumentException("gd: need steps >= 0 and eta > 0");
        double[] theta = theta0.clone();
        double[] grad = new double[theta.length];
        double[] losses = new double[steps + 1];
        double minLoss = data.minLoss();
        for (int t = 0; ; t++) {
            double loss = net.gradient(theta, data, grad);
            losses[t] = loss;
            if (!Double.isFinite(loss) || loss > divergenceThreshold) {
                return new Run(theta, Arrays.copyOf(losses, t + 1), t, t, loss, loss - minLoss);
            }
            if (t == steps) return new Run(theta, losses, t, -1, loss, loss - minLoss);
            for (int p = 0; p < theta.length; p++) theta[p] -= eta * grad[p];
        }
    }

    /** {@code eta_c = 2 / lowerBound = 1 / (L a |w*|^(2 - 2/L))}, the plain network's (unit read-out) critical step. */
    public static double criticalStep(Regression data, int depth) {
        return 2.0 / Sharpness.lowerBound(data, depth);
    }

    /** {@code 2 / lowerBound(net, data)}: the critical step with the network's read-out norm. */
    public static double criticalStep(DeepLinearNetwork net, Regression data) {
        return 2.0 / Sharpness.lowerBound(net, data);
    }
}
