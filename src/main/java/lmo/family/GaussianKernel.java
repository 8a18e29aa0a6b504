package lmo.family;

/** The Gaussian kernel {@code exp(-|x-y|^2 / (2 sigma^2))}, sigma > 0. */
public record GaussianKernel(double sigma) implements KernelSpec {
    @Override public String type() { return "gaussian"; }
}
