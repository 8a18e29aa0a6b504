package lmo.family;

/**
 * The Sobolev {@code H^-s} kernel on the torus: {@code MMD^2/2 = 1/2 sum_{k != 0} (2 pi |k|)^(-2s) |m_k(mu) - m_k(nu)|^2}.
 *
 * @param s smoothness, >= 1
 * @param modes Fourier truncation {@code |k|_inf <= modes} of the fourier method, >= 1
 * @param method {@code exact} (Bernoulli closed form, dim 1 and integer s) or {@code fourier}; never {@code auto}
 *     once loaded
 */
public record SobolevKernel(double s, int modes, String method) implements KernelSpec {
    @Override public String type() { return "sobolev"; }
}
