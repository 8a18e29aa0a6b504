package lmo.engine;

import lmo.particles.Block;

/**
 * The last few states of one block, copied aside, for the asynchronous modes: a state k is needed after the block
 * has moved past it, for the exact metrics of state k, a snapshot, the final collect, or the last good state after
 * a divergence. Holds {@code depth} states in a ring; copying a state costs {@code count * (dim + 1)} doubles.
 */
final class KeptStates {
    private final long[] steps;
    private final double[][] x;
    private final double[][] m;
    private int newest = -1;

    KeptStates(int depth, int xLength, int count) {
        steps = new long[depth];
        java.util.Arrays.fill(steps, -1);
        x = new double[depth][xLength];
        m = new double[depth][count];
    }

    /** Copies the block's current state as state {@code step}, over the oldest kept one. */
    void keep(long step, Block b) {
        newest = (newest + 1) % steps.length;
        steps[newest] = step;
        System.arraycopy(b.x(), 0, x[newest], 0, x[newest].length);
        System.arraycopy(b.m(), 0, m[newest], 0, m[newest].length);
    }

    /** State {@code step} of the block as a read-only view (its arrays are the kept copies: do not write them). */
    Block view(Block b, long step) {
        int at = slot(step, b.index());
        return b.view(x[at], m[at]);
    }

    private int slot(long step, int block) {
        for (int i = 0; i < steps.length; i++) if (steps[i] == step) return i;
        throw new IllegalStateException("block " + block + " keeps states " + oldest() + " .. " + steps[newest]
                + ", not state " + step);
    }

    private long oldest() {
        long o = Long.MAX_VALUE;
        for (long s : steps) if (s >= 0) o = Math.min(o, s);
        return o;
    }
}
