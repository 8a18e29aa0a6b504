package lmo.dynamics;

import lmo.particles.Block;
import lmo.space.Space;

/**
 * Conic particle descent ("wfr"): {@code x <- Retr_x(-eta P_x grad V(x))} and {@code m <- m exp(-etaM V(x))} (or
 * the linear {@code m <- m (1 - etaM V(x))}, see {@link MassUpdate}), both from the same (V, grad V) of the current
 * state. The two-layer ReLU network in mean-field time has
 * {@code etaM = 4 eta} (papers/kernel-flows-and-langevin.md §1.4).
 *
 * <p>Each half keeps the stability limit of its own flow; with {@code conserveMass} the engine rescales the masses
 * afterwards, as for {@link FisherRao}.
 */
public final class WassersteinFisherRao implements Dynamics {
    private final double stepSize;
    private final double massStepSize;
    private final boolean conserveMass;
    private final MassUpdate massUpdate;

    /**
     * @param stepSize eta > 0, the position step (and the mean-field time of one step)
     * @param massStepSize etaM > 0, the mass step
     * @param conserveMass whether the engine rescales the masses to their initial total after every step
     */
    public WassersteinFisherRao(double stepSize, double massStepSize, boolean conserveMass) {
        this(stepSize, massStepSize, conserveMass, MassUpdate.EXPONENTIAL);
    }

    /**
     * @param stepSize eta > 0, the position step (and the mean-field time of one step)
     * @param massStepSize etaM > 0, the mass step
     * @param conserveMass whether the engine rescales the masses to their initial total after every step
     * @param massUpdate the exponential or the linear mass step
     */
    public WassersteinFisherRao(double stepSize, double massStepSize, boolean conserveMass, MassUpdate massUpdate) {
        this.stepSize = Updates.positive("stepSize", stepSize);
        this.massStepSize = Updates.positive("massStepSize", massStepSize);
        this.conserveMass = conserveMass;
        this.massUpdate = java.util.Objects.requireNonNull(massUpdate, "massUpdate");
    }

    @Override
    public void step(Space space, Block block, double[] v, double[] gradV, StepContext ctx) {
        Updates.reweight(block, v, massStepSize, massUpdate);
        Updates.transport(space, block, gradV, stepSize);
    }

    public double stepSize() { return stepSize; }
    public double massStepSize() { return massStepSize; }
    public MassUpdate massUpdate() { return massUpdate; }
    @Override public boolean normalizesMass() { return conserveMass; }
    @Override public double timeStep() { return stepSize; }
    @Override public String type() { return "wfr"; }
}
