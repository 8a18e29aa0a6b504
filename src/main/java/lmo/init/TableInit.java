package lmo.init;

import lmo.io.Table;
import lmo.space.Space;

/**
 * Positions (and optionally masses) read from a table: row i is particle i, columns {@code 0 .. dim-1} its
 * coordinates, and an optional column {@code dim} its mass. The first {@code count} rows are used; positions are
 * brought into the space (wrapped on the torus, normalised on the sphere).
 *
 * <p>Fails (IllegalArgumentException naming row and column) on too few rows, a column count other than dim or
 * dim + 1, a non-finite coordinate, a zero row on the sphere, or a negative or non-finite mass.
 */
public final class TableInit implements InitialDistribution {
    private final Table table;
    private final int dim;

    /**
     * @param table rows of coordinates, optionally followed by a mass column
     * @param dim the space's dim: the table has dim columns (no masses) or dim + 1 (masses last)
     */
    public TableInit(Table table, int dim) {
        if (dim < 1) throw new IllegalArgumentException("table init: dim must be >= 1, got " + dim);
        if (table.cols() != dim && table.cols() != dim + 1) {
            throw new IllegalArgumentException("table init: " + table.cols() + " columns, expected " + dim
                    + " (positions) or " + (dim + 1) + " (positions then mass)");
        }
        this.table = table;
        this.dim = dim;
    }

    /** Every column is a coordinate (no mass column). */
    public TableInit(Table table) { this(table, table.cols()); }

    /** Whether the table carries a mass column. */
    public boolean hasMasses() { return table.cols() == dim + 1; }

    @Override
    public double[] positions(Space space, int count, long seed, int population) {
        if (space.dim() != dim) {
            throw new IllegalArgumentException("table init has " + dim + " coordinates, space " + space.type()
                    + " has dim " + space.dim());
        }
        checkRows(count);
        double[] x = Box.positions(count, dim);
        double[] data = table.data();
        int cols = table.cols();
        for (int i = 0, at = 0; i < count; i++, at += dim) {
            for (int c = 0; c < dim; c++) {
                double v = data[i * cols + c];
                if (!Double.isFinite(v)) throw new IllegalArgumentException("table init: row " + i + ", column " + c + " is " + v);
                x[at + c] = v;
            }
            try {
                space.canonicalize(x, at);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("table init: row " + i + ": " + e.getMessage(), e);
            }
        }
        return x;
    }

    @Override
    public double[] masses(int count) {
        if (!hasMasses()) return null;
        checkRows(count);
        double[] m = new double[count];
        int cols = table.cols();
        for (int i = 0; i < count; i++) {
            double v = table.data()[i * cols + dim];
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("table init: mass in row " + i + ", column " + dim + " is " + v);
            }
            m[i] = v;
        }
        return m;
    }

    private void checkRows(int count) {
        if (count < 0 || count > table.rows()) {
            throw new IllegalArgumentException("table init: " + count + " particles asked, the table has " + table.rows() + " rows");
        }
    }
}
