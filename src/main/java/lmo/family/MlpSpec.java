package lmo.family;

import lmo.deep.mlp.Mlp;
import lmo.model.mlp.MlpModel;
import lmo.scenario.ListInit;
import lmo.scenario.ModelSpec;
import lmo.scenario.PopulationSpec;
import lmo.scenario.PotentialSpec;
import lmo.scenario.SpaceSpec;

/**
 * {@code model.type: mlp}: a ReLU MLP or ResNet with feature speed diagnostics ({@link lmo.model.mlp.MlpModel}), its
 * neurons the particles of {@code population}.
 *
 * @param variant {@code plain} or {@code residual}
 * @param branchScale beta of the residual variant (NaN: 1 / sqrt(depth); ignored for plain)
 */
public record MlpSpec(String population, String variant, int depth, int width, int inputDim, int outputDim, int samples,
                      double branchScale, long dataSeed, long initSeed) implements ModelSpec {
    /** The name of the derived population. */
    public static final String NEURONS = "neurons";

    @Override public String type() { return "mlp"; }
    @Override public PotentialSpec potential() { return null; }

    @Override public boolean equals(Object o) {
        return o instanceof MlpSpec m && population.equals(m.population) && variant.equals(m.variant) && depth == m.depth
                && width == m.width && inputDim == m.inputDim && outputDim == m.outputDim && samples == m.samples
                && Double.compare(branchScale, m.branchScale) == 0 && dataSeed == m.dataSeed && initSeed == m.initSeed;
    }

    @Override public int hashCode() { return java.util.Objects.hash(population, variant, depth, width, initSeed); }

    /** The network. */
    public Mlp network() {
        if (variant.equals("plain")) return Mlp.plain(inputDim, width, depth, outputDim);
        return Double.isNaN(branchScale) ? Mlp.residual(inputDim, width, depth, outputDim)
                : Mlp.residual(inputDim, width, depth, outputDim, branchScale);
    }

    /** Every neuron's incoming weights at initialisation, listed. */
    public PopulationSpec derivedPopulation() {
        Mlp net = network();
        double[][] rows = MlpModel.neurons(net, net.initialTheta(initSeed, 0));
        return new PopulationSpec(population, rows.length, new SpaceSpec("euclidean", MlpModel.particleDimension(net)),
                new ListInit(rows, null), 1.0);
    }
}
