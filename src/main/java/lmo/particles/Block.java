package lmo.particles;

/**
 * A fixed-size block of particles of one population, as flat arrays: positions {@code [count * dim]}
 * (particle {@code i} at {@code x[i*dim .. i*dim+dim)}) and masses {@code [count]}. Particle {@code i} of the block
 * has the population-wide id {@code firstId + i}.
 *
 * <p>The block is double-buffered: a dynamics writes the next state into {@link #xNext()} and {@link #mNext()};
 * {@link #commit()} makes it current, and the previous state stays intact until then, so a step that produced a
 * NaN can be dropped. The block is the unit of placement on shards and of reduction order; nothing about it
 * depends on which shard holds it.
 *
 * <p>A model may keep per-particle solver state ({@link lmo.model.Model#solverWidth}): {@link #s()}
 * ({@code count * solverWidth}), double-buffered the same way; {@link #sNext()} starts each step as a copy of
 * {@link #s()}.
 */
public final class Block {
    private final int population;
    private final int index;
    private final long firstId;
    private final int count;
    private final int dim;
    private double[] x;
    private double[] m;
    private double[] xNext;
    private double[] mNext;
    private double[] xGhost;
    private double[] mGhost;
    private final int solverWidth;
    private double[] s;
    private double[] sNext;

    /**
     * @param population index of the population, in name order
     * @param index global block index (blocks of all populations, population by population, in id order)
     * @param firstId id of the block's first particle within its population
     * @param x positions, {@code count * dim}; kept (not copied)
     * @param m masses, {@code count}; kept (not copied)
     */
    public Block(int population, int index, long firstId, int dim, double[] x, double[] m) {
        this(population, index, firstId, dim, x, m, 0, new double[0]);
    }

    /**
     * A block with per-particle solver state.
     *
     * @param solverWidth solver values per particle
     * @param s solver state, {@code count * solverWidth}; kept (not copied)
     */
    public Block(int population, int index, long firstId, int dim, double[] x, double[] m, int solverWidth, double[] s) {
        if (s.length != (long) m.length * solverWidth) {
            throw new IllegalArgumentException("solver state has " + s.length + " values, expected " + m.length * solverWidth);
        }
        if (x.length != m.length * dim) {
            throw new IllegalArgumentException("positions have " + x.length + " values, expected " + m.length * dim);
        }
        this.population = population;
        this.index = index;
        this.firstId = firstId;
        this.count = m.length;
        this.dim = dim;
        this.x = x;
        this.m = m;
        this.xNext = new double[x.length];
        this.mNext = new double[m.length];
        this.solverWidth = solverWidth;
        this.s = s;
        this.sNext = new double[s.length];
    }

    /** A block over the given arrays, with no buffers of its own (see {@link #ghostView()}). */
    private Block(Block of, double[] x, double[] m) {
        this.population = of.population;
        this.index = of.index;
        this.firstId = of.firstId;
        this.count = of.count;
        this.dim = of.dim;
        this.x = x;
        this.m = m;
        this.solverWidth = of.solverWidth;
        this.s = of.s;
    }

    public int population() { return population; }
    public int index() { return index; }
    public long firstId() { return firstId; }
    public int count() { return count; }
    public int dim() { return dim; }
    /** Current positions (read; written only by {@link #commit()} swaps and normalisation). */
    public double[] x() { return x; }
    /** Current masses. */
    public double[] m() { return m; }
    /** Buffer the dynamics writes the next positions to. */
    public double[] xNext() { return xNext; }
    /** Buffer the dynamics writes the next masses to. */
    public double[] mNext() { return mNext; }

    /** The ghost positions: the output of the last intermediate stage of a multi-stage step (null before one). */
    public double[] ghostX() { return xGhost; }
    /** The ghost masses (null before the first intermediate stage). */
    public double[] ghostM() { return mGhost; }

    /**
     * Keeps the next state aside as the ghost (a swap of buffers): the current state is unchanged, and the next
     * buffers are free for the following stage.
     */
    public void stashGhost() {
        if (xGhost == null) {
            xGhost = new double[xNext.length];
            mGhost = new double[mNext.length];
        }
        double[] t = xGhost; xGhost = xNext; xNext = t;
        t = mGhost; mGhost = mNext; mNext = t;
    }

    /**
     * The ghost state as a read-only block (same population, index and ids; no next buffers): what a model
     * evaluates V at in a later stage.
     */
    public Block ghostView() {
        if (xGhost == null) throw new IllegalStateException("block " + index + " has no ghost state");
        return new Block(this, xGhost, mGhost);
    }

    /**
     * A read-only block over the given arrays (same population, index and ids; no next buffers): an earlier state
     * of this block kept aside, for a model to evaluate V at.
     */
    public Block view(double[] x, double[] m) {
        if (x.length != this.x.length || m.length != count) throw new IllegalArgumentException("not this block's shape");
        return new Block(this, x, m);
    }

    /** Solver values per particle (0 for most models). */
    public int solverWidth() { return solverWidth; }
    /** Current solver state, {@code count * solverWidth} (read). */
    public double[] s() { return s; }
    /** Buffer of the next solver state: a copy of {@link #s()} when the model's first variation runs. */
    public double[] sNext() { return sNext; }

    /** Makes the next state current; the old current arrays become the next buffers. */
    public void commit() {
        double[] t = x; x = xNext; xNext = t;
        t = m; m = mNext; mNext = t;
        t = s; s = sNext; sNext = t;
    }
}
