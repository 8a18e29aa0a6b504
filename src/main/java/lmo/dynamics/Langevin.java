package lmo.dynamics;

import lmo.particles.Block;
import lmo.space.Space;

/**
 * Euler–Maruyama step of the mean-field Langevin dynamics {@code dx = -grad V dt + sqrt(2 T) dW}:
 * {@code x <- Retr_x(-eta P_x grad V(x) + sqrt(2 eta T_k) P_x xi)}, masses unchanged, with T_k from a
 * {@link Schedule} (constant, geometric stages, logarithmic, piecewise) logged as the metric {@code temperature}. xi is a standard Gaussian
 * vector keyed by (seed, population, particle id, step, {@link StepContext#STREAM_LANGEVIN}), so the noise of a
 * particle does not depend on the block or shard holding it. P_x is the tangent projection (identity except on the
 * sphere), and drift and noise go through one retraction.
 *
 * <p>With T = 0 no noise is drawn and the result is bitwise that of {@link Wasserstein}. The stationary law of
 * the chain differs from exp(-V/T) by O(eta) (for V = |x|^2/2 on R: variance 2T/(2 - eta) instead of T); lower
 * the step size to reduce that bias. On the sphere the noise also carries an O(eta T) radial bias from the
 * retraction.
 */
public final class Langevin implements Dynamics {
    private final double stepSize;
    private final Schedule temperature;

    /**
     * @param stepSize eta > 0
     * @param temperature T >= 0 (entropy weight); 0 gives the Wasserstein step
     */
    public Langevin(double stepSize, double temperature) {
        this(stepSize, Schedule.constant(temperature));
    }

    /**
     * @param stepSize eta > 0
     * @param temperature T_k >= 0 for the update from state k; a step with T_k = 0 is the Wasserstein step
     */
    public Langevin(double stepSize, Schedule temperature) {
        this.stepSize = Updates.positive("stepSize", stepSize);
        this.temperature = temperature;
    }

    @Override
    public void step(Space space, Block block, double[] v, double[] gradV, StepContext ctx) {
        Updates.copyMasses(block);
        double temperature = this.temperature.value(ctx.step());
        if (temperature == 0) {
            Updates.transport(space, block, gradV, stepSize);
            return;
        }
        double sigma = Math.sqrt(2 * stepSize * temperature);
        double[] x = block.x(), xNext = block.xNext();
        int dim = block.dim(), n = block.count(), population = block.population();
        long firstId = block.firstId();
        double[] xi = new double[dim];
        for (int i = 0, at = 0; i < n; i++, at += dim) {
            Updates.drift(space, x, xNext, gradV, at, dim, stepSize);
            ctx.gaussians(population, firstId + i, StepContext.STREAM_LANGEVIN, xi, 0, dim);
            space.projectTangent(x, at, xi, 0);
            for (int c = 0; c < dim; c++) gradV[at + c] += sigma * xi[c];
            space.retract(xNext, at, gradV, at);
        }
    }

    public double stepSize() { return stepSize; }
    /** The temperature of the update from state 0. */
    public double temperature() { return temperature.value(0); }

    public Schedule schedule() { return temperature; }

    /** The temperature of the update from each logged state, as the metric {@code temperature}. */
    @Override public java.util.List<String> metricNames() { return java.util.List.of("temperature"); }

    @Override public double[] metrics(long step) { return new double[] {temperature.value(step)}; }
    @Override public double timeStep() { return stepSize; }
    @Override public String type() { return "langevin"; }
}
