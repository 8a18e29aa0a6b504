package lmo.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import lmo.scenario.MapReader.Check;

/**
 * Binds {@code model} of type {@code resnet}: the sizes, the task, the embeddings' seed and coupling, an optional
 * reference run; checks a listed population against the one the sizes imply.
 */
final class ResNetBinder {
    private final DataFiles files;

    ResNetBinder(DataFiles files) {
        this.files = files;
    }

    ResNetSpec bind(MapReader m, SortedMap<String, PopulationSpec> populations, long seed) throws ScenarioException {
        Check positive = Check.atLeast(1);
        int depth = m.requireInt("depth", positive);
        int width = m.requireInt("width", positive);
        int embedding = m.requireInt("embedding", positive);
        int inputDim = m.optInt("inputDim", 5, positive);
        int outputDim = m.optInt("outputDim", 5, positive);
        int samples = m.optInt("samples", 10, positive);
        String activation = m.choice("activation", "tanh", Keys.ACTIVATIONS_RESNET);
        long dataSeed = m.optLong("dataSeed", 1);
        long embeddingSeed = m.optLong("embeddingSeed", seed);
        boolean coupled = m.optBoolean("coupled", true);
        boolean featureSpeed = m.optBoolean("featureSpeed", false);
        if ((long) depth * width > Integer.MAX_VALUE / 2 || (long) depth * width * 2 * embedding > 1L << 31) {
            throw m.error("width", "depth * width * 2 embedding = " + (long) depth * width * 2 * embedding
                    + " doubles is too many for one population");
        }
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
