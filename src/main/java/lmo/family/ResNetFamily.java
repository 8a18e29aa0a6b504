package lmo.family;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import lmo.particles.Population;
import lmo.io.Csv;
import lmo.io.Table;
import lmo.model.Model;
import lmo.model.resnet.Activation;
import lmo.model.resnet.ResNetData;
import lmo.model.resnet.ResNetModel;
import lmo.model.resnet.ResNetShape;
import lmo.rng.CounterRng;
import lmo.scenario.BindContext;
import lmo.scenario.BuildContext;
import lmo.scenario.DynamicsSpec;
import lmo.scenario.Limits;
import lmo.scenario.Locations;
import lmo.scenario.MapReader;
import lmo.scenario.PopulationSpec;
import lmo.scenario.ScenarioException;

/**
 * {@code model.type: resnet}: the MLU-regime ResNet ({@link ResNetModel}) whose hidden units are the particles of
 * its own population ({@code depth * width} units of dim {@code 2 embedding}; a listed one must match): the sizes,
 * the task, the embeddings' seed and coupling, an optional reference run. Trained by gradient descent
 * (wasserstein), whose step size is the feature speed's learning rate.
 */
public final class ResNetFamily implements ModelFamily<ResNetSpec> {
    static final List<String> KEYS = List.of("type", "depth", "width", "embedding", "inputDim", "outputDim", "samples",
            "activation", "dataSeed", "embeddingSeed", "coupled", "reference", "featureSpeed");
    static final List<String> ACTIVATIONS = List.of("tanh", "identity");

    @Override public String type() { return "resnet"; }
    @Override public Class<ResNetSpec> specType() { return ResNetSpec.class; }
    @Override public List<Key> keys() { return DOCUMENTED; }
    @Override public SortedSet<String> paths() { return new KeyLists().add("", KEYS).paths(); }
    @Override public boolean derivesPopulation() { return true; }
    @Override public PopulationSpec derivedPopulation(ResNetSpec spec) { return spec.derivedPopulation(); }
    @Override public String refusedDynamics(ResNetSpec spec, DynamicsSpec dynamics) { return Descent.refused(type(), dynamics); }

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

    @Override
    public ResNetSpec bind(MapReader m, BindContext c) throws ScenarioException {
        m.allow(KEYS);
        SortedMap<String, PopulationSpec> populations = c.populations();
        long seed = c.seed();
        long[] size = sizes(m);
        int depth = (int) size[0], width = (int) size[1], embedding = (int) size[2];
        int inputDim = (int) size[3], outputDim = (int) size[4], samples = (int) size[5];
        String activation = m.choice("activation", "tanh", ACTIVATIONS);
        long dataSeed = m.optLong("dataSeed", 1);
        long embeddingSeed = m.optLong("embeddingSeed", seed);
        boolean coupled = m.optBoolean("coupled", true);
        boolean featureSpeed = m.optBoolean("featureSpeed", false);
        Path reference = null;
        if (m.has("reference")) {
            reference = c.files().resolveDirectory(m, "reference");
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

    @Override
    public Model build(ResNetSpec r, BuildContext c) throws ScenarioException {
        Population p = c.population(r.population());
        ResNetShape shape = new ResNetShape(r.depth(), r.width(), r.embedding(), r.inputDim(), r.outputDim(), r.samples());
        long embeddingSeed = r.coupled() ? r.embeddingSeed()
                : CounterRng.hash(r.embeddingSeed(), -5, r.embedding(), 0, CounterRng.STREAM_RESNET, 0);
        ResNetData data = ResNetData.generate(shape, r.dataSeed(), embeddingSeed);
        double[] refEmbedding = null, refOutput = null;
        if (r.reference() != null) {
            Table e = read(r.reference().resolve("embedding.csv"), c.where());
            Table o = read(r.reference().resolve("output.csv"), c.where());
            if (e.cols() != r.samples() || e.rows() < r.embedding() || o.cols() != r.samples() || o.rows() != r.outputDim()) {
                throw c.where().error("model.reference", r.reference() + " holds a run of " + e.rows() + " x "
                        + e.cols() + " embeddings and " + o.rows() + " x " + o.cols() + " outputs; this model needs at least "
                        + r.embedding() + " x " + r.samples() + " and " + r.outputDim() + " x " + r.samples());
            }
            refEmbedding = java.util.Arrays.copyOf(e.data(), r.embedding() * r.samples());
            refOutput = o.data();
        }
        try {
            ResNetModel model = new ResNetModel(p.index(), shape, data, Activation.of(r.activation()), refEmbedding, refOutput,
                    c.steps());
            return r.featureSpeed() ? model.withFeatureSpeed(c.timeStep()) : model;
        } catch (IllegalArgumentException e) {
            throw c.where().error("model", e.getMessage());
        }
    }

    private static Table read(Path file, Locations where) throws ScenarioException {
        try {
            return Csv.read(file);
        } catch (IOException e) {
            throw where.error("model.reference", "cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The documented keys: the rows of this family in docs/scenarios.md, the doc cut to its first sentence. */
    private static final List<Key> DOCUMENTED = List.of(
            new Key("type", "`resnet`", "required", "", "The functional."),
            new Key("depth", "integer", "required", ">= 1; with width and embedding: [Limits](#limits)",
                    "L, the number of residual blocks."),
            new Key("width", "integer", "required", ">= 1", "M, hidden units per block."),
            new Key("embedding", "integer", "required", ">= 1", "D, the embedding (residual stream) dimension."),
            new Key("inputDim", "integer", "`5`", ">= 1", "d_in."),
            new Key("outputDim", "integer", "`5`", ">= 1", "d_out."),
            new Key("samples", "integer", "`10`", ">= 1", "N, the batch (the whole training set)."),
            new Key("activation", "`tanh` | `identity`", "`tanh`", "", "sigma."),
            new Key("dataSeed", "integer", "`1`", "",
                    "Keys X and Y, iid N(0, 1): the same task for every size and seed."),
            new Key("embeddingSeed", "integer", "the scenario's `seed`", "", "Keys W_E and W_U, drawn row by row."),
            new Key("coupled", "boolean", "`true`", "",
                    "`true`: W_E and W_U of embedding D are the leading D rows of common matrices (the coupling "
                    + "under which `errorEmbedding` compares sizes); `false`: fresh per D (the uncoupled "
                    + "protocol of `errorOutput`)."),
            new Key("featureSpeed", "boolean", "`false`", "",
                    "Log, per block output l, the feature speed diagnostics of the step (`cosTheta_l`, "
                    + "`deltaH_l`, `b_l`, `h_l`, `lossDecay_l`, as for [mlp](#mlps-and-feature-speed)); costs a "
                    + "GATHER of the units per step."),
            new Key("reference", "directory", "none", "a finished resnet run",
                    "A reference run (the largest size): adds the metrics `errorEmbedding` (RMS of `h_L - "
                    + "h_L,ref` over the first D coordinates and the samples) and `errorOutput` (RMS of `out - "
                    + "out_ref`), measured at the final step (NaN before)."));
}
