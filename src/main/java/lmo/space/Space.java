package lmo.space;

/**
 * Where the particles of one population live: the coordinates a particle stores, the retraction that
 * moves it, and the projection of ambient vectors on its tangent space.
 *
 * <p>A particle is stored as {@link #dim()} consecutive doubles in a flat array. Gradients handed to a space
 * are ambient (Euclidean) vectors of the same length. Implementations are stateless and thread-safe.
 */
public interface Space {

    /** Coordinates stored per particle: d for R^d and T^d, the ambient d for the sphere S^{d-1} in R^d. */
    int dim();

    /** The name used in scenario files: {@code euclidean}, {@code torus} or {@code sphere}. */
    String type();

    /**
     * {@code x <- Retr_x(step)}, in place: {@code x[at .. at+dim)} moved by {@code step[stepAt .. stepAt+dim)}.
     * Euclidean: {@code x + step}; torus: {@code x + step} wrapped into [0,1)^d; sphere: {@code (x + step)/|x + step|}.
     *
     * @param x positions, modified
     * @param step the displacement, not modified
     */
    void retract(double[] x, int at, double[] step, int stepAt);

    /**
     * Projects the ambient vector {@code v[vAt .. vAt+dim)} on the tangent space at {@code x[at ..]}, in place.
     * Identity except on the sphere, where {@code v <- v - <v,x> x}.
     */
    void projectTangent(double[] x, int at, double[] v, int vAt);

    /** Brings a freshly generated or read point into the space, in place (wrap on the torus, normalise on the sphere). */
    void canonicalize(double[] x, int at);
}
