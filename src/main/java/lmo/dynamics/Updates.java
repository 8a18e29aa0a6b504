package lmo.dynamics;

import lmo.particles.Block;
import lmo.space.Space;

/**
 * The two elementary updates every dynamics is made of, on a block's flat arrays. Each writes one of the block's
 * next buffers completely: {@link #transport} or {@link #copyPositions} fills {@code xNext}, {@link #reweight} or
 * {@link #copyMasses} fills {@code mNext}.
 */
final class Updates {
    private Updates() {}

    /** Checks a step size: finite and > 0. */
    static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + ": must be > 0 and finite, got " + value);
        }
        return value;
    }

    /**
     * Turns {@code gradV[i*dim ..]} into the drift step {@code -eta * P_x gradV} in place and copies x to xNext, for
     * particle i; the caller then retracts {@code xNext} by it.
     */
    static void drift(Space space, double[] x, double[] xNext, double[] gradV, int at, int dim, double eta) {
        System.arraycopy(x, at, xNext, at, dim);
        space.projectTangent(x, at, gradV, at);
        for (int c = 0; c < dim; c++) gradV[at + c] = -eta * gradV[at + c];
    }

    /** {@code xNext_i = Retr_{x_i}(-eta P_{x_i} gradV_i)}; gradV is overwritten by the step. */
    static void transport(Space space, Block block, double[] gradV, double eta) {
        double[] x = block.x(), xNext = block.xNext();
        int dim = block.dim(), n = block.count();
        for (int i = 0, at = 0; i < n; i++, at += dim) {
            drift(space, x, xNext, gradV, at, dim, eta);
            space.retract(xNext, at, gradV, at);
        }
    }

    /** {@code mNext_i = m_i exp(-etaM V_i)}. */
    static void reweight(Block block, double[] v, double etaM) {
        double[] m = block.m(), mNext = block.mNext();
        for (int i = 0, n = block.count(); i < n; i++) mNext[i] = m[i] * Math.exp(-etaM * v[i]);
    }

    /** {@code mNext_i} by the given rule (see {@link MassUpdate}; the linear rule writes NaN for a negative factor). */
    static void reweight(Block block, double[] v, double etaM, MassUpdate rule) {
        if (rule == MassUpdate.EXPONENTIAL) {
            reweight(block, v, etaM);
            return;
        }
        double[] m = block.m(), mNext = block.mNext();
        for (int i = 0, n = block.count(); i < n; i++) mNext[i] = rule.apply(m[i], v[i], etaM);
    }

    static void copyPositions(Block block) {
        System.arraycopy(block.x(), 0, block.xNext(), 0, block.count() * block.dim());
    }

    static void copyMasses(Block block) {
        System.arraycopy(block.m(), 0, block.mNext(), 0, block.count());
    }
}
