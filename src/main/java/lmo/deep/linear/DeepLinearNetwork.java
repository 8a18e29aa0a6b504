package lmo.deep.linear;

import java.util.Arrays;
import lmo.rng.CounterRng;

/**
 * The deep linear network for scalar regression and its loss, with the exact gradient and the exact Hessian-vector
 * product:
 *
 * <pre>
 *   plain (PLAIN):       f(x) = W_L W_(L-1) ... W_1 x,        W_1 .. W_(L-1) in R^(d x d), W_L in R^(1 x d)
 *   residual (RESIDUAL): f(x) = r' W_L W_(L-1) ... W_1 x,     W_1 .. W_L in R^(d x d), r in R^d fixed (not trained)
 *   end-to-end vector    w = (W_L ... W_1)'  (plain)  or  (r' W_L ... W_1)'  (residual),  so f(x) = w . x
 *   loss                 R(theta) = (1/n) sum_i (y_i - f(x_i))^2        -- mean squared error, NO factor 1/2
 * </pre>
 *
 * The loss has no 1/2, as in the authors' code: the Hessian, the sharpness and its lower bound {@code 2 L a} are
 * twice what they are under the {@code 1/2}-convention, and gradient descent is stable below {@code eta = 2 / S}.
 *
 * <p><b>Parameter layout</b>: one flat {@code double[] theta} of length {@link #parameterCount()} =
 * {@code (L-1) d^2 + d} (plain) or {@code L d^2} (residual); layer k (1-based, k = 1 is next to the input) starts at
 * {@link #offset(int) offset(k) = (k-1) d^2} and holds W_k row-major, {@link #rows(int) rows(k)} x d (rows = d,
 * except 1 for the plain network's W_L): {@code W_k[i][j] = theta[(k-1) d^2 + i d + j]}. The read-out r of the
 * residual network is not in theta.
 *
 * <p><b>Gradient (backpropagation through the product).</b> With the row vectors
 * {@code a_k' = W_L ... W_(k+1)} (plain; {@code a_L = 1}) or {@code r' W_L ... W_(k+1)} (residual; {@code a_L = r}),
 * {@code a_0 = w}, the data gradient {@code g = dR/dw = (2/n) X'(X w - y)} and {@code u_k = B_k g} with
 * {@code B_k = W_(k-1) ... W_1} ({@code u_1 = g}, {@code u_(k+1) = W_k u_k}):
 * <pre>   dR/dW_k = a_k u_k'.</pre>
 * <b>Hessian-vector product</b> (forward-over-reverse, by hand): along a direction V = (V_1 .. V_L) in the same
 * layout, differentiate the three recursions:
 * <pre>
 *   da_L = 0,   da_(k-1)' = da_k' W_k + a_k' V_k,   dw = da_0,   dg = 2 Sigma dw   (Sigma = X'X/n),
 *   du_1 = dg,  du_(k+1) = V_k u_k + W_k du_k,
 *   (H V)_k = da_k u_k' + a_k du_k'.
 * </pre>
 * The term {@code a_k du_k'} carries the residual part {@code V_k u_k} (zero at a minimiser, where g = 0). Cost per
 * call: {@code O(L d^2)} for the product recursions plus {@code 2 n d} for g (the HVP reuses Sigma: d^2), so
 * {@code O(L d^2 + n d)}, within the {@code O(L d^2 n)} budget; the Hessian is never formed.
 *
 * <p><b>Initialisations</b> (random keys {@code (seed, 0, k, 0, 33)} for layer k's {@code rows(k) d} Gaussians,
 * row-major; {@code (seed, 0, 0, 0, 34)} for the read-out):
 * {@link #gaussianInit} entries {@code N(0, scale^2)} (the "small-scale" init);
 * {@link #residualInit} {@code W_k = I + scale / sqrt(L d) N(0,1)} (residual network only);
 * {@link #randomReadout} a uniform unit vector.
 *
 * <p><b>Fails</b>: nothing is checked per call beyond array lengths; a non-finite theta gives a non-finite loss and
 * gradient (which {@link GradientDescent} reports as divergence). The network is immutable and thread-safe.
 */
public final class DeepLinearNetwork {
    /** Plain network (last layer 1 x d) or residual network (all layers d x d, fixed read-out). */
    public enum Kind { PLAIN, RESIDUAL }

    /** Stream of the layers' initial Gaussians. */
    private static final int STREAM_INIT_LAYERS = CounterRng.STREAM_DEEP_LINEAR_LAYERS;
    /** Stream of the residual network's read-out. */
    private static final int STREAM_READOUT = CounterRng.STREAM_DEEP_LINEAR_READOUT;

