package lmo.dynamics;

import lmo.particles.Block;
import lmo.space.Space;

/**
 * Explicit step of the Fisher–Rao flow: {@code m <- m exp(-etaM V(x))} (multiplicative, the default) or
 * {@code m <- m (1 - etaM V(x))} ({@link MassUpdate#LINEAR}: a negative factor gives NaN and stops the run as
 * diverged), positions unchanged.
 * This dynamics never renormalises: with {@code conserveMass} it asks the engine ({@link #normalizesMass()}) to
 * rescale each population to its initial total after the step, which turns V into V minus its mean.
 *
 * <p>Masses of particles with large V underflow to 0 and never recover; if that loses all mass, lower
 * {@code massStepSize}.
 */
public final class FisherRao implements Dynamics {
    private final double massStepSize;
    private final boolean conserveMass;
    private final MassUpdate massUpdate;

    /**
     * @param massStepSize etaM > 0
     * @param conserveMass whether the engine rescales the masses to their initial total after every step
     */
    public FisherRao(double massStepSize, boolean conserveMass) {
        this(massStepSize, conserveMass, MassUpdate.EXPONENTIAL);
    }

    /**
     * @param massStepSize etaM > 0
     * @param conserveMass whether the engine rescales the masses to their initial total after every step
     * @param massUpdate the exponential or the linear mass step
     */
    public FisherRao(double massStepSize, boolean conserveMass, MassUpdate massUpdate) {
        this.massStepSize = Updates.positive("massStepSize", massStepSize);
        this.conserveMass = conserveMass;
        this.massUpdate = java.util.Objects.requireNonNull(massUpdate, "massUpdate");
    }

    @Override
    public void step(Space space, Block block, double[] v, double[] gradV, StepContext ctx) {
        Updates.copyPositions(block);
        Updates.reweight(block, v, massStepSize, massUpdate);
    }

    public double massStepSize() { return massStepSize; }
    public MassUpdate massUpdate() { return massUpdate; }
    @Override public boolean normalizesMass() { return conserveMass; }
    @Override public double timeStep() { return massStepSize; }
    @Override public String type() { return "fisher-rao"; }
}
