package lmo.model.game;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import lmo.particles.Block;
import lmo.particles.Reduction;
import lmo.particles.Summaries;
import lmo.model.Model;
import lmo.space.Space;

/**
 * The two-player zero-sum game {@code min_mu max_nu int int f dmu dnu} ({@link Payoff}) with
 * {@code mu = sum_i a_i delta_{x_i}} (player 1, the minimiser) and {@code nu = sum_j b_j delta_{y_j}} (player 2, the
 * maximiser), in <b>descent form</b> for both players, so that any dynamics moves both:
 * <ul>
 *   <li>a block of population x gets {@code v_i = V(x_i)} with {@code V(x) = sum_j b_j f(x, y_j) / sum_j b_j}, and
 *       {@code gradV_i = grad V(x_i)};</li>
 *   <li>a block of population y gets {@code v_j = -U(y_j)} with {@code U(y) = sum_i a_i f(x_i, y) / sum_i a_i}, and
 *       {@code gradV_j = -grad U(y_j)} (player 2 ascends U).</li>
 * </ul>
 * Normalising by the other player's total makes the model independent of the totals. Paths: {@link Path#GATHERED}
 * (any payoff: one GATHER round and pairwise sums) and {@link Path#FEATURES} (a {@link FourierPayoff}: one SUM round
 * of the players' Fourier features, folded by {@link #globalStep}). Metrics, in order: {@code niError} (unless
 * disabled), {@code localNiError}, {@code value}, {@code entropyX}, {@code entropyY}; docs/games.md. Immutable and
 * thread-safe.
 */
public final class GameModel implements Model {
    /** How V and U are evaluated. */
    public enum Path { FEATURES, GATHERED }

    /**
     * How {@code niError} is computed.
     *
     * @param grid points per axis of the uniform grid on a torus of dim 1 or 2; 0 drops the niError column
     * @param starts start points of the local best-response search (other spaces)
     * @param iterations projected-gradient iterations per start
     * @param seed the seed of the random start points
     */
    public record NiSettings(int grid, int starts, int iterations, long seed) {
        public NiSettings {
            if (grid < 0 || starts < 1 || iterations < 0) {
                throw new IllegalArgumentException("niError: grid >= 0, starts >= 1, iterations >= 0; got " + grid + ", " + starts + ", " + iterations);
            }
        }

        /** grid 512 on T^1, 64 on T^2 (ignored elsewhere), 32 starts, 200 iterations. */
        public static NiSettings defaults(int dim, long seed) {
            return new NiSettings(dim == 1 ? 512 : 64, 32, 200, seed);
        }
    }

    // metric sum entries
    static final int MIN_V = 0, MAX_U = 1, SUM_AV = 2, SUM_A = 3, SUM_A_LOG_A = 4, SUM_B = 5, SUM_B_LOG_B = 6,
            SUM_AV2 = 7, SUM_AG2 = 8, SUM_BU = 9, SUM_BU2 = 10, SUM_BG2 = 11, SUMS = 12;

    private final Payoff payoff;
    private final FourierPayoff fourier;
    private final int xPopulation;
    private final int yPopulation;
    private final Space xSpace;
    private final Space ySpace;
    private final Path path;
    private final NiSettings ni;

    /**
     * @param xPopulation the population index of player 1 (the minimiser)
     * @param yPopulation the population index of player 2 (the maximiser)
     * @param path {@link Path#FEATURES} needs a {@link FourierPayoff}
     */
    public GameModel(Payoff payoff, int xPopulation, Space xSpace, int yPopulation, Space ySpace, Path path, NiSettings ni) {
        if (xPopulation == yPopulation || xPopulation < 0 || yPopulation < 0) {
            throw new IllegalArgumentException("game: players need two distinct population indices, got " + xPopulation + " and " + yPopulation);
        }
        if (payoff.dimX() != xSpace.dim() || payoff.dimY() != ySpace.dim()) {
            throw new IllegalArgumentException("game: payoff dims (" + payoff.dimX() + ", " + payoff.dimY() + ") do not match the spaces "
                    + xSpace + " and " + ySpace);
        }
        if (path == Path.FEATURES && !(payoff instanceof FourierPayoff)) {
            throw new IllegalArgumentException("game: the features path needs a fourier payoff, got " + payoff);
        }
        this.payoff = payoff;
        this.fourier = payoff instanceof FourierPayoff f ? f : null;
        this.xPopulation = xPopulation;
        this.yPopulation = yPopulation;
        this.xSpace = xSpace;
        this.ySpace = ySpace;
        this.path = path;
        this.ni = ni;
    }

