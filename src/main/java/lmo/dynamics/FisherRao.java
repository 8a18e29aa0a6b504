package lmo.dynamics;

import lmo.engine.Block;
import lmo.space.Space;

/**
 * Explicit (multiplicative) step of the Fisher–Rao flow: {@code m <- m exp(-etaM V(x))}, positions unchanged.
 * This dynamics never renormalises: with {@code conserveMass} it asks the engine ({@link #normalizesMass()}) to
 * rescale each population to its initial total after the step, which turns V into V minus its mean.
 *
 * <p>Masses of particles with large V underflow to 0 and never recover; if that loses all mass, lower
 * {@code massStepSize}.
 */
public final class FisherRao implements Dynamics {
    private final double massStepSize;
    private final boolean conserveMass;

    /**
     * @param massStepSize etaM > 0
     * @param conserveMass whether the engine rescales the masses to their initial total after every step
     */
    public FisherRao(double massStepSize, boolean conserveMass) {
        this.massStepSize = Updates.positive("massStepSize", massStepSize);
        this.conserveMass = conserveMass;
    }

    @Override
    public void step(Space space, Block block, double[] v, double[] gradV, StepContext ctx) {
        Updates.copyPositions(block);
        Updates.reweight(block, v, massStepSize);
    }

    public double massStepSize() { return massStepSize; }
    @Override public boolean normalizesMass() { return conserveMass; }
    @Override public double timeStep() { return massStepSize; }
    @Override public String type() { return "fisher-rao"; }
}
