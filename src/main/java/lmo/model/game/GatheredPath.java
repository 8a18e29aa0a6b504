package lmo.model.game;

import lmo.particles.Block;
import lmo.particles.Gathered;

/**
 * The gathered path: round 0 gathers every particle, and each block sums over the other player's particles pair by
 * pair. Player x: {@code V(x_i) = sum_j b_j f(x_i, y_j) / sum_j b_j}; player y: {@code U(y_j) = sum_i a_i f(x_i, y_j) /
 * sum_i a_i}, written as {@code v = -U, gradV = -grad U}. Loops over flat arrays, no per-pair objects.
 */
final class GatheredPath {
    /** Other-player particles whose Fourier rows are precomputed at once. */
    private static final int CHUNK = 64;

    private GatheredPath() {}

    /** Any payoff: one {@code value} and one gradient call per pair. */
    static void generic(Payoff f, Block b, Gathered g, int other, boolean x, double[] v, double[] gradV) {
        double[] q = g.x()[other], w = g.m()[other], p = b.x();
        int dim = b.dim(), od = g.dim()[other];
        double total = sum(w);
        double sign = x ? 1 : -1;
        double[] tmp = new double[dim];
        for (int i = 0; i < b.count(); i++) {
            int at = i * dim;
            double s = 0;
            for (int c = 0; c < dim; c++) gradV[at + c] = 0;
            for (int j = 0; j < w.length; j++) {
                double wj = w[j];
                if (x) {
                    s += wj * f.value(p, at, q, j * od);
                    f.gradX(p, at, q, j * od, tmp, 0);
                } else {
                    s += wj * f.value(q, j * od, p, at);
                    f.gradY(q, j * od, p, at, tmp, 0);
                }
                for (int c = 0; c < dim; c++) gradV[at + c] += wj * tmp[c];
            }
            v[i] = sign * s / total;
            for (int c = 0; c < dim; c++) gradV[at + c] *= sign / total;
        }
    }

    /**
     * A fourier payoff: the other player's particles are folded into {@code G_k(y_j) = sum_l c_kl E_l(y_j)} (player
     * x; {@code H_l(x_i) = sum_k c_kl E_k(x_i)} for player y), {@value #CHUNK} at a time, so a pair costs n complex
     * multiply-adds: {@code f(x_i, y_j) = Re sum_k G_k(y_j) E_k(x_i)}.
     */
    static void fourier(FourierPayoff f, Block b, Gathered g, int other, boolean x, double[] v, double[] gradV) {
        double[] q = g.x()[other], w = g.m()[other], p = b.x();
        int dim = b.dim(), n2 = 2 * f.modes(), count = b.count();
        FourierModes modes = new FourierModes(f.dim(), f.order());
        double total = sum(w);
        double sign = x ? 1 : -1;
        double[] own = new double[count * n2];
        for (int i = 0; i < count; i++) {
            modes.eval(p, i * dim, own, i * n2);
            v[i] = 0;
            for (int c = 0; c < dim; c++) gradV[i * dim + c] = 0;
        }
        double[] e = new double[n2];
        double[] folded = new double[CHUNK * n2];
        for (int start = 0; start < w.length; start += CHUNK) {
            int len = Math.min(CHUNK, w.length - start);
            for (int jj = 0; jj < len; jj++) {
                modes.eval(q, (start + jj) * dim, e, 0);
                if (x) f.applyRight(e, 0, 1, folded, jj * n2);
                else f.applyLeft(e, 0, 1, folded, jj * n2);
            }
            for (int i = 0; i < count; i++) {
                double s = 0;
                for (int jj = 0; jj < len; jj++) {
                    double wj = w[start + jj];
                    s += wj * modes.valueAndGradient(folded, jj * n2, own, i * n2, wj, gradV, i * dim);
                }
                v[i] += s;
            }
        }
        for (int i = 0; i < count; i++) {
            v[i] *= sign / total;
            for (int c = 0; c < dim; c++) gradV[i * dim + c] *= sign / total;
        }
    }

    static double sum(double[] a) {
        double s = 0;
        for (double d : a) s += d;
        return s;
    }
}
