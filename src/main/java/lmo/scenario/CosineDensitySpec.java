package lmo.scenario;

import java.util.List;

/**
 * The density {@code 1 + sum_j a_j cos(2 pi k_j . x)} on the unit torus, positive because {@code sum_j |a_j| < 1}.
 * No modes: the uniform law.
 */
public record CosineDensitySpec(List<CosineMode> modes) {
    public CosineDensitySpec {
        modes = List.copyOf(modes);
    }
}
