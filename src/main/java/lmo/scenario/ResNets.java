package lmo.scenario;

import java.io.IOException;
import java.nio.file.Path;
import lmo.engine.Population;
import lmo.io.Csv;
import lmo.io.Table;
import lmo.model.resnet.Activation;
import lmo.model.resnet.ResNetData;
import lmo.model.resnet.ResNetModel;
import lmo.model.resnet.ResNetShape;
import lmo.rng.CounterRng;
import lmo.family.ResNetSpec;

/** Builds the ResNet model of a {@link ResNetSpec}: data, embeddings (coupled or not), the reference run's tables. */
final class ResNets {
    private ResNets() {}

    static ResNetModel model(ResNetSpec r, Scenario s, Population p) throws ScenarioException {
        ResNetShape shape = new ResNetShape(r.depth(), r.width(), r.embedding(), r.inputDim(), r.outputDim(), r.samples());
        long embeddingSeed = r.coupled() ? r.embeddingSeed()
                : CounterRng.hash(r.embeddingSeed(), -5, r.embedding(), 0, CounterRng.STREAM_RESNET, 0);
        ResNetData data = ResNetData.generate(shape, r.dataSeed(), embeddingSeed);
        double[] refEmbedding = null, refOutput = null;
        if (r.reference() != null) {
            Table e = read(r.reference().resolve("embedding.csv"), s.locations());
            Table o = read(r.reference().resolve("output.csv"), s.locations());
            if (e.cols() != r.samples() || e.rows() < r.embedding() || o.cols() != r.samples() || o.rows() != r.outputDim()) {
                throw s.locations().error("model.reference", r.reference() + " holds a run of " + e.rows() + " x "
                        + e.cols() + " embeddings and " + o.rows() + " x " + o.cols() + " outputs; this model needs at least "
                        + r.embedding() + " x " + r.samples() + " and " + r.outputDim() + " x " + r.samples());
            }
            refEmbedding = java.util.Arrays.copyOf(e.data(), r.embedding() * r.samples());
            refOutput = o.data();
        }
        try {
            ResNetModel model = new ResNetModel(p.index(), shape, data, Activation.of(r.activation()), refEmbedding, refOutput,
                    s.steps());
            return r.featureSpeed() ? model.withFeatureSpeed(((WassersteinSpec) s.dynamics()).stepSize()) : model;
        } catch (IllegalArgumentException e) {
            throw s.locations().error("model", e.getMessage());
        }
    }

    private static Table read(Path file, Locations where) throws ScenarioException {
        try {
            return Csv.read(file);
        } catch (IOException e) {
            throw where.error("model.reference", "cannot read " + file + ": " + e.getMessage());
        }
    }
}
