package lmo.analysis;

import lmo.particles.Gathered;
import lmo.model.game.FourierPayoff;
import lmo.model.game.GameModel;
import lmo.model.game.QuadraticPayoff;
import lmo.space.Spaces;

/** The game models the analysis is checked on: lmo's own, populations x = 0 and y = 1. */
final class Games {
    private Games() {}

    /**
     * Example 4.1 of Wang–Chizat (arXiv 2211.01280), {@code f = sin 4 pi x + sin 4 pi y + 2 cos 2 pi (x+y)
     * + eps sin 2 pi (x+y)} on T^1 x T^1, by the given path.
     */
    static GameModel example41(double eps, GameModel.Path path) {
        return new GameModel(FourierPayoff.example41(eps), 0, Spaces.of("torus", 1), 1, Spaces.of("torus", 1), path,
                GameModel.NiSettings.defaults(1, 1));
    }

    /** {@code f = 1/2 x'Px + x'By - 1/2 y'Qy} on R^n x R^m. */
    static GameModel quadratic(double[][] p, double[][] b, double[][] q) {
        return new GameModel(new QuadraticPayoff(p, b, q), 0, Spaces.of("euclidean", p.length), 1,
                Spaces.of("euclidean", q.length), GameModel.Path.GATHERED, GameModel.NiSettings.defaults(p.length, 1));
    }

    /** The MNE of Example 4.1 for every eps: x = (3/8, 7/8), y = (1/8, 5/8), weights 1/2. */
    static Gathered example41Mne() {
        return new Gathered(new double[][] {{0.375, 0.875}, {0.125, 0.625}},
                new double[][] {{0.5, 0.5}, {0.5, 0.5}}, new int[] {1, 1});
    }
}
