package lmo.model.neural;

/**
 * A set of samples laid out for the hot loops: the inputs transposed and padded, {@code xt[c * nPad + k]} for
 * coordinate {@code c < dp} (the d inputs, then the constant 1 when there is a bias) and sample {@code k < nPad};
 * {@code nPad} is n rounded up to a multiple of 16 and the padding samples are all-zero (bias coordinate included), so
 * their pre-activations are 0, {@code sigma(0) = 0} for every activation, and the loops weight them by 0 (a sum over
 * samples adds {@code fma(0, x, acc) = acc} exactly for them, so the padding moves no bit). The same
 * inputs block by block of 8 samples, {@code xb[k * dp + 8 c + (k mod 8)]} for a block starting at k (a multiple of 8):
 * the pre-activation loops read a block's coordinates at a constant stride, so C2 drops their range checks.
 */
final class SampleSet {
    final int n;
    final int nPad;
    final int dp;
    final double[] xt;
    final double[] xb;
    final double[] y;

    SampleSet(double[] inputs, double[] labels, int d, boolean bias) {
        this.n = labels.length;
        this.nPad = (n + 15) & ~15;
        this.dp = d + (bias ? 1 : 0);
        this.xt = new double[dp * nPad];
        this.y = labels.clone();
        for (int k = 0; k < n; k++) {
            for (int c = 0; c < d; c++) xt[c * nPad + k] = inputs[k * d + c];
            if (bias) xt[d * nPad + k] = 1.0;
        }
        this.xb = new double[dp * nPad];
        for (int k = 0; k < nPad; k += 8) {
            for (int c = 0; c < dp; c++) System.arraycopy(xt, c * nPad + k, xb, k * dp + 8 * c, 8);
        }
    }

    private volatile double[] xd;

    /**
     * The inputs duplicated group by group of 4 samples, {@code xd[2 dp k + 8 c + l] = x_c,k+(l mod 4)} for a group
     * starting at k (a multiple of 4), {@code l < 8}: two neurons' 4-lane sums side by side in a 512-bit vector
     * ({@link WideLoops}). Built on first use (twice the memory of xt).
     */
    double[] xd() {
        double[] a = xd;
        if (a == null) {
            synchronized (this) {
                a = xd;
                if (a == null) {
                    int xs = 8 * dp;
                    a = new double[xs * (nPad / 4)];
                    for (int k = 0; k < nPad; k += 4) {
                        for (int c = 0; c < dp; c++) {
                            for (int l = 0; l < 8; l++) a[xs * (k / 4) + 8 * c + l] = xt[c * nPad + k + (l & 3)];
                        }
                    }
                    xd = a;
                }
            }
        }
        return a;
    }

    double x(int c, int k) { return xt[c * nPad + k]; }
}
