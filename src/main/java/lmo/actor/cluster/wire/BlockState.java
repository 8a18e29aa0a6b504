package lmo.actor.cluster.wire;

import java.util.Arrays;
import lmo.particles.Block;

/**
 * The current state of one {@link Block} as it crosses JVMs: on the wire
 * {@code i32 population  i32 index  i64 firstId  i32 dim  doubles x  doubles m} (see {@link BlockStatesCodec}).
 *
 * <p>Unlike a plain record, equality compares the arrays element by element on their raw IEEE-754 bits (so a
 * decoded state equals the one that was encoded, NaN payloads included). The arrays are shared, not copied.
 *
 * @param population index of the population, in name order
 * @param index global block index
 * @param firstId id of the block's first particle within its population
 * @param dim coordinates per particle
 * @param x positions, {@code count * dim}
 * @param m masses, {@code count}
 * @param solverWidth the model's solver values per particle
 * @param s solver state, {@code count * solverWidth}
 */
public record BlockState(int population, int index, long firstId, int dim, double[] x, double[] m, int solverWidth,
                         double[] s) {

    /** A state without solver arrays. */
    public BlockState(int population, int index, long firstId, int dim, double[] x, double[] m) {
        this(population, index, firstId, dim, x, m, 0, new double[0]);
    }

    public BlockState {
        if (x == null || m == null) throw new IllegalArgumentException("block " + index + ": null positions or masses");
        if (dim < 0) throw new IllegalArgumentException("block " + index + ": dim " + dim + " < 0");
        if (x.length != (long) m.length * dim) {
            throw new IllegalArgumentException("block " + index + ": positions have " + x.length + " values, expected "
                    + (long) m.length * dim + " (" + m.length + " particles of dim " + dim + ")");
        }
        if (s == null || solverWidth < 0 || s.length != (long) (m == null ? 0 : m.length) * solverWidth) {
            throw new IllegalArgumentException("block " + index + ": solver state of " + (s == null ? "null" : s.length)
                    + " values for solver width " + solverWidth);
        }
    }

    /** The current state of {@code block} (its arrays, not copies: encode before the block moves on). */
    public static BlockState of(Block block) {
        return new BlockState(block.population(), block.index(), block.firstId(), block.dim(), block.x(), block.m(),
                block.solverWidth(), block.s());
    }

    /** A block that owns this state's arrays (so this state must not be used afterwards). */
    public Block toBlock() { return new Block(population, index, firstId, dim, x, m, solverWidth, s); }

    public int count() { return m.length; }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlockState b && population == b.population && index == b.index && firstId == b.firstId
                && dim == b.dim && sameBits(x, b.x) && sameBits(m, b.m) && solverWidth == b.solverWidth
                && sameBits(s, b.s);
    }

    @Override
    public int hashCode() {
        return ((population * 31 + index) * 31 + Long.hashCode(firstId)) * 31 + Arrays.hashCode(m);
    }

    @Override
    public String toString() {
        return "BlockState[population=" + population + ", index=" + index + ", firstId=" + firstId + ", dim=" + dim
                + ", count=" + m.length + "]";
    }

    static boolean sameBits(double[] a, double[] b) {
        if (a.length != b.length) return false;
        for (int i = 0; i < a.length; i++) {
            if (Double.doubleToRawLongBits(a[i]) != Double.doubleToRawLongBits(b[i])) return false;
        }
        return true;
    }
}
