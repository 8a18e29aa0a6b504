package lmo.engine;

import lmo.particles.Block;

/**
 * One block's answer to an order. Fields an order does not produce are null (arrays), NaN (masses) or -1.
 *
 * @param block global block index
 * @param partial this block's SUM partial of the requested round
 * @param x copy of positions (GATHER partials and collects)
 * @param m copy of masses (GATHER partials and collects)
 * @param metrics the block's metric sums at the evaluated state
 * @param massBefore total mass of the block at the evaluated state
 * @param massAfter total mass after the update
 * @param diverged index within the block of the first particle where V, grad V or the new state is not finite, or -1
 * @param problem what was not finite there (for the diagnostic), or null
 * @param s copy of the per-particle solver state (GATHER partials and collects), or null
 */
public record BlockReport(int block, double[] partial, double[] x, double[] m, double[] metrics, double massBefore,
                          double massAfter, int diverged, String problem, double[] s) {

    /** A report without solver state. */
    public BlockReport(int block, double[] partial, double[] x, double[] m, double[] metrics, double massBefore,
                       double massAfter, int diverged, String problem) {
        this(block, partial, x, m, metrics, massBefore, massAfter, diverged, problem, null);
    }

    /** The block's current positions, masses and solver state, copied (a collect, or a GATHER partial). */
    static BlockReport state(Block b) {
        return new BlockReport(b.index(), null, b.x().clone(), b.m().clone(), null, Double.NaN, Double.NaN, -1, null,
                b.s().clone());
    }

    static BlockReport diverged(int block, double[] metrics, double massBefore, int index, String problem) {
        return new BlockReport(block, null, null, null, metrics, massBefore, Double.NaN, index, problem);
    }

    static BlockReport empty(int block) {
        return new BlockReport(block, null, null, null, null, Double.NaN, Double.NaN, -1, null);
    }
}
