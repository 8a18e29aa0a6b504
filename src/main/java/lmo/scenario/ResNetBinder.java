package lmo.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import lmo.scenario.MapReader.Check;
import lmo.family.ResNetSpec;

/**
 * Binds {@code model} of type {@code resnet}: the sizes, the task, the embeddings' seed and coupling, an optional
 * reference run; checks a listed population against the one the sizes imply.
 */
final class ResNetBinder {
    private final DataFiles files;

    ResNetBinder(DataFiles files) {
        this.files = files;
    }

    /**
     * depth, width, embedding, inputDim, outputDim, samples, checked against the arrays they make: the units
     * ({@code depth x width} particles of dim {@code 2 embedding}, and a mass), the residual stream and the data
     * ({@code samples x max(embedding, inputDim, outputDim)}), the embeddings ({@code embedding x max(inputDim,
     * outputDim)}), each one Java array.
     */
    private static long[] sizes(MapReader m) throws ScenarioException {
        long depth = m.requireSize("depth", 1), width = m.requireSize("width", 1), embedding = m.requireSize("embedding", 1);
        long inputDim = m.optSize("inputDim", 5, 1), outputDim = m.optSize("outputDim", 5, 1);
        long samples = m.optSize("samples", 10, 1);
        long max = Limits.MAX_ARRAY;
        Limits.check(Limits.oneArray("depth x width x (2 embedding + 1) doubles (the units' positions and masses)"), max,
                v -> (double) v[0] * v[1] * (2.0 * v[2] + 1), Limits.of(m, "depth", depth, 1),
                Limits.of(m, "width", width, 1), Limits.of(m, "embedding", embedding, 1));
        Limits.check(Limits.oneArray("samples x max(embedding, inputDim, outputDim) doubles (the residual stream, the"
                + " data)"), max, v -> (double) v[0] * Math.max(v[1], Math.max(v[2], v[3])),
                Limits.of(m, "samples", samples, 1), Limits.of(m, "embedding", embedding, 1),
                Limits.of(m, "inputDim", inputDim, 1), Limits.of(m, "outputDim", outputDim, 1));
        Limits.check(Limits.oneArray("embedding x max(inputDim, outputDim) doubles (W_E, W_U)"), max,
                v -> (double) v[0] * Math.max(v[1], v[2]), Limits.of(m, "embedding", embedding, 1),
                Limits.of(m, "inputDim", inputDim, 1), Limits.of(m, "outputDim", outputDim, 1));
        return new long[] {depth, width, embedding, inputDim, outputDim, samples};
    }

    ResNetSpec bind(MapReader m, SortedMap<String, PopulationSpec> populations, long seed) throws ScenarioException {
        long[] size = sizes(m);
        int depth = (int) size[0], width = (int) size[1], embedding = (int) size[2];
        int inputDim = (int) size[3], outputDim = (int) size[4], samples = (int) size[5];
        String activation = m.choice("activation", "tanh", Keys.ACTIVATIONS_RESNET);
        long dataSeed = m.optLong("dataSeed", 1);
        long embeddingSeed = m.optLong("embeddingSeed", seed);
        boolean coupled = m.optBoolean("coupled", true);
        boolean featureSpeed = m.optBoolean("featureSpeed", false);
        Path reference = null;
        if (m.has("reference")) {
            reference = files.resolveDirectory(m, "reference");
            for (String f : new String[] {"embedding.csv", "output.csv"}) {
                if (!Files.isRegularFile(reference.resolve(f))) {
                    throw m.error("reference", reference + " has no " + f + ": not a finished resnet run directory");
                }
            }
        }
        String name = ResNetSpec.UNITS;
        if (!populations.isEmpty()) {
            if (populations.size() != 1) {
                throw m.error("type", "a resnet has one population (its hidden units), got: " + String.join(", ", populations.keySet()));
            }
            name = populations.firstKey();
        }
        ResNetSpec spec = new ResNetSpec(name, depth, width, embedding, inputDim, outputDim, samples, activation,
                dataSeed, embeddingSeed, coupled, reference, featureSpeed);
        if (!populations.isEmpty()) {
            PopulationSpec p = populations.get(name), want = spec.derivedPopulation();
            if (p.count() != want.count() || !p.space().equals(want.space())) {
                throw m.error("type", "population '" + name + "' must hold depth * width = " + want.count()
                        + " units of a euclidean space of dim 2 * embedding = " + want.space().dim() + ", got "
                        + p.count() + " in " + p.space().type() + " of dim " + p.space().dim()
                        + " (leave populations out: the resnet makes its own)");
            }
        }
        return spec;
    }
}
