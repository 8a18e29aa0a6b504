package lmo.family;

/** The kernel of an MMD model ({@code model.kernel}). */
public sealed interface KernelSpec permits SobolevKernel, GaussianKernel, EnergyKernel {
    /** The {@code type} key: {@code sobolev}, {@code gaussian} or {@code energy}. */
    String type();
}
