package lmo.model.game;

import lmo.particles.Gathered;
import lmo.rng.CounterRng;
import lmo.space.Space;

/**
 * The Nikaido–Isoda error (exploitability) {@code NI = max_y U(y) - min_x V(x)} of the state, with V and U normalised
 * by the players' totals ({@link GameModel}). NI >= 0, and NI = 0 exactly at a mixed Nash equilibrium.
 * <ul>
 *   <li>{@link QuadraticPayoff} on euclidean spaces: closed form ({@link QuadraticNi}), {@code +Infinity} when a best
 *       response is unbounded.</li>
 *   <li>A player on a torus of dim 1 or 2: the extremum over the uniform grid ({@link BestResponse#grid}).</li>
 *   <li>Otherwise: multi-start local search ({@link BestResponse#local}) from the {@code ceil(starts/2)} heaviest
 *       particles of the player (gathered path; none on the features path) plus random points keyed by
 *       {@code (seed, population, start, 0, STREAM_BEST_RESPONSE)}: uniform on a torus, normalised Gaussians on a
 *       sphere, {@code mean + max(1, rms) N(0, I)} of the player's particles on a euclidean space.</li>
 * </ul>
 * A fourier payoff is always evaluated through its folded features (cost {@code (2K+1)^d} per point, independent of
 * the particle counts).
 */
final class NiError {
    private NiError() {}

    /** @param summary the round-0 summary: folded features (features path) or the gathered state */
    static double of(GameModel m, Object summary) {
        return of(m, summary, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /**
     * NI with the players' own particles as candidates too: {@code max(max over the search of U, maxUParticles) -
     * min(min over the search of V, minVParticles)}. A grid or a local search finds a lower bound of the true best
     * response; the particles' values keep NI >= localNiError >= 0 (the max of U over nu's atoms is at least
     * F(mu, nu), the min of V over mu's atoms at most), so a grid that misses off-grid atoms cannot make NI negative.
     */
    static double of(GameModel m, Object summary, double maxUParticles, double minVParticles) {
        Payoff f = m.payoff();
        int px = m.xPopulation(), py = m.yPopulation();
        Gathered g = summary instanceof Gathered gathered ? gathered : null;
        double[] x = g == null ? null : g.x()[px], a = g == null ? null : g.m()[px];
        double[] y = g == null ? null : g.x()[py], b = g == null ? null : g.m()[py];
        if (f instanceof QuadraticPayoff q && isEuclidean(m.xSpace()) && isEuclidean(m.ySpace())) {
            return QuadraticNi.of(q, x, a, y, b);
        }
        Field v, minusU;
        FourierPayoff fp = m.fourier();
        if (fp != null) {
            double[] folded = g == null ? (double[]) summary : FeaturePath.foldGathered(fp, x, a, y, b);
            v = Field.fourier(fp, folded, 0, 1);
            minusU = Field.fourier(fp, folded, 2 * fp.modes(), -1);
        } else {
            v = Field.pairs(f, y, b, true);
            minusU = Field.pairs(f, x, a, false);
        }
        GameModel.NiSettings ni = m.niSettings();
        double minV = Math.min(infimum(v, m.xSpace(), px, x, a, ni), minVParticles);
        double maxU = Math.max(-infimum(minusU, m.ySpace(), py, y, b, ni), maxUParticles);
        return maxU - minV;
    }

    private static boolean isEuclidean(Space s) { return s.type().equals("euclidean"); }

    private static double infimum(Field f, Space space, int population, double[] pos, double[] w, GameModel.NiSettings ni) {
        if (space.type().equals("torus") && space.dim() <= 2) return BestResponse.grid(f, ni.grid());
        return BestResponse.local(f, space, starts(space, population, pos, w, ni), ni.iterations());
    }

    /** The heaviest particles (ties by id), then random points. */
    static double[] starts(Space space, int population, double[] pos, double[] w, GameModel.NiSettings ni) {
        int dim = space.dim(), total = ni.starts();
        int own = pos == null ? 0 : Math.min(w.length, (total + 1) / 2);
        double[] out = new double[total * dim];
        if (own > 0) {
            Integer[] order = new Integer[w.length];
            for (int i = 0; i < order.length; i++) order[i] = i;
            java.util.Arrays.sort(order, (i, j) -> w[i] != w[j] ? Double.compare(w[j], w[i]) : Integer.compare(i, j));
            for (int s = 0; s < own; s++) System.arraycopy(pos, order[s] * dim, out, s * dim, dim);
        }
        double[] center = new double[dim];
        double spread = 1;
        if (pos != null && space.type().equals("euclidean")) {
            double tw = GatheredPath.sum(w), ss = 0;
            for (int i = 0; i < w.length; i++) for (int c = 0; c < dim; c++) center[c] += w[i] * pos[i * dim + c] / tw;
            for (int i = 0; i < w.length; i++) for (int c = 0; c < dim; c++) {
                double d = pos[i * dim + c] - center[c];
                ss += w[i] * d * d / tw;
            }
            spread = Math.max(1, Math.sqrt(ss / dim));
        }
        for (int s = own; s < total; s++) {
            int at = s * dim;
            if (space.type().equals("torus")) {
                CounterRng.uniforms(ni.seed(), population, s, 0, CounterRng.STREAM_BEST_RESPONSE, out, at, dim);
            } else {
                CounterRng.gaussians(ni.seed(), population, s, 0, CounterRng.STREAM_BEST_RESPONSE, out, at, dim);
                for (int c = 0; c < dim; c++) out[at + c] = center[c] + spread * out[at + c];
                if (space.type().equals("sphere")) space.canonicalize(out, at);
            }
        }
        return out;
    }
}