    /** {@link Path#FEATURES} for a fourier payoff, {@link Path#GATHERED} otherwise. */
    public static Path autoPath(Payoff payoff) { return payoff instanceof FourierPayoff ? Path.FEATURES : Path.GATHERED; }

    public Payoff payoff() { return payoff; }
    public Path path() { return path; }
    public int xPopulation() { return xPopulation; }
    public int yPopulation() { return yPopulation; }
    public Space xSpace() { return xSpace; }
    public Space ySpace() { return ySpace; }
    public NiSettings niSettings() { return ni; }

    @Override public Reduction reduction(int round) {
        if (round != 0) throw new IllegalArgumentException("a game has one round, asked for round " + round);
        return path == Path.FEATURES ? Reduction.sum(4 * fourier.modes()) : Reduction.gather();
    }

    @Override public void partial(int round, Block block, Summaries done, double[] out) {
        if (path != Path.FEATURES) throw new UnsupportedOperationException("the gathered path has no SUM round");
        if (block.population() == xPopulation) FeaturePath.partial(fourier, block, out, 0);
        else if (block.population() == yPopulation) FeaturePath.partial(fourier, block, out, 2 * fourier.modes());
    }

    /** Features path: replaces {@code (X^, Y^)} by {@code (W, Z, sum a, sum b)}, see {@link FeaturePath#fold}. */
    @Override public void globalStep(int round, Summaries summaries) {
        if (path == Path.FEATURES) summaries.set(round, FeaturePath.fold(fourier, summaries.sum(round)));
    }

    @Override
    public void firstVariation(Block b, Summaries s, double[] v, double[] gradV, double[] sums) {
        boolean x = b.population() == xPopulation;
        if (!x && b.population() != yPopulation) {
            Arrays.fill(v, 0, b.count(), 0.0);
            Arrays.fill(gradV, 0, b.count() * b.dim(), 0.0);
            return;
        }
        if (b.dim() != (x ? payoff.dimX() : payoff.dimY())) {
            throw new IllegalArgumentException("game: block of population " + b.population() + " has dim " + b.dim() + ", the payoff has "
                    + (x ? payoff.dimX() : payoff.dimY()));
        }
        if (path == Path.FEATURES) FeaturePath.firstVariation(fourier, b, s.sum(0), x, v, gradV);
        else if (fourier != null) GatheredPath.fourier(fourier, b, s.gathered(0), x ? yPopulation : xPopulation, x, v, gradV);
        else GatheredPath.generic(payoff, b, s.gathered(0), x ? yPopulation : xPopulation, x, v, gradV);
        addSums(b.m(), v, b.count(), x, sums);
        addFlowSums(b, x ? xSpace : ySpace, v, gradV, x, sums);
    }

    /** {@code sum m v^2} and {@code sum m |P grad v|^2} (and {@code sum m v} for y) for {@code flowNorm}. */
    private static void addFlowSums(Block b, Space space, double[] v, double[] gradV, boolean x, double[] sums) {
        int dim = b.dim();
        double[] g = new double[dim], m = b.m();
        for (int i = 0; i < b.count(); i++) {
            System.arraycopy(gradV, i * dim, g, 0, dim);
            space.projectTangent(b.x(), i * dim, g, 0);
            double g2 = 0;
            for (double c : g) g2 += c * c;
            sums[x ? SUM_AV2 : SUM_BU2] += m[i] * v[i] * v[i];
            sums[x ? SUM_AG2 : SUM_BG2] += m[i] * g2;
            if (!x) sums[SUM_BU] += m[i] * v[i];
        }
    }

