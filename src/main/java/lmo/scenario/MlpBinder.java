package lmo.scenario;

import java.util.SortedMap;
import lmo.scenario.MapReader.Check;
import lmo.family.MlpSpec;

/** Binds {@code model} of type {@code mlp}: variant, sizes, branch scale, seeds; checks a listed population. */
final class MlpBinder {
    /**
     * The most doubles of the neurons' weights, {@code (depth x width + outputDim) x max(inputDim, width)} (each
     * neuron padded to the widest fan-in): 2^28, 2 GiB, the model's own cap (the binder lists every neuron).
     */
    static final long MAX_WEIGHTS = 1L << 28;

    private MlpBinder() {}

    static MlpSpec bind(MapReader m, SortedMap<String, PopulationSpec> populations, long seed) throws ScenarioException {
        String variant = m.choice("variant", "plain", Keys.MLP_VARIANTS);
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
}
