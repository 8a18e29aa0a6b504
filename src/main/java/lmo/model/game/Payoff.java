package lmo.model.game;

/**
 * The payoff {@code f(x, y)} of a two-player zero-sum game {@code min_mu max_nu int int f dmu dnu}: player 1 (the
 * population {@code x}) <b>minimises</b> f, player 2 (the population {@code y}) <b>maximises</b> it. A point of
 * player 1 is {@code dimX()} consecutive doubles of a flat array starting at {@code xOff}, a point of player 2
 * {@code dimY()} doubles at {@code yOff}: the coordinates the particles of the matching population store (d for
 * R^d and T^d, the ambient dimension for a sphere). Gradients are ambient (Euclidean) gradients; the engine projects
 * them on the sphere's tangent space. On the unit torus f must be 1-periodic in every coordinate.
 *
 * <p>This is the user payoff API ({@code payoff: {type: class, class: ...}}, see docs/games.md): an implementation
 * needs a public no-argument constructor, must be thread-safe (several shards call it at once; keep it immutable)
 * and must not allocate per call if it is to be fast (the gathered path calls it once per pair of particles).
 */
public interface Payoff {
    /** Coordinates of a point of player 1 (the minimiser, population {@code x}). */
    int dimX();

    /** Coordinates of a point of player 2 (the maximiser, population {@code y}). */
    int dimY();

    /** {@code f(x, y)}. */
    double value(double[] x, int xOff, double[] y, int yOff);

    /** Writes {@code grad_x f(x, y)} to {@code out[outOff .. outOff + dimX())}. */
    void gradX(double[] x, int xOff, double[] y, int yOff, double[] out, int outOff);

    /** Writes {@code grad_y f(x, y)} to {@code out[outOff .. outOff + dimY())}. */
    void gradY(double[] x, int xOff, double[] y, int yOff, double[] out, int outOff);
}
