package lmo.family;

import lmo.scenario.ModelSpec;
import lmo.scenario.PotentialSpec;

/**
 * {@code model.type: game}: the two-player zero-sum game {@code min_mu max_nu int int f dmu dnu} between the
 * populations {@code x} (player 1, the minimiser) and {@code y} (player 2, the maximiser);
 * {@link lmo.model.game.GameModel}, docs/games.md.
 *
 * @param payoff f
 * @param path {@code features} or {@code gathered} ({@code auto} resolved)
 * @param niGrid {@code model.niError.grid}: points per axis of the torus grid; 0 drops the niError column
 * @param niStarts {@code model.niError.starts}
 * @param niIterations {@code model.niError.iterations}
 */
public record GameSpec(PayoffSpec payoff, String path, int niGrid, int niStarts, int niIterations) implements ModelSpec {
    /** Player 1, the minimiser. */
    public static final String X = "x";
    /** Player 2, the maximiser. */
    public static final String Y = "y";

    @Override public String type() { return "game"; }

    /** Player 1's population, {@code x} (its init scale sets {@code scaleStepByInit}). */
    @Override public String population() { return X; }

    @Override public PotentialSpec potential() { return null; }
}
