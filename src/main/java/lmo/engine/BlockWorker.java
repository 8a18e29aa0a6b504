package lmo.engine;

import java.util.Arrays;
import java.util.List;
import lmo.dynamics.Dynamics;
import lmo.dynamics.StepContext;
import lmo.model.Model;
import lmo.particles.Block;
import lmo.particles.Reduction;
import lmo.particles.Summaries;
import lmo.space.Space;

/**
 * The work done on one block, the same in the plain loop and in a shard actor: partial summaries, evaluation of
 * the first variation, the dynamics step with its finiteness check and commit, mass normalisation. Holds scratch
 * arrays, so one worker serves one thread.
 */
final class BlockWorker {
    private final Model model;
    private final Dynamics dynamics;
    private final List<Space> spaces;
    private final long seed;
    private double[] v = new double[0];
    private double[] gradV = new double[0];

    BlockWorker(Model model, Dynamics dynamics, List<Space> spaces, long seed) {
        this.model = model;
        this.dynamics = dynamics;
        this.spaces = spaces;
        this.seed = seed;
    }

    /** Round {@code round}'s partial of the block's current state. */
    BlockReport partial(Block b, int round, Summaries done) {
        Reduction r = model.reduction(round);
        if (r.kind() == Reduction.Kind.GATHER) return BlockReport.state(b);
        double[] out = r.kind() == Reduction.Kind.CONCAT ? new double[r.length() * b.count()] : r.identity();
        model.partial(round, b, done, out);
        return new BlockReport(b.index(), out, null, null, null, Double.NaN, Double.NaN, -1, null);
    }

    /**
     * Evaluates V at the block's current state (at its ghost state for stages > 0); if {@code update}, writes and
     * checks the next state, then commits it (last stage) or keeps it as the ghost (earlier stages). Returns
     * metric sums, masses (after: of the committed state or of the ghost) and, with {@code thenPartials} or at an
     * intermediate stage, the round-0 partial of the new (or ghost) state.
     */
    BlockReport apply(Block b, Order.Apply order) {
        ensureScratch(b);
        double[] metrics = metricIdentities();
        boolean intermediate = order.stage() < dynamics.stages() - 1;
        if (b.solverWidth() > 0) System.arraycopy(b.s(), 0, b.sNext(), 0, b.s().length);
        model.firstVariation(order.stage() > 0 ? b.ghostView() : b, order.summaries(), v, gradV, metrics);
        double before = sum(b.m());
        int bad = firstNonFinite(gradV, v, b.dim(), b.count());
        if (bad >= 0) {
            return BlockReport.diverged(b.index(), metrics, before, bad, "the first variation V or its gradient");
        }
        bad = firstNonFiniteRow(b.sNext(), b.solverWidth(), b.count());
        if (bad >= 0) return BlockReport.diverged(b.index(), metrics, before, bad, "the model's solver state");
        if (!order.update()) {
            return new BlockReport(b.index(), null, null, null, metrics, before, Double.NaN, -1, null);
        }
        dynamics.step(spaces.get(b.population()), b, v, gradV,
                new StepContext(seed, order.step(), order.stage(), order.stageScale()));
        bad = firstNonFinite(b.xNext(), b.mNext(), b.dim(), b.count());
        if (bad >= 0) {
            return BlockReport.diverged(b.index(), metrics, before, bad, "the updated position or mass");
        }
        Block now;
        if (intermediate) {
            b.stashGhost();
            now = b.ghostView();
        } else {
            b.commit();
            now = b;
        }
        double after = sum(now.m());
        if (!order.thenPartials() && !intermediate) {
            return new BlockReport(b.index(), null, null, null, metrics, before, after, -1, null);
        }
        BlockReport p = partial(now, 0, new Summaries(model.rounds(), intermediate ? order.step() : order.step() + 1));
        return new BlockReport(b.index(), p.partial(), p.x(), p.m(), metrics, before, after, -1, null);
    }

