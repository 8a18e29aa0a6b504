package lmo.deep.mlp;

/** The ReLU activation pattern of a forward pass: which relu inputs are positive (test helper). */
final class Kinks {
    private Kinks() {}

    /**
     * The signs {@code z > 0} of every relu input, sample by sample: the pre-activations {@code W_l h_{l-1}} of the
     * plain MLP (positive exactly where {@code h_l > 0}), the stream {@code h_1 .. h_{depth-1}} of the ResNet.
     */
    static boolean[] pattern(Mlp net, Mlp.Forward fwd) {
        int last = net.architecture() == Mlp.Architecture.PLAIN ? net.depth() : net.depth() - 1;
        int per = fwd.n() * net.width();
        boolean[] p = new boolean[Math.max(0, last) * per];
        for (int l = 1; l <= last; l++) {
            double[] h = fwd.h()[l];
            for (int i = 0; i < per; i++) p[(l - 1) * per + i] = h[i] > 0;
        }
        return p;
    }

    /** Whether theta + v crosses a kink relative to theta's pattern. */
    static boolean crosses(Mlp net, boolean[] base, double[] theta, double[] v, double t, Batch batch) {
        double[] moved = theta.clone();
        for (int i = 0; i < moved.length; i++) moved[i] += t * v[i];
        return !java.util.Arrays.equals(base, pattern(net, net.forward(moved, batch)));
    }
}
