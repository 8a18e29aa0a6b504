package lmo.engine;

import lmo.space.Space;

/**
 * One population of weighted particles and its initial state: positions {@code x0[count * dim]} in id order and
 * masses {@code m0[count]}.
 *
 * @param index the population's index in name order (part of every random key and of the hash order)
 */
public record Population(String name, int index, Space space, double[] x0, double[] m0) {
    public Population {
        if (x0.length != m0.length * space.dim()) {
            throw new IllegalArgumentException("population " + name + ": " + x0.length + " coordinates for "
                    + m0.length + " particles of dimension " + space.dim());
        }
    }

    public int count() { return m0.length; }

    public int dim() { return space.dim(); }

    /** Sum of the initial masses, added in id order. */
    public double initialMass() {
        double s = 0;
        for (double v : m0) s += v;
        return s;
    }
}