    private final Kind kind;
    private final int depth;
    private final int d;
    private final double[] readout;

    private DeepLinearNetwork(Kind kind, int depth, int d, double[] readout) {
        if (depth < 1 || d < 1) throw new IllegalArgumentException("deep linear: need L >= 1 and d >= 1");
        this.kind = kind;
        this.depth = depth;
        this.d = d;
        this.readout = readout;
    }

    /** The plain network {@code W_L ... W_1 x} with L layers on inputs of dimension d. */
    public static DeepLinearNetwork plain(int depth, int d) {
        return new DeepLinearNetwork(Kind.PLAIN, depth, d, null);
    }

    /** The residual network {@code r' W_L ... W_1 x}; the read-out r (copied, not normalised) is fixed. */
    public static DeepLinearNetwork residual(int depth, int d, double[] readout) {
        if (readout == null || readout.length != d || !(Dense.norm(readout) > 0)) {
            throw new IllegalArgumentException("deep linear: the read-out must be a non-zero vector of length d = " + d);
        }
        return new DeepLinearNetwork(Kind.RESIDUAL, depth, d, readout.clone());
    }

    /** A unit read-out vector, uniform on the sphere: d Gaussians from key (seed, 0, 0, 0, 34), normalised. */
    public static double[] randomReadout(int d, long seed) {
        double[] r = new double[d];
        CounterRng.gaussians(seed, 0, 0, 0, STREAM_READOUT, r, 0, d);
        double s = Dense.norm(r);
        for (int i = 0; i < d; i++) r[i] /= s;
        return r;
    }

    public Kind kind() { return kind; }
    /** L, the number of trained layers. */
    public int depth() { return depth; }
    public int d() { return d; }
    /** The residual network's read-out r (a copy), or null for the plain network. */
    public double[] readout() { return readout == null ? null : readout.clone(); }
    /** |r| for the residual network, 1 for the plain one (its "read-out" is the scalar a_L = 1). */
    public double readoutNorm() { return readout == null ? 1.0 : Dense.norm(readout); }

    /** Length of theta: {@code (L-1) d^2 + d} (plain) or {@code L d^2} (residual). */
    public int parameterCount() { return (depth - 1) * d * d + rows(depth) * d; }
    /** Start of W_k in theta, k = 1 .. L. */
    public int offset(int k) { return (k - 1) * d * d; }
    /** Number of rows of W_k: d, except 1 for the plain network's W_L. */
    public int rows(int k) { return (kind == Kind.PLAIN && k == depth) ? 1 : d; }

    /** W_k as a row-major {@code rows(k) x d} copy. */
    public double[] layer(double[] theta, int k) {
        return Arrays.copyOfRange(theta, offset(k), offset(k) + rows(k) * d);
    }

    /** Entries iid {@code N(0, scale^2)}; layer k from key (seed, 0, k, 0, 33). */
    public double[] gaussianInit(double scale, long seed) {
        double[] theta = new double[parameterCount()];
        for (int k = 1; k <= depth; k++) {
            CounterRng.gaussians(seed, 0, k, 0, STREAM_INIT_LAYERS, theta, offset(k), rows(k) * d);
        }
        for (int p = 0; p < theta.length; p++) theta[p] *= scale;
        return theta;
    }

    /** {@code W_k = I + scale / sqrt(L d) G_k}, G_k from key (seed, 0, k, 0, 33); residual network only. */
    public double[] residualInit(double scale, long seed) {
        if (kind != Kind.RESIDUAL) throw new IllegalStateException("residual init needs the residual network (square W_L)");
        double[] theta = gaussianInit(scale / Math.sqrt((double) depth * d), seed);
        for (int k = 1; k <= depth; k++) for (int i = 0; i < d; i++) theta[offset(k) + i * d + i] += 1.0;
        return theta;
    }

    /** The rows a_k (k = 0 .. L) in a flat array, a_k at {@code k d} (a_L of length rows(L)); a_0 = w. */
    private double[] suffixRows(double[] theta) {
        double[] a = new double[(depth + 1) * d];
        if (kind == Kind.PLAIN) a[depth * d] = 1.0;
        else System.arraycopy(readout, 0, a, depth * d, d);
        for (int k = depth; k >= 1; k--) {
            int off = offset(k), r = rows(k), ak = k * d, am = (k - 1) * d;
            for (int i = 0; i < r; i++) {
                double c = a[ak + i];
                int row = off + i * d;
                for (int j = 0; j < d; j++) a[am + j] += c * theta[row + j];
            }
        }
        return a;
    }

