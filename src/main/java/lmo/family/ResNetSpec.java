package lmo.family;

import java.nio.file.Path;
import lmo.scenario.GaussianInit;
import lmo.scenario.ModelSpec;
import lmo.scenario.PopulationSpec;
import lmo.scenario.PotentialSpec;
import lmo.scenario.SpaceSpec;

/**
 * {@code model.type: resnet}: the MLU-regime ResNet ({@link lmo.model.resnet.ResNetModel}) whose hidden units are the
 * particles of {@code population}: {@code depth * width} particles of dimension {@code 2 embedding}, iid
 * N(0, embedding) at the start. When the scenario has no {@code populations}, the binder makes this one
 * ({@link #derivedPopulation}); a scenario that lists it must match it.
 *
 * @param dataSeed keys X and Y (the task is the same for every size and seed)
 * @param embeddingSeed keys W_E and W_U (default: the scenario's seed)
 * @param coupled W_E, W_U of embedding D are the leading D rows of common matrices (true), or fresh per D (false: the
 *     uncoupled protocol of {@code errorOutput})
 * @param reference a reference run directory (its {@code embedding.csv} and {@code output.csv}), or null
 * @param featureSpeed log the per-block feature speed diagnostics (a GATHER of the units per step)
 */
public record ResNetSpec(String population, int depth, int width, int embedding, int inputDim, int outputDim,
                         int samples, String activation, long dataSeed, long embeddingSeed, boolean coupled,
                         Path reference, boolean featureSpeed) implements ModelSpec {
    /** The name of the derived population. */
    public static final String UNITS = "units";

    @Override public String type() { return "resnet"; }
    @Override public PotentialSpec potential() { return null; }

    /** depth * width particles in R^(2 embedding), iid N(0, embedding): U and V of the authors' init. */
    public PopulationSpec derivedPopulation() {
        int dim = 2 * embedding;
        double[] mean = new double[dim], std = new double[dim];
        java.util.Arrays.fill(std, Math.sqrt(embedding));
        return new PopulationSpec(population, depth * width, new SpaceSpec("euclidean", dim), new GaussianInit(mean, std), 1.0);
    }
}
