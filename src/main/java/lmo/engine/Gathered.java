package lmo.engine;

/**
 * The state of every population, gathered in id order: {@code x[p]} holds population p's positions
 * ({@code count * dim[p]}), {@code m[p]} its masses. Read-only for models.
 */
public record Gathered(double[][] x, double[][] m, int[] dim) {
    public int count(int population) { return m[population].length; }
}
