package lmo.engine;

import java.util.List;
import lmo.particles.Block;
import lmo.particles.Gathered;
import lmo.particles.Population;

/**
 * Evenly thinned particle selections (trajectories, the live sample): of a population of {@code count} particles,
 * {@code K' = min(K, count)} of them, the ids {@code floor(i * count / K')}, {@code i = 0 .. K' - 1}, in id order (strictly
 * increasing, the first id 0). A block holding ids {@code [first, first + n)} holds the picks
 * {@code i in [ceil(first K' / count), ceil((first + n) K' / count))}. Positions and masses only: no solver or global
 * state. Arithmetic in {@code long}, so no overflow for any int count and K.
 */
public final class Picks {
    /** At most this many particles per population in a live sample. */
    public static final int LIVE_PARTICLES = 2000;

    private Picks() {}

    /** {@code K' = min(k, count)}. */
    public static int take(int count, int k) { return Math.min(k, count); }

    /** The id of pick i of {@code take} from {@code count} particles: {@code floor(i * count / take)}. */
    public static long id(long i, int count, int take) { return i * count / take; }

    /** The first pick whose id is at least {@code id}: {@code ceil(id * take / count)}. */
    static long firstPickFrom(long id, int count, int take) {
        return (id * take + count - 1) / count;
    }

    /** K' for every population. */
    public static int[] takes(List<Population> pops, int k) {
        return pops.stream().mapToInt(p -> take(p.count(), k)).toArray();
    }

    /** The picks in block {@code b} (a population of {@code count} particles, {@code take} picks): x and m copied. */
    static BlockReport pick(Block b, int count, int take, double massFactor) {
        int d = b.dim();
        long from = firstPickFrom(b.firstId(), count, take);
        long to = firstPickFrom(b.firstId() + b.count(), count, take);
        int n = (int) (to - from);
        double[] x = new double[n * d];
        double[] m = new double[n];
        for (int j = 0; j < n; j++) {
            int local = (int) (id(from + j, count, take) - b.firstId());
            System.arraycopy(b.x(), local * d, x, j * d, d);
            m[j] = b.m()[local] * massFactor;
        }
        return new BlockReport(b.index(), null, x, m, null, Double.NaN, Double.NaN, -1, null);
    }

    /** The blocks' picks concatenated in block order: per population, the picks in id order. */
    static Gathered gather(BlockReport[] byBlock, BlockLayout layout, List<Population> pops, int[] take) {
        int n = pops.size();
        double[][] x = new double[n][];
        double[][] m = new double[n][];
        int[] dim = new int[n];
        int[] filled = new int[n];
        for (Population p : pops) {
            dim[p.index()] = p.dim();
            x[p.index()] = new double[take[p.index()] * p.dim()];
            m[p.index()] = new double[take[p.index()]];
        }
        for (BlockReport b : byBlock) {
            int p = layout.slot(b.block()).population();
            System.arraycopy(b.x(), 0, x[p], filled[p] * dim[p], b.m().length * dim[p]);
            System.arraycopy(b.m(), 0, m[p], filled[p], b.m().length);
            filled[p] += b.m().length;
        }
        for (int p = 0; p < n; p++) {
            if (filled[p] != take[p]) {
                throw new IllegalStateException("population " + pops.get(p).name() + ": " + filled[p] + " picks, expected "
                        + take[p]);
            }
        }
        return new Gathered(x, m, dim);
    }

    /** The picks of a whole gathered state (masses as they are). */
    public static Gathered select(Gathered state, int[] take) {
        int n = state.m().length;
        double[][] x = new double[n][];
        double[][] m = new double[n][];
        for (int p = 0; p < n; p++) {
            int d = state.dim()[p], count = state.count(p), k = take[p];
            x[p] = new double[k * d];
            m[p] = new double[k];
            for (int i = 0; i < k; i++) {
                int id = (int) id(i, count, k);
                System.arraycopy(state.x()[p], id * d, x[p], i * d, d);
                m[p][i] = state.m()[p][id];
            }
        }
        return new Gathered(x, m, state.dim().clone());
    }
}