    /** The end-to-end vector w with f(x) = w . x. */
    public double[] endToEnd(double[] theta) {
        return Arrays.copyOf(suffixRows(theta), d);
    }

    /** R(theta) = (1/n) sum_i (y_i - f(x_i))^2. */
    public double loss(double[] theta, Regression data) {
        checkData(data);
        return data.loss(endToEnd(theta));
    }

    /** Writes dR/dtheta into {@code out} (length parameterCount()) and returns R(theta). */
    public double gradient(double[] theta, Regression data, double[] out) {
        checkData(data);
        checkLength(theta, "theta");
        checkLength(out, "gradient");
        double[] a = suffixRows(theta);
        double[] g = new double[d];
        double loss = data.lossGradient(Arrays.copyOf(a, d), g);
        double[] u = prefixTimes(theta, g);
        for (int k = 1; k <= depth; k++) {
            int off = offset(k), r = rows(k), ak = k * d, uk = (k - 1) * d;
            for (int i = 0; i < r; i++) {
                double c = a[ak + i];
                int row = off + i * d;
                for (int j = 0; j < d; j++) out[row + j] = c * u[uk + j];
            }
        }
        return loss;
    }

    /** u_k = B_k g for k = 1 .. L, u_k at (k-1) d. */
    private double[] prefixTimes(double[] theta, double[] g) {
        double[] u = new double[depth * d];
        System.arraycopy(g, 0, u, 0, d);
        for (int k = 1; k < depth; k++) {
            int off = offset(k), uk = (k - 1) * d, un = k * d;
            for (int i = 0; i < d; i++) {
                double s = 0;
                int row = off + i * d;
                for (int j = 0; j < d; j++) s += theta[row + j] * u[uk + j];
                u[un + i] = s;
            }
        }
        return u;
    }

    /** Writes the Hessian-vector product {@code H(theta) v} into {@code out} (exact, see the class comment). */
    public void hessianVector(double[] theta, double[] v, Regression data, double[] out) {
        checkData(data);
        checkLength(theta, "theta");
        checkLength(v, "direction");
        checkLength(out, "output");
        double[] a = suffixRows(theta);
        double[] g = new double[d];
        data.lossGradient(Arrays.copyOf(a, d), g);
        double[] u = prefixTimes(theta, g);
        // da_k, k = L .. 0 (da_L = 0)
        double[] da = new double[(depth + 1) * d];
        for (int k = depth; k >= 1; k--) {
            int off = offset(k), r = rows(k), ak = k * d, am = (k - 1) * d;
            for (int i = 0; i < r; i++) {
                double c = a[ak + i], dc = da[ak + i];
                int row = off + i * d;
                for (int j = 0; j < d; j++) da[am + j] += dc * theta[row + j] + c * v[row + j];
            }
        }
        double[] dg = data.sigmaTimes(Arrays.copyOf(da, d));
        for (int p = 0; p < d; p++) dg[p] *= 2.0;
        // du_k, k = 1 .. L
        double[] du = new double[depth * d];
        System.arraycopy(dg, 0, du, 0, d);
        for (int k = 1; k < depth; k++) {
            int off = offset(k), uk = (k - 1) * d, un = k * d;
            for (int i = 0; i < d; i++) {
                double s = 0;
                int row = off + i * d;
                for (int j = 0; j < d; j++) s += v[row + j] * u[uk + j] + theta[row + j] * du[uk + j];
                du[un + i] = s;
            }
        }
        for (int k = 1; k <= depth; k++) {
            int off = offset(k), r = rows(k), ak = k * d, uk = (k - 1) * d;
            for (int i = 0; i < r; i++) {
                double c = a[ak + i], dc = da[ak + i];
                int row = off + i * d;
                for (int j = 0; j < d; j++) out[row + j] = dc * u[uk + j] + c * du[uk + j];
            }
        }
    }

    /** The Hessian at theta as an operator, for {@link Sharpness}. */
    public Sharpness.Operator hessian(double[] theta, Regression data) {
        double[] t = theta.clone();
        return (v, out) -> hessianVector(t, v, data, out);
    }

    private void checkData(Regression data) {
        if (data.d() != d) throw new IllegalArgumentException("deep linear: data of dimension " + data.d() + ", network d = " + d);
    }

    private void checkLength(double[] p, String what) {
        if (p.length != parameterCount()) {
            throw new IllegalArgumentException("deep linear: " + what + " has length " + p.length + ", expected " + parameterCount());
        }
    }
}
