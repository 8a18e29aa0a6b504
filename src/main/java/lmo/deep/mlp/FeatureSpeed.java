package lmo.deep.mlp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The feature speed formula (Chizat &amp; Netrapalli, arXiv 2311.18718) for one gradient step of an {@link Mlp}:
 * <pre>
 *   ||dh_l|| ||b_l|| cos(theta_l) = -&lt;b_l, dh_l&gt; = sum_{k &lt;= l} eta_k ||grad_{W_k} L||^2,
 *   cos(theta_l) = &lt;-dh_l, b_l&gt; / (||dh_l|| ||b_l||),
 * </pre>
 * for the step {@code dW_k = -eta_k grad_{W_k} L} with one step size {@code eta_k} per weight block (the same for
 * every entry of {@code W_k}), {@code b_l = dL/dh_l} the backward pass, and {@code dh_l} the <b>first-order</b> change
 * of the features {@code h_l} (post-activations for the plain MLP, the residual stream for the ResNet; see
 * {@link Mlp}) along that step, computed exactly by forward mode ({@link Mlp#tangent}), not by a finite difference.
 *
 * <p>Conventions: features and backward vectors are n x width batch matrices, norms are Frobenius (over the batch and
 * the width), inner products sum over both; L is {@link Mlp}'s mean squared error with the 1/2, and {@code b_l}
 * carries its 1/n. Layers are {@code l = 1 .. depth}; blocks {@code k = 1 .. depth + 1} ({@code W_{depth+1}} the
 * readout, which moves no feature and enters only {@link #totalLossDecay()}). Step-size arrays are indexed by block,
 * 0-based: {@code eta[k - 1]} is {@code eta_k}.
 *
 * <p>Why the identity holds: L depends on {@code W_k}, {@code k <= l}, only through {@code h_l}, so
 * {@code grad_{W_k} L = J_{lk}^T b_l} with {@code J_{lk} = dh_l/dW_k}, and {@code dh_l = sum_{k<=l} J_{lk} dW_k}
 * gives {@code -<b_l, dh_l> = sum_{k<=l} eta_k ||grad_{W_k} L||^2}. It is an exact identity of the first-order
 * quantities (it holds here to rounding, about 1e-14 relative), not of a finite step: the actual change
 * {@code h_l(theta + step) - h_l(theta)} equals {@code dh_l + O(eta^2)} only while no pre-activation crosses 0.
 *
 * <p>When it fails or means nothing: {@code cos(theta_l)} is NaN when {@code b_l = 0} or {@code dh_l = 0} (zero
 * gradient, a dead layer where every unit is off, all {@code eta_k = 0} for {@code k <= l}); at a point where some
 * pre-activation is exactly 0 the quantities are those of the {@code relu'(0) = 0} convention, not a derivative.
 * Negative step sizes are allowed (they flip signs) but then {@code lossDecay_l} is no longer a sum of non-negative
 * terms.
 *
 * <p>Cost: one forward, one backward and one tangent pass, each about {@code 2 n (dIn + (depth-1) width + dOut) width}
 * flops.
 */
public final class FeatureSpeed {
    private final Mlp net;
    private final double[] eta;
    private final Mlp.Forward forward;
    private final Mlp.Backward backward;
    private final Mlp.Tangent tangent;
    private final double[] step;
    private final double[] gradSq;       // [k - 1], k = 1 .. depth + 1
    private final double[] lossDecay;    // [l], l = 1 .. depth
    private final double[] alignment;    // [l]: -<b_l, dh_l>
    private final double[] deltaHNorm;   // [l]
    private final double[] bNorm;        // [l]
    private final double[] hNorm;        // [l]
    private final double totalLossDecay;

    private FeatureSpeed(Mlp net, double[] theta, Batch batch, double[] eta) {
        int blocks = net.blocks();
        if (eta.length != blocks)
            throw new IllegalArgumentException("feature speed: " + eta.length + " step sizes, expected one per block (" + blocks + ")");
        this.net = net;
        this.eta = eta.clone();
        this.forward = net.forward(theta, batch);
        this.backward = net.backward(theta, forward, batch.y());
        double[] grad = backward.gradient();
        this.step = new double[grad.length];
        this.gradSq = new double[blocks];
        for (int k = 1; k <= blocks; k++) {
            int off = net.offset(k);
            int len = net.size(k);
            gradSq[k - 1] = Dense.squaredNorm(grad, off, len);
            for (int i = off; i < off + len; i++) step[i] = -eta[k - 1] * grad[i];
        }
        this.tangent = net.tangent(theta, forward, step);
        int depth = net.depth();
        lossDecay = new double[depth + 1];
        alignment = new double[depth + 1];
        deltaHNorm = new double[depth + 1];
        bNorm = new double[depth + 1];
        hNorm = new double[depth + 1];
        double partial = 0;
        for (int l = 1; l <= depth; l++) {
            partial += eta[l - 1] * gradSq[l - 1];
            lossDecay[l] = partial;
            double[] d = tangent.dh()[l];
            double[] b = backward.b()[l];
            double[] h = forward.h()[l];
            alignment[l] = -Dense.dot(b, d);
            deltaHNorm[l] = Math.sqrt(Dense.squaredNorm(d, 0, d.length));
            bNorm[l] = Math.sqrt(Dense.squaredNorm(b, 0, b.length));
            hNorm[l] = Math.sqrt(Dense.squaredNorm(h, 0, h.length));
        }
        totalLossDecay = partial + eta[blocks - 1] * gradSq[blocks - 1];
    }

    /**
     * The diagnostics of the step {@code dW_k = -eta[k-1] grad_{W_k} L} at theta on the batch.
     *
     * @param eta one step size per block, {@code eta[k - 1]} for {@code W_k}, length {@code net.blocks()}
     */
    public static FeatureSpeed measure(Mlp net, double[] theta, Batch batch, double[] eta) {
        return new FeatureSpeed(net, theta, batch, eta);
    }

    /** The same step size for every block. */
    public static double[] uniformStepSizes(Mlp net, double eta) {
        double[] e = new double[net.blocks()];
        java.util.Arrays.fill(e, eta);
        return e;
    }

    /**
     * Step sizes that give every block the same first-order loss decay (digest §3.2): {@code eta_k = Delta /
     * ((depth + 1) ||grad_{W_k} L||^2)}, so {@code sum_k eta_k ||grad_k||^2 = Delta}. A block with zero gradient gets
     * step size 0 (and the decay falls short of Delta by its share).
     */
    public static double[] equalDecayStepSizes(Mlp net, Mlp.Backward backward, double delta) {
        int blocks = net.blocks();
        double[] e = new double[blocks];
        for (int k = 1; k <= blocks; k++) {
            double g = Dense.squaredNorm(backward.gradient(), net.offset(k), net.size(k));
            e[k - 1] = g > 0 ? delta / (blocks * g) : 0;
        }
        return e;
    }

    public Mlp network() { return net; }
    /** The step sizes, {@code [k - 1]} for block k (a copy). */
    public double[] stepSizes() { return eta.clone(); }
    public Mlp.Forward forward() { return forward; }
    public Mlp.Backward backward() { return backward; }
    public Mlp.Tangent tangent() { return tangent; }
    /** The step {@code dtheta} in the theta layout: block k is {@code -eta_k grad_{W_k} L} (the array itself). */
    public double[] step() { return step; }
    /** L at theta. */
    public double loss() { return backward.loss(); }

    /** {@code ||grad_{W_k} L||^2}, k = 1 .. depth + 1. */
    public double gradSq(int k) { return gradSq[checkBlock(k) - 1]; }
    /** The first-order change {@code dh_l}, n x width (the array itself). */
    public double[] deltaH(int l) { return tangent.dh()[checkLayer(l)]; }
    /** {@code ||dh_l||}. */
    public double deltaHNorm(int l) { return deltaHNorm[checkLayer(l)]; }
    /** {@code ||b_l||}. */
    public double bNorm(int l) { return bNorm[checkLayer(l)]; }
    /** {@code ||h_l||}. */
    public double hNorm(int l) { return hNorm[checkLayer(l)]; }
    /** {@code -<b_l, dh_l>} from the tangent pass; equals {@link #lossDecay(int)} to rounding. */
    public double alignment(int l) { return alignment[checkLayer(l)]; }
    /** {@code sum_{k <= l} eta_k ||grad_{W_k} L||^2}, the first-order loss decay of the blocks up to l. */
    public double lossDecay(int l) { return lossDecay[checkLayer(l)]; }
    /** {@code sum_{k <= depth+1} eta_k ||grad_{W_k} L||^2 = -<grad L, step>}, the first-order decrease of L. */
    public double totalLossDecay() { return totalLossDecay; }

    /** {@code cos(theta_l) = -<b_l, dh_l> / (||dh_l|| ||b_l||)}; NaN when a norm is 0. */
    public double cosTheta(int l) {
        checkLayer(l);
        double den = deltaHNorm[l] * bNorm[l];
        return den > 0 ? alignment[l] / den : Double.NaN;
    }

    /** {@code cos(theta_l)} for {@code l = 1 .. depth}, at index {@code l - 1}. */
    public double[] cosThetas() {
        double[] c = new double[net.depth()];
        for (int l = 1; l <= c.length; l++) c[l - 1] = cosTheta(l);
        return c;
    }

    /**
     * The metric names of {@link #metrics()} for a network of the given depth, in order: {@code loss},
     * {@code lossDecay} (total first order), then for {@code l = 1 .. depth}: {@code cosTheta_l}, {@code deltaH_l}
     * ({@code ||dh_l||}), {@code b_l} ({@code ||b_l||}), {@code h_l} ({@code ||h_l||}), {@code lossDecay_l}.
     */
    public static List<String> metricNames(int depth) {
        List<String> names = new ArrayList<>(2 + 5 * depth);
        names.add("loss");
        names.add("lossDecay");
        for (int l = 1; l <= depth; l++) {
            names.add("cosTheta_" + l);
            names.add("deltaH_" + l);
            names.add("b_" + l);
            names.add("h_" + l);
            names.add("lossDecay_" + l);
        }
        return names;
    }

    /** The metric vector, keyed and ordered as {@link #metricNames(int)}. */
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("loss", loss());
        m.put("lossDecay", totalLossDecay);
        for (int l = 1; l <= net.depth(); l++) {
            m.put("cosTheta_" + l, cosTheta(l));
            m.put("deltaH_" + l, deltaHNorm[l]);
            m.put("b_" + l, bNorm[l]);
            m.put("h_" + l, hNorm[l]);
            m.put("lossDecay_" + l, lossDecay[l]);
        }
        return m;
    }

    /** {@code measure(net, theta, batch, eta).metrics()}. */
    public static Map<String, Double> metrics(Mlp net, double[] theta, Batch batch, double[] eta) {
        return measure(net, theta, batch, eta).metrics();
    }

    private int checkLayer(int l) {
        if (l < 1 || l > net.depth()) throw new IndexOutOfBoundsException("layer " + l + " not in 1 .. " + net.depth());
        return l;
    }

    private int checkBlock(int k) {
        if (k < 1 || k > net.blocks()) throw new IndexOutOfBoundsException("block " + k + " not in 1 .. " + net.blocks());
        return k;
    }
}
