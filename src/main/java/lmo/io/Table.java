package lmo.io;

/** A row-major matrix of doubles read from or written to a file: {@code data[r * cols + c]}. */
public record Table(int rows, int cols, double[] data) {
    public Table {
        if ((long) rows * cols != data.length) {
            throw new IllegalArgumentException(rows + " x " + cols + " table with " + data.length + " values");
        }
    }

    public double get(int r, int c) { return data[r * cols + c]; }

    /** The first {@code n} rows (this table if n equals rows). */
    public Table head(int n) {
        if (n == rows) return this;
        if (n > rows) throw new IllegalArgumentException("asked for " + n + " rows of " + rows);
        return new Table(n, cols, java.util.Arrays.copyOf(data, n * cols));
    }
}
