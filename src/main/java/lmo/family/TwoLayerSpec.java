package lmo.family;

import lmo.scenario.ModelSpec;
import lmo.scenario.PotentialSpec;

/**
 * {@code model.type: two-layer}: a wide two-layer network whose neurons are the particles of one population
 * ({@link lmo.model.neural.TwoLayerModel}; docs/networks.md).
 *
 * @param population the neurons' population
 * @param readout {@code coordinate}, {@code cone}, {@code mass} or {@code bilevel}
 * @param activation {@code relu}, {@code tanh} or {@code gelu}
 * @param bias inputs x~ = (x, 1)
 * @param signs the output signs of the {@code mass} readout ({@code positive} or {@code balanced}); null for the
 *     other readouts
 * @param loss {@code square} or {@code logistic}
 * @param regularization lambda >= 0 on the readout's natural norm
 * @param activeThreshold absolute threshold of the metric {@code activeNeurons}, or null for the model's default
 * @param data the training (and test) data, or the population loss
 * @param potential an external potential added to F ({@code model.potential}), or null
 */
public record TwoLayerSpec(String population, String readout, String activation, boolean bias, String signs,
        String loss, double regularization, Double activeThreshold, NetworkDataSpec data, PotentialSpec potential)
        implements ModelSpec {
    @Override public String type() { return "two-layer"; }

    /** d' = d + 1 with a bias, else d. */
    public int inputWeightDim() { return data.dim() + (bias ? 1 : 0); }
}
