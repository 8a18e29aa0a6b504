package lmo.family;

import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import lmo.model.Model;
import lmo.scenario.BindContext;
import lmo.scenario.BuildContext;
import lmo.scenario.DynamicsSpec;
import lmo.scenario.Limits;
import lmo.scenario.MapReader;
import lmo.scenario.MapReader.Check;
import lmo.scenario.PopulationSpec;
import lmo.scenario.ScenarioException;

/**
 * {@code model.type: mlp}: a ReLU MLP or ResNet with feature speed diagnostics ({@link lmo.model.mlp.MlpModel}), its
 * neurons the particles of its own population (a listed one must match): variant, sizes, branch scale, seeds.
 * Trained by gradient descent (wasserstein), whose step size is the learning rate.
 */
public final class MlpFamily implements ModelFamily<MlpSpec> {
    static final List<String> KEYS = List.of("type", "variant", "depth", "width", "inputDim", "outputDim", "samples",
            "branchScale", "dataSeed", "initSeed");
    static final List<String> VARIANTS = List.of("plain", "residual");

    @Override public String type() { return "mlp"; }
    @Override public Class<MlpSpec> specType() { return MlpSpec.class; }
    @Override public List<Key> keys() { return DOCUMENTED; }
    @Override public SortedSet<String> paths() { return new KeyLists().add("", KEYS).paths(); }
    @Override public boolean derivesPopulation() { return true; }
    @Override public PopulationSpec derivedPopulation(MlpSpec spec) { return spec.derivedPopulation(); }
    @Override public String refusedDynamics(MlpSpec spec, DynamicsSpec dynamics) { return Descent.refused(type(), dynamics); }

    /**
     * The most doubles of the neurons' weights, {@code (depth x width + outputDim) x max(inputDim, width)} (each
     * neuron padded to the widest fan-in): 2^28, 2 GiB, the model's own cap (the binder lists every neuron).
     */
    static final long MAX_WEIGHTS = 1L << 28;

    @Override
    public MlpSpec bind(MapReader m, BindContext c) throws ScenarioException {
        m.allow(KEYS);
        SortedMap<String, PopulationSpec> populations = c.populations();
        long seed = c.seed();
        String variant = m.choice("variant", "plain", VARIANTS);
        int minDepth = variant.equals("residual") ? 2 : 1;
        long d = m.requireSize("depth", minDepth), w = m.requireSize("width", 1);
        long in = m.optSize("inputDim", 10, 1), out = m.optSize("outputDim", 1, 1), n = m.optSize("samples", 4, 1);
        Limits.check("(depth x width + outputDim) x max(inputDim, width) doubles (the neurons' weights, padded) must be"
                + " at most " + MAX_WEIGHTS + " (2^28) for this model", MAX_WEIGHTS,
                v -> ((double) v[0] * v[1] + v[3]) * Math.max(v[2], v[1]), Limits.of(m, "depth", d, minDepth),
                Limits.of(m, "width", w, 1), Limits.of(m, "inputDim", in, 1), Limits.of(m, "outputDim", out, 1));
        Limits.check(Limits.oneArray("samples x max(inputDim, width, outputDim) doubles (the batch and its features)"),
                Limits.MAX_ARRAY, v -> (double) v[0] * Math.max(v[1], Math.max(v[2], v[3])),
                Limits.of(m, "samples", n, 1), Limits.of(m, "inputDim", in, 1), Limits.of(m, "width", w, 1),
                Limits.of(m, "outputDim", out, 1));
        int depth = (int) d, width = (int) w, inputDim = (int) in, outputDim = (int) out, samples = (int) n;
        double beta = Double.NaN;
        if (m.has("branchScale")) {
            if (!variant.equals("residual")) throw m.keyError("branchScale", "branchScale applies to variant residual");
            beta = m.requireDouble("branchScale", Check.greaterThan(0));
        }
        long dataSeed = m.optLong("dataSeed", 1);
        long initSeed = m.optLong("initSeed", seed);
        String name = MlpSpec.NEURONS;
        if (!populations.isEmpty()) {
            if (populations.size() != 1) {
                throw m.error("type", "an mlp has one population (its neurons), got: " + String.join(", ", populations.keySet()));
            }
            name = populations.firstKey();
        }
        MlpSpec spec = new MlpSpec(name, variant, depth, width, inputDim, outputDim, samples, beta, dataSeed, initSeed);
        if (!populations.isEmpty() && !populations.get(name).equals(spec.derivedPopulation())) {
            throw m.error("type", "population '" + name + "' must be the network's neurons at their initial weights"
                    + " (leave populations out: the model makes its own)");
        }
        return spec;
    }

    /** The network over its batch; the learning rate is the wasserstein step size. */
    @Override
    public Model build(MlpSpec p, BuildContext c) {
        lmo.deep.mlp.Mlp net = p.network();
        return new lmo.model.mlp.MlpModel(c.index(p.population()), net,
                lmo.deep.mlp.Batch.gaussian(p.dataSeed(), 0, p.samples(), p.inputDim(), p.outputDim()), c.timeStep());
    }

    /** The documented keys: the rows of this family in docs/scenarios.md, the doc cut to its first sentence. */
    private static final List<Key> DOCUMENTED = List.of(
            new Key("type", "`mlp`", "required", "", "The functional."),
            new Key("variant", "`plain` | `residual`", "`plain`", "", "The architecture."),
            new Key("depth", "integer", "required",
                    ">= 1 (>= 2 residual); with width, inputDim, outputDim: [Limits](#limits)",
                    "Hidden layers (features h_1 .. h_depth)."),
            new Key("width", "integer", "required", ">= 1", "Their width."),
            new Key("inputDim", "integer", "`10`", ">= 1", "d_in."),
            new Key("outputDim", "integer", "`1`", ">= 1", "d_out."),
            new Key("samples", "integer", "`4`", ">= 1", "The batch n."),
            new Key("branchScale", "number", "`1/sqrt(depth)`", "> 0; `residual` only", "beta."),
            new Key("dataSeed", "integer", "`1`", "", "Keys the inputs and targets, iid N(0, 1)."),
            new Key("initSeed", "integer", "the scenario's `seed`", "", "Keys the initial weights."));
}
