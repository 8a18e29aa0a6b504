package lmo.family;

/** The energy-distance kernel {@code -|x-y|}. */
public record EnergyKernel() implements KernelSpec {
    @Override public String type() { return "energy"; }
}
