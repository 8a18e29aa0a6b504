package lmo.dynamics;

import lmo.particles.Block;
import lmo.space.Space;

/**
 * Explicit Euler step of the Wasserstein gradient flow: {@code x <- Retr_x(-eta P_x grad V(x))}, masses unchanged.
 * On R^d this is {@code x - eta grad V} bitwise; on the torus the result is wrapped; on the sphere the gradient is
 * projected on the tangent space before the retraction {@code (x + s)/|x + s|}.
 *
 * <p>Stable only for {@code eta < 2/lambda_max} of the linearised flow (e.g. eta < 2 for the H^-1 flow on T^1);
 * lower the step size if particles oscillate or the engine reports a non-finite position.
 */
public final class Wasserstein implements Dynamics {
    private final double stepSize;

    /** @param stepSize eta > 0, the mean-field time of one step */
    public Wasserstein(double stepSize) {
        this.stepSize = Updates.positive("stepSize", stepSize);
    }

    @Override
    public void step(Space space, Block block, double[] v, double[] gradV, StepContext ctx) {
        Updates.transport(space, block, gradV, stepSize);
        Updates.copyMasses(block);
    }

    public double stepSize() { return stepSize; }
    @Override public double timeStep() { return stepSize; }
    @Override public String type() { return "wasserstein"; }
}
