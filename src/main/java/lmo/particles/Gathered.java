package lmo.particles;

/**
 * The state of every population, gathered in id order: {@code x[p]} holds population p's positions
 * ({@code count * dim[p]}), {@code m[p]} its masses, {@code s[p]} its per-particle solver state
 * ({@code count * solverWidth[p]}, empty for most models), and {@code global} the model's state across steps
 * (warm-started potentials on a barycenter's inputs, say; empty for most models, see
 * {@link lmo.model.Model#globalStateLength}). Read-only for models.
 */
public record Gathered(double[][] x, double[][] m, int[] dim, double[][] s, int[] solverWidth, double[] global) {
    private static final double[] NONE = new double[0];

    public Gathered {
        if (global == null) global = NONE;
    }

    /** A state without model global state. */
    public Gathered(double[][] x, double[][] m, int[] dim, double[][] s, int[] solverWidth) {
        this(x, m, dim, s, solverWidth, NONE);
    }

    /** A state without solver arrays or global state. */
    public Gathered(double[][] x, double[][] m, int[] dim) {
        this(x, m, dim, empty(m.length), new int[m.length], NONE);
    }

    /** The same particles with the model's global state {@code g} (not copied). */
    public Gathered withGlobal(double[] g) {
        return new Gathered(x, m, dim, s, solverWidth, g);
    }

    public int count(int population) { return m[population].length; }

    /** True if some population has solver state. */
    public boolean hasSolverState() {
        for (int w : solverWidth) if (w > 0) return true;
        return false;
    }

    private static double[][] empty(int populations) {
        double[][] out = new double[populations][];
        for (int p = 0; p < populations; p++) out[p] = new double[0];
        return out;
    }
}
