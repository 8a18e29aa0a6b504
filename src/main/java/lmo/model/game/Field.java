package lmo.model.game;

/**
 * One player's payoff against the other player's current measure, as a function to minimise: {@code V(x)} for
 * player x, {@code -U(y)} for player y. Used by the best-response searches of {@link NiError}; not thread-safe
 * (scratch arrays).
 */
abstract class Field {
    final int dim;

    Field(int dim) { this.dim = dim; }

    /** The value at {@code p[off .. off + dim)}; when {@code grad} is not null writes the gradient to {@code grad[0 .. dim)}. */
    abstract double eval(double[] p, int off, double[] grad);

    /** {@code sign Re sum_k w_k E_k(p)}: w at {@code off} of a folded features vector. */
    static Field fourier(FourierPayoff f, double[] folded, int off, double sign) {
        FourierModes modes = new FourierModes(f.dim(), f.order());
        double[] e = new double[2 * f.modes()];
        return new Field(f.dim()) {
            @Override double eval(double[] p, int at, double[] grad) {
                modes.eval(p, at, e, 0);
                if (grad == null) return sign * modes.value(folded, off, e, 0);
                for (int c = 0; c < dim; c++) grad[c] = 0;
                return sign * modes.valueAndGradient(folded, off, e, 0, sign, grad, 0);
            }
        };
    }

    /**
     * Pairwise: {@code V(x) = sum_j w_j f(x, q_j) / sum w} (forX) or {@code -U(y) = -sum_i w_i f(q_i, y) / sum w}.
     */
    static Field pairs(Payoff f, double[] q, double[] w, boolean forX) {
        int dim = forX ? f.dimX() : f.dimY(), od = forX ? f.dimY() : f.dimX();
        double scale = (forX ? 1 : -1) / GatheredPath.sum(w);
        double[] tmp = new double[dim];
        return new Field(dim) {
            @Override double eval(double[] p, int at, double[] grad) {
                double s = 0;
                if (grad != null) for (int c = 0; c < dim; c++) grad[c] = 0;
                for (int j = 0; j < w.length; j++) {
                    s += w[j] * (forX ? f.value(p, at, q, j * od) : f.value(q, j * od, p, at));
                    if (grad == null) continue;
                    if (forX) f.gradX(p, at, q, j * od, tmp, 0);
                    else f.gradY(q, j * od, p, at, tmp, 0);
                    for (int c = 0; c < dim; c++) grad[c] += w[j] * tmp[c];
                }
                if (grad != null) for (int c = 0; c < dim; c++) grad[c] *= scale;
                return s * scale;
            }
        };
    }
}