    /**
     * One asynchronous step of block {@code b} from state {@code step}, with summaries possibly of an earlier state:
     * V at the block's current state, the dynamics' move, the new masses times {@code massFactor} (lazy mass
     * renormalisation; 1 when none), the finiteness check and the commit. Returns the round-0 partial of state
     * {@code step + 1} with the masses before and after; the metric sums V would give here are not exact (stale
     * summary) and are dropped.
     */
    BlockReport step(Block b, long step, Summaries summaries, double massFactor) {
        ensureScratch(b);
        double before = sum(b.m());
        model.firstVariation(b, summaries, v, gradV, metricIdentities());
        int bad = firstNonFinite(gradV, v, b.dim(), b.count());
        if (bad >= 0) return BlockReport.diverged(b.index(), null, before, bad, "the first variation V or its gradient");
        dynamics.step(spaces.get(b.population()), b, v, gradV, new StepContext(seed, step, 0, null));
        if (massFactor != 1) {
            double[] m = b.mNext();
            for (int i = 0; i < b.count(); i++) m[i] *= massFactor;
        }
        bad = firstNonFinite(b.xNext(), b.mNext(), b.dim(), b.count());
        if (bad >= 0) return BlockReport.diverged(b.index(), null, before, bad, "the updated position or mass");
        b.commit();
        BlockReport p = partial(b, 0, new Summaries(model.rounds(), step + 1));
        return new BlockReport(b.index(), p.partial(), p.x(), p.m(), null, before, sum(b.m()), -1, null);
    }

    /**
     * The metric sums of {@code state} (a kept state of a block, its masses already renormalised) with the exact
     * summaries of that state; nothing moves.
     */
    BlockReport evaluate(Block state, Summaries summaries) {
        ensureScratch(state);
        double[] metrics = metricIdentities();
        model.firstVariation(state, summaries, v, gradV, metrics);
        return new BlockReport(state.index(), null, null, null, metrics, sum(state.m()), Double.NaN, -1, null);
    }

    /** The round-0 partial of {@code state} with its total mass. */
    BlockReport partialWithMass(Block state, long step) {
        BlockReport p = partial(state, 0, new Summaries(model.rounds(), step));
        return new BlockReport(state.index(), p.partial(), p.x(), p.m(), null, sum(state.m()), Double.NaN, -1, null);
    }

    /** Zero for summed entries, -Infinity for MAX, +Infinity for MIN. */
    private double[] metricIdentities() {
        double[] m = new double[model.metricSumLength()];
        for (int i = 0; i < m.length; i++) {
            Model.MetricCombine how = model.metricCombine(i);
            if (how == Model.MetricCombine.MAX) m[i] = Double.NEGATIVE_INFINITY;
            if (how == Model.MetricCombine.MIN) m[i] = Double.POSITIVE_INFINITY;
        }
        return m;
    }

    /** Scales the block's masses by {@code factor} in place and returns its round-0 partial. */
    BlockReport normalize(Block b, double factor, long step) {
        double[] m = b.m();
        for (int i = 0; i < m.length; i++) m[i] *= factor;
        return partial(b, 0, new Summaries(model.rounds(), step));
    }

    private void ensureScratch(Block b) {
        if (v.length < b.count()) v = new double[b.count()];
        if (gradV.length < b.count() * b.dim()) gradV = new double[b.count() * b.dim()];
        Arrays.fill(v, 0, b.count(), 0.0);
        Arrays.fill(gradV, 0, b.count() * b.dim(), 0.0);
    }

    private static int firstNonFiniteRow(double[] s, int width, int count) {
        for (int i = 0; i < count * width; i++) {
            if (!Double.isFinite(s[i])) return i / width;
        }
        return -1;
    }

    private static int firstNonFinite(double[] x, double[] m, int dim, int count) {
        for (int i = 0; i < count; i++) {
            if (!Double.isFinite(m[i])) return i;
            for (int c = 0; c < dim; c++) {
                if (!Double.isFinite(x[i * dim + c])) return i;
            }
        }
        return -1;
    }

    static double sum(double[] a) {
        double s = 0;
        for (double d : a) s += d;
        return s;
    }
}