    /**
     * The norm of the conic flow's velocity with unit rates: {@code sqrt(sum over players of Var_a(v) + E_a |P grad
     * v|^2)}, weights normalised; zero exactly at a stationary point of the conic flow.
     */
    static double flowNorm(double[] sums) {
        double a = sums[SUM_A], b = sums[SUM_B];
        double meanV = sums[SUM_AV] / a, meanU = sums[SUM_BU] / b;
        double varX = Math.max(0, sums[SUM_AV2] / a - meanV * meanV);
        double varY = Math.max(0, sums[SUM_BU2] / b - meanU * meanU);
        return Math.sqrt(varX + sums[SUM_AG2] / a + varY + sums[SUM_BG2] / b);
    }

    /** Player x: min V, sum a V, sum a, sum a log a; player y (v = -U): max U, sum b, sum b log b. */
    private static void addSums(double[] m, double[] v, int count, boolean x, double[] sums) {
        for (int i = 0; i < count; i++) {
            double mlogm = m[i] > 0 ? m[i] * Math.log(m[i]) : 0;
            if (x) {
                sums[MIN_V] = Math.min(sums[MIN_V], v[i]);
                sums[SUM_AV] += m[i] * v[i];
                sums[SUM_A] += m[i];
                sums[SUM_A_LOG_A] += mlogm;
            } else {
                sums[MAX_U] = Math.max(sums[MAX_U], -v[i]);
                sums[SUM_B] += m[i];
                sums[SUM_B_LOG_B] += mlogm;
            }
        }
    }

    @Override public int metricSumLength() { return SUMS; }

    /**
     * A stale summary is the other player's mixed strategy of an earlier state (its atoms and weights, or their
     * Fourier features): each player moves against that opponent, from its own current state.
     */
    @Override public String staleSummaryProblem() { return null; }

    /** Features {@code sum_i a_i e(x_i)} and gathered weights are linear in the weights. */
    @Override public boolean partialsLinearInMass() { return true; }

    @Override public MetricCombine metricCombine(int entry) {
        return entry == MIN_V ? MetricCombine.MIN : entry == MAX_U ? MetricCombine.MAX : MetricCombine.SUM;
    }

    @Override public List<String> metricNames() {
        List<String> names = new ArrayList<>();
        if (ni.grid() > 0) names.add("niError");
        names.addAll(List.of("localNiError", "value", "entropyX", "entropyY", "flowNorm"));
        return names;
    }

    @Override
    public double[] metrics(Summaries s, double[] sums) {
        double[] local = {
            sums[MAX_U] - sums[MIN_V],
            sums[SUM_AV] / sums[SUM_A],
            entropy(sums[SUM_A], sums[SUM_A_LOG_A]),
            entropy(sums[SUM_B], sums[SUM_B_LOG_B]),
            flowNorm(sums)};
        if (ni.grid() == 0) return local;
        double[] out = new double[local.length + 1];
        out[0] = NiError.of(this, s.get(0), sums[MAX_U], sums[MIN_V]);
        System.arraycopy(local, 0, out, 1, local.length);
        return out;
    }

    /** {@code -sum p log p} of {@code p = m / M}: {@code log M - (sum m log m) / M}. */
    static double entropy(double total, double sumMLogM) {
        return Math.log(total) - sumMLogM / total;
    }

    /** {@code max_y U(y) - min_x V(x)} at the state of the summaries, see {@link NiError}. */
    public double niError(Summaries s) {
        return NiError.of(this, s.get(0));
    }

    FourierPayoff fourier() { return fourier; }

    @Override public int defaultBlockSize(int[] counts) {
        if (path == Path.GATHERED) return 256;
        long total = (long) counts[xPopulation] + counts[yPopulation];
        long len = 4L * fourier.modes();
        for (int size = 256; ; size += 64) {
            if ((total + size - 1) / size * len <= 4_000_000 || size >= total) return size;
        }
    }

    /** Gathered: {@code 2 N M} payoff pairs; features: {@code 2 (N + M) n} mode evaluations. */
    @Override public double pairEvaluationsPerStep(int[] counts) {
        double nx = counts[xPopulation], ny = counts[yPopulation];
        return path == Path.GATHERED ? 2 * nx * ny : 2 * (nx + ny) * fourier.modes();
    }

    @Override public String toString() { return "GameModel[" + payoff + ", " + path + ", x = " + xPopulation + ", y = " + yPopulation + "]"; }
}
