package lmo.dynamics;

import java.util.Objects;
import lmo.particles.Block;
import lmo.space.Space;

/**
 * Conic particle gradient descent–ascent for two-player games ({@code gda}), after Wang and Chizat
 * (arXiv 2211.01280, papers/games.md §2.2). The model hands both players their first variation in descent form
 * (player 1: {@code V = sum_j b_j f(x, y_j)}; player 2: {@code -U = -sum_i a_i f(x_i, y)}), so one substep moves
 * every population the same way, from the state (a, x) with V evaluated at a point (a', x'):
 * <pre>
 *   a_i  <- a_i exp(-etaM V(x'_i))                       then the engine renormalises a to its initial total
 *   x_i  <- Retr_{x_i}(-eta (a'_i / a_i) P grad V(x'_i))  (a' and a both normalised: the "true prox" factor)
 * </pre>
 * <ul>
 *   <li>{@code cp-mda}: one substep with (a', x') = (a, x); the factor is 1, so it is {@code wfr} with
 *       {@code conserveMass} on the descent-form game.</li>
 *   <li>{@code cp-mp} (mirror-prox): a ghost substep from (a, x) at (a, x), then the real substep from (a, x) with V
 *       evaluated at the ghost (two engine stages; the ghost masses are normalised with
 *       {@link StepContext#stageScale()}).</li>
 *   <li>{@code players: alternating} ({@code cp-mda} only): stage 0 moves population 0 (x) against y_k; stage 1
 *       moves population 1 (y) against the new x_{k+1}.</li>
 *   <li>{@code update}: {@code conic} (weights and positions), {@code weights} (fixed support: mirror descent on the
 *       finite game f(x_i, y_j)), {@code positions} (Wasserstein only; masses unchanged).</li>
 * </ul>
 * Mean-field time is {@code k * stepSize} ({@code k * massStepSize} for {@code update: weights}); the continuous
 * flow is {@code da/dt = -(etaM/eta) a (V - <a, V>)}, {@code dx/dt = -grad V}. CP-MDA is explicit Euler on a flow
 * whose linearisation at a mixed equilibrium may be purely imaginary (fixed support, non-generic games): it then
 * spirals out at {@code eta |lambda|^2 / 2} per unit time; use {@code cp-mp} or a smaller step.
 */
public final class Gda implements Dynamics {

    /** The discretisation. */
    public enum Method { CP_MDA, CP_MP }

    /** What moves. */
    public enum Update { CONIC, WEIGHTS, POSITIONS }

    /** Whether the players move together or one after the other. */
    public enum Players { SIMULTANEOUS, ALTERNATING }

    private final Method method;
    private final Update update;
    private final Players players;
    private final double stepSize;
    private final double massStepSize;

    /**
     * @param stepSize eta > 0, the position step
     * @param massStepSize etaM > 0, the weight step
     * @throws IllegalArgumentException for non-positive steps, or mirror-prox with alternating players
     */
    public Gda(Method method, Update update, Players players, double stepSize, double massStepSize) {
        this.method = Objects.requireNonNull(method, "method");
        this.update = Objects.requireNonNull(update, "update");
        this.players = Objects.requireNonNull(players, "players");
        this.stepSize = Updates.positive("stepSize", stepSize);
        this.massStepSize = Updates.positive("massStepSize", massStepSize);
        if (method == Method.CP_MP && players == Players.ALTERNATING) {
            throw new IllegalArgumentException("players: alternating is defined for method cp-mda; cp-mp (mirror-prox)"
                    + " moves both players from the same point");
        }
    }

    @Override
    public int stages() { return method == Method.CP_MP || players == Players.ALTERNATING ? 2 : 1; }

    @Override
    public void step(Space space, Block block, double[] v, double[] gradV, StepContext ctx) {
        int stage = ctx.stage();
        if (players == Players.ALTERNATING && block.population() != stage) {
            if (stage == 0) {
                Updates.copyPositions(block);
                Updates.copyMasses(block);
            } else {
                System.arraycopy(block.ghostX(), 0, block.xNext(), 0, block.count() * block.dim());
                System.arraycopy(block.ghostM(), 0, block.mNext(), 0, block.count());
            }
            return;
        }
        boolean prox = method == Method.CP_MP && stage == 1;
        if (update == Update.POSITIONS) {
            Updates.copyMasses(block);
        } else {
            Updates.reweight(block, v, massStepSize);
        }
        if (update == Update.WEIGHTS) {
            Updates.copyPositions(block);
        } else if (prox) {
            scaleByGhostRatio(block, gradV, ctx.stageScale()[block.population()]);
            Updates.transport(space, block, gradV, stepSize);
        } else {
            Updates.transport(space, block, gradV, stepSize);
        }
    }

    /** {@code gradV_i *= a'_i / a_i} with {@code a'_i = ghostM_i * scale} (both normalised to the current total). */
    private static void scaleByGhostRatio(Block block, double[] gradV, double scale) {
        double[] m = block.m(), ghost = block.ghostM();
        int dim = block.dim();
        for (int i = 0, at = 0; i < block.count(); i++, at += dim) {
            double ratio = ghost[i] * scale / m[i];
            for (int c = 0; c < dim; c++) gradV[at + c] *= ratio;
        }
    }

    public Method method() { return method; }
    public Update update() { return update; }
    public Players players() { return players; }
    public double stepSize() { return stepSize; }
    public double massStepSize() { return massStepSize; }
    @Override public boolean normalizesMass() { return true; }
    @Override public double timeStep() { return update == Update.WEIGHTS ? massStepSize : stepSize; }
    @Override public String type() { return "gda"; }
}
