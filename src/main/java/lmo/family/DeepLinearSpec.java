package lmo.family;

import lmo.deep.linear.DeepLinearNetwork;
import lmo.model.deeplinear.DeepLinearModel;
import lmo.scenario.ListInit;
import lmo.scenario.ModelSpec;
import lmo.scenario.PopulationSpec;
import lmo.scenario.PotentialSpec;
import lmo.scenario.SpaceSpec;

/**
 * {@code model.type: deep-linear}: a deep linear network for univariate regression
 * ({@link lmo.model.deeplinear.DeepLinearModel}) whose L layers are the particles of {@code population}.
 *
 * @param init {@code gaussian} (entries N(0, scale^2), W_L of 1 x d) or {@code residual} (W_k = I + scale / sqrt(L d)
 *     G_k, all d x d, a fixed unit read-out keyed by {@code readoutSeed})
 * @param sharpnessEvery the sharpness is computed on logged steps divisible by it (and at the last step)
 */
public record DeepLinearSpec(String population, int depth, int dim, int samples, double noise, long dataSeed, String init,
                             double scale, long initSeed, long readoutSeed, long sharpnessEvery, double sharpnessTolerance)
        implements ModelSpec {
    /** The name of the derived population. */
    public static final String LAYERS = "layers";

    @Override public String type() { return "deep-linear"; }
    @Override public PotentialSpec potential() { return null; }

    /** The network this spec describes. */
    public DeepLinearNetwork network() {
        return init.equals("residual") ? DeepLinearNetwork.residual(depth, dim, DeepLinearNetwork.randomReadout(dim, readoutSeed))
                : DeepLinearNetwork.plain(depth, dim);
    }

    /** The initial parameters theta. */
    public double[] initialTheta() {
        DeepLinearNetwork net = network();
        return init.equals("residual") ? net.residualInit(scale, initSeed) : net.gaussianInit(scale, initSeed);
    }

    /** L particles in R^(d^2), the layers at their initial values, listed. */
    public PopulationSpec derivedPopulation() {
        return new PopulationSpec(population, depth, new SpaceSpec("euclidean", dim * dim),
                new ListInit(DeepLinearModel.rows(network(), initialTheta()), null), 1.0);
    }
}
