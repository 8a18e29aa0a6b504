package lmo.family;

import lmo.scenario.ModelSpec;
import lmo.scenario.PotentialSpec;
import lmo.scenario.TargetSpec;

/**
 * The kernel discrepancy {@code F(mu) = 1/2 MMD_K(mu, nu)^2} between a population mu and a target law nu.
 *
 * @param population the population that moves (the only one when not named)
 * @param kernel the kernel K
 * @param target the target law nu
 * @param potential an external potential added to F ({@code model.potential}), or null
 */
public record MmdSpec(String population, KernelSpec kernel, TargetSpec target, PotentialSpec potential)
        implements ModelSpec {
    /** Without a potential. */
    public MmdSpec(String population, KernelSpec kernel, TargetSpec target) {
        this(population, kernel, target, null);
    }

    @Override public String type() { return "mmd"; }
}
