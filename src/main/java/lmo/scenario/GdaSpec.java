package lmo.scenario;

/**
 * Conic particle gradient descent–ascent for games ({@code dynamics.type: gda}), see {@link lmo.dynamics.Gda}.
 *
 * @param method {@code cp-mda} (one substep) or {@code cp-mp} (mirror-prox: a ghost substep, then the real one)
 * @param update {@code conic} (weights and positions), {@code weights} (fixed support) or {@code positions}
 * @param players {@code simultaneous} or {@code alternating} (player x first; cp-mda only)
 * @param stepSize the position step (default: massStepSize)
 * @param massStepSize the weight step (default: stepSize)
 */
public record GdaSpec(String method, String update, String players, double stepSize, double massStepSize)
        implements DynamicsSpec {
    @Override public String type() { return "gda"; }

    /** Mean-field time per step: the position step, or the weight step when only weights move. */
    double timeStep() { return update.equals("weights") ? massStepSize : stepSize; }
}
