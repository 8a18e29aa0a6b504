package lmo.dynamics;

import lmo.particles.Block;
import lmo.space.Space;

/**
 * No movement ({@code none}): positions and masses stay as they are, whatever V; for models whose step is the
 * update of their own solver state (Sinkhorn between fixed point clouds). Mean-field time is the step count.
 */
public final class Fixed implements Dynamics {
    @Override
    public void step(Space space, Block block, double[] v, double[] gradV, StepContext ctx) {
        Updates.copyPositions(block);
        Updates.copyMasses(block);
    }

    @Override public double timeStep() { return 1; }
    @Override public String type() { return "none"; }
}
