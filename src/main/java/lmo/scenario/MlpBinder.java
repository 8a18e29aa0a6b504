package lmo.scenario;

import java.util.SortedMap;
import lmo.scenario.MapReader.Check;

/** Binds {@code model} of type {@code mlp}: variant, sizes, branch scale, seeds; checks a listed population. */
final class MlpBinder {
    private MlpBinder() {}

    static MlpSpec bind(MapReader m, SortedMap<String, PopulationSpec> populations, long seed) throws ScenarioException {
        Check one = Check.atLeast(1);
        String variant = m.choice("variant", "plain", Keys.MLP_VARIANTS);
        int depth = m.requireInt("depth", variant.equals("residual") ? Check.atLeast(2) : one);
        int width = m.requireInt("width", one);
        int inputDim = m.optInt("inputDim", 10, one);
        int outputDim = m.optInt("outputDim", 1, one);
        int samples = m.optInt("samples", 4, one);
        double beta = Double.NaN;
        if (m.has("branchScale")) {
            if (!variant.equals("residual")) throw m.keyError("branchScale", "branchScale applies to variant residual");
            beta = m.requireDouble("branchScale", Check.greaterThan(0));
        }
        long dataSeed = m.optLong("dataSeed", 1);
        long initSeed = m.optLong("initSeed", seed);
        if ((long) width * (depth + 1) * Math.max(width, inputDim) > 1L << 28) {
            throw m.error("width", "width^2 depth = " + (long) width * width * depth + " weights is too many (at most 2^28)");
        }
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
