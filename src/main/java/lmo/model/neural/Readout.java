package lmo.model.neural;

import java.util.Locale;

/**
 * How a neuron particle carries its output weight; the formulas are in {@link TwoLayerModel}. d' is the input
 * dimension plus 1 with a bias.
 *
 * <ul>
 *   <li>{@link #COORDINATE}: theta = (a, b) in R^(1+d') (space {@code euclidean}, dim 1 + d'); any activation.</li>
 *   <li>{@link #CONE}: a direction u = (u_a, u_b) on S^(d') (space {@code sphere}, dim 1 + d') with a mass m >= 0;
 *       ReLU only.</li>
 *   <li>{@link #MASS}: an input weight w on S^(d'-1) (space {@code sphere}, dim d') with a mass m >= 0 and a fixed
 *       sign; ReLU only.</li>
 *   <li>{@link #BILEVEL}: an input weight w on S^(d'-1) (space {@code sphere}, dim d'); the output weights solve a
 *       ridge problem at every step; square loss; lambda > 0.</li>
 * </ul>
 */
public enum Readout {
    COORDINATE, CONE, MASS, BILEVEL;

    /** The scenario name. */
    public String key() { return name().toLowerCase(Locale.ROOT); }

    public static Readout parse(String name) {
        for (Readout r : values()) if (r.key().equalsIgnoreCase(name)) return r;
        throw new IllegalArgumentException("readout: expected coordinate, cone, mass or bilevel, got " + name);
    }

    /** The particles' dimension for input weights of length {@code dp} (inputs + bias). */
    public int positionDim(int dp) {
        return this == COORDINATE || this == CONE ? 1 + dp : dp;
    }

    /** Index of the first input-weight coordinate in a particle's position. */
    int weightOffset() {
        return this == COORDINATE || this == CONE ? 1 : 0;
    }

    /** Whether the particles live on a sphere (all but {@code coordinate}). */
    public boolean onSphere() { return this != COORDINATE; }
}
