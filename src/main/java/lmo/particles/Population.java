package lmo.particles;

import lmo.space.Space;

/**
 * One population of weighted particles and its initial state: positions {@code x0[count * dim]} in id order,
 * masses {@code m0[count]}, and the model's per-particle solver state {@code s0[count * solverWidth]} (none for most
 * models).
 *
 * @param index the population's index in name order (part of every random key and of the hash order)
 */
public record Population(String name, int index, Space space, double[] x0, double[] m0, int solverWidth, double[] s0) {
    public Population {
        if (x0.length != m0.length * space.dim()) {
            throw new IllegalArgumentException("population " + name + ": " + x0.length + " coordinates for "
                    + m0.length + " particles of dimension " + space.dim());
        }
        if (solverWidth < 0 || s0.length != (long) m0.length * solverWidth) {
            throw new IllegalArgumentException("population " + name + ": " + s0.length + " solver values for "
                    + m0.length + " particles of solver width " + solverWidth);
        }
    }

    /** A population without solver state. */
    public Population(String name, int index, Space space, double[] x0, double[] m0) {
        this(name, index, space, x0, m0, 0, new double[0]);
    }

    /**
     * This population with {@code width} solver values per particle: itself if it already has them, else with
     * solver state 0.
     */
    public Population withSolverWidth(int width) {
        if (width == solverWidth) return this;
        if (solverWidth != 0) {
            throw new IllegalArgumentException("population " + name + " has solver width " + solverWidth + ", the model wants " + width);
        }
        return new Population(name, index, space, x0, m0, width, new double[m0.length * width]);
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
