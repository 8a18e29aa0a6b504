package lmo.model.kernel;

/**
 * Weighted kernel sums of a radial kernel over sources laid out as structure-of-arrays, for a set of evaluation
 * points: for every point i, with the same loop over the sources whatever i and however the points are grouped,
 * <pre>
 *   s0[i] = sum_{j < split} w_j k(x_i, z_j),   s1[i] = sum_{split <= j < total} w_j k(x_i, z_j),
 *   grad[i*dim + c] = sum_{j < total} w_j d/dx_c k(x_i, z_j).
 * </pre>
 * Source j lands in lane {@code l = j mod 4}, with {@code w0_j = w_j [j < split]}, {@code w1_j = w_j [j >= split]},
 * {@code dx_c = x_ic - z_cj}, {@code d2 = fma(dx_(d-1), dx_(d-1), ... fma(dx_1, dx_1, dx_0 * dx_0))}:
 * <pre>
 *   Gaussian: k = ExpPoly.exp(d2 * param); sp_l = fma(k, w0_j, sp_l); st_l = fma(k, w1_j, st_l); f = k * w_j
 *   energy:   r = sqrt(d2);               sp_l = fma(r, w0_j, sp_l); st_l = fma(r, w1_j, st_l); f = r == 0 ? 0 : w_j / r
 *   both:     t_cl = fma(f, dx_c, t_cl)
 * </pre>
 * then lanes are added as {@code (l0 + l1) + (l2 + l3)}; Gaussian: {@code s0 = sp, s1 = st, grad = t * (2 param)};
 * energy: {@code s0 = -sp, s1 = -st, grad = -t}. {@code split} and {@code total} are multiples of 4 (pad with
 * zero-weight sources). Implementations follow this sequence exactly and give identical bits.
 */
interface PairSums {
    int LANES = 4;

    /**
     * @param param Gaussian: {@code -1/(2 sigma^2)}; energy: unused
     * @param x evaluation points {@code [count * dim]}, interleaved
     * @param z source coordinates, {@code z[c][j]}, length at least {@code total}; z and w are read, never written,
     *     and must not change between calls that pass the same arrays: an implementation may keep a layout derived
     *     from them, keyed on the arrays themselves, for the next call (every block of a step passes the same)
     */
    void evaluate(RadialKernelSums.Kind kind, double param, double[] x, int count, int dim, double[][] z, double[] w,
                  int split, int total, double[] s0, double[] s1, double[] grad);

    /** The Vector API implementation when {@code jdk.incubator.vector} is loaded, else the scalar lane emulation. */
    static PairSums best() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() ? new VectorPairSums() : new LanePairSums();
    }

    static int pad(int n) { return (n + LANES - 1) / LANES * LANES; }
}
