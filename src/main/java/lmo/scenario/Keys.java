package lmo.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The keys each mapping of a scenario accepts, in documented order (the order {@link Scenario#toYaml()} writes them).
 * Polymorphic sections map each {@code type} to its keys. The binders check keys against these lists, and
 * {@link #allPaths()} composes them into every accepted key path, which the documentation must cover.
 */
final class Keys {
    private Keys() {}

    static final List<String> TOP =
            List.of("name", "description", "seed", "steps", "populations", "model", "dynamics", "engine", "output",
                    "checkpoint");
    static final List<String> POPULATION = List.of("count", "space", "init", "mass");
    static final List<String> SPACE = List.of("type", "dim");
    static final List<String> SPACE_TYPES = List.of("euclidean", "torus", "sphere");
    static final Map<String, List<String>> INIT = ordered(
            "uniform", List.of("type", "low", "high"),
            "gaussian", List.of("type", "mean", "std"),
            "quantiles", List.of("type", "density"),
            "grid", List.of("type", "low", "high"),
            "lattice", List.of("type", "generator", "low", "high"),
            "list", List.of("type", "positions", "masses"),
            "file", List.of("type", "path"));
    /** Keys every population init type accepts on a euclidean space (the scaling path). */
    static final List<String> INIT_COMMON = List.of("scale", "symmetric");
    /** Init types allowed to generate target samples ({@code model.target.from}): all but {@code file}. */
    static final List<String> FROM_TYPES = List.of("uniform", "gaussian", "quantiles", "grid", "lattice");
    static final List<String> DENSITY = List.of("type", "modes");
    static final List<String> MODE = List.of("k", "amplitude");
    static final Map<String, List<String>> MODEL = ordered(
            "mmd", List.of("type", "population", "kernel", "target", "potential"),
            "potential", List.of("type", "population", "potential"),
            "two-layer", List.of("type", "population", "readout", "activation", "bias", "signs", "loss", "regularization",
                    "activeThreshold", "data", "potential"),
            "game", List.of("type", "payoff", "path", "niError"),
            "ot", List.of("type", "population", "target", "cost", "normalize", "solver", "tolerance", "stopAtTolerance"),
            "barycenter", List.of("type", "population", "lambda", "tau", "inputs", "weights", "solver"),
            "resnet", List.of("type", "depth", "width", "embedding", "inputDim", "outputDim", "samples", "activation",
                    "dataSeed", "embeddingSeed", "coupled", "reference", "featureSpeed"),
            "deep-linear", List.of("type", "depth", "dim", "samples", "noise", "dataSeed", "init", "initSeed",
                    "readoutSeed", "sharpnessEvery", "sharpnessTolerance"),
            "mlp", List.of("type", "variant", "depth", "width", "inputDim", "outputDim", "samples", "branchScale",
                    "dataSeed", "initSeed"));
    static final List<String> MLP_VARIANTS = List.of("plain", "residual");
    /** Model types whose parameters are the particles ({@link DerivesPopulation}): {@code populations} is optional. */
    static final List<String> DERIVED_POPULATION_MODELS = List.of("resnet", "deep-linear", "mlp");
    static final Map<String, List<String>> DEEP_LINEAR_INIT = ordered(
            "gaussian", List.of("type", "scale"),
            "residual", List.of("type", "scale"));
    static final List<String> ACTIVATIONS_RESNET = List.of("tanh", "identity");
    static final Map<String, List<String>> BARYCENTER_SOLVER = ordered(
            "particles", List.of("type", "stepSize", "sinkhornIterations"),
            "grid", List.of("type", "damping"));
    static final Map<String, List<String>> BARYCENTER_INPUT = ordered(
            "gaussian", List.of("type", "mean", "variance", "sampling", "points", "radius", "count"),
            "atoms", List.of("type", "points", "weights"),
            "file", List.of("type", "file", "rows"));
    static final List<String> BARYCENTER_SAMPLING = List.of("lattice", "random");
    static final Map<String, List<String>> OT_SOLVER = ordered(
            "sinkhorn", List.of("type", "beta", "epsilon"),
            "annealed", List.of("type", "beta0", "kappa"),
            "debiased-annealed", List.of("type", "beta0", "kappa"),
            "epsilon-scaling", List.of("type", "beta0", "sigma", "betaMax"));
    static final List<String> OT_COSTS = List.of("sqeuclidean", "half-sqeuclidean");
    static final List<String> OT_NORMALIZE = List.of("none", "max", "oscillation");
    static final Map<String, List<String>> PAYOFF = ordered(
            "fourier", List.of("type", "coefficients", "file", "random"),
            "example-4.1", List.of("type", "epsilon"),
            "bilinear", List.of("type", "B"),
            "quadratic", List.of("type", "P", "B", "Q"),
            "class", List.of("type", "class"));
    static final List<String> COEFFICIENT = List.of("k", "l", "re", "im");
    static final List<String> RANDOM = List.of("order", "seed");
    static final List<String> GAME_PATHS = List.of("auto", "features", "gathered");
    static final List<String> NI_ERROR = List.of("grid", "starts", "iterations");
    static final List<String> READOUTS = List.of("coordinate", "cone", "mass", "bilevel");
    static final List<String> ACTIVATIONS = List.of("relu", "tanh", "gelu");
    static final List<String> SIGNS = List.of("positive", "balanced");
    static final List<String> LOSSES = List.of("square", "logistic");
    static final List<String> DATA = List.of("inputs", "labels", "teacher", "noise", "test", "seed", "population");
    static final Map<String, List<String>> INPUTS = ordered(
            "sphere", List.of("type", "dim", "count"),
            "gaussian", List.of("type", "dim", "count"),
            "file", List.of("type", "path"));
    static final List<String> FILE = List.of("path");
    static final Map<String, List<String>> TEACHER = ordered(
            "random", List.of("type", "neurons", "seed", "outputs", "bias", "activation"),
            "listed", List.of("type", "weights", "outputs", "bias", "activation"),
            "circle", List.of("type", "neurons", "mass", "density"));
    static final List<String> TEST = List.of("count", "inputs", "labels");
    static final List<String> MASS_UPDATES = List.of("exponential", "linear");
    static final List<String> PREDICTOR = List.of("from", "to", "points");
    static final Map<String, List<String>> POTENTIAL = ordered("quadratic", List.of("type", "kappa"));
    static final Map<String, List<String>> TEMPERATURE = ordered(
            "constant", List.of("type", "value"),
            "geometric", List.of("type", "initial", "factor", "stageSteps"),
            "logarithmic", List.of("type", "c"),
            "piecewise", List.of("type", "steps", "values"));
    static final Map<String, List<String>> KERNEL = ordered(
            "sobolev", List.of("type", "s", "modes", "method"),
            "gaussian", List.of("type", "sigma"),
            "energy", List.of("type"));
    static final List<String> SOBOLEV_METHODS = List.of("auto", "exact", "fourier");
    static final Map<String, List<String>> TARGET = ordered(
            "uniform", List.of("type"),
            "cosine", DENSITY,
            "samples", List.of("type", "file", "rows", "count", "from"));
    static final Map<String, List<String>> DYNAMICS = ordered(
            "wasserstein", List.of("type", "stepSize", "scaleStepByInit"),
            "fisher-rao", List.of("type", "massStepSize", "conserveMass", "massUpdate"),
            "wfr", List.of("type", "stepSize", "massStepSize", "conserveMass", "massUpdate", "scaleStepByInit"),
            "langevin", List.of("type", "stepSize", "temperature", "scaleStepByInit"),
            "gda", List.of("type", "method", "update", "players", "stepSize", "massStepSize"),
            "none", List.of("type"));
    static final List<String> GDA_METHODS = List.of("cp-mda", "cp-mp");
    static final List<String> GDA_UPDATES = List.of("conic", "weights", "positions");
    static final List<String> GDA_PLAYERS = List.of("simultaneous", "alternating");
    static final List<String> ENGINE = List.of("shards", "blockSize", "sync");
    static final List<String> OUTPUT = List.of("every", "snapshotEvery", "metricsPort", "fit", "predictor");
    static final List<String> FIT = List.of("metric", "law", "from", "to");
    static final List<String> CHECKPOINT = List.of("every");

    /**
     * Every key path the loader accepts, with {@code <name>} for a population name and {@code []} for a list item,
     * e.g. {@code populations.<name>.init.density.modes[].k}.
     */
    static SortedSet<String> allPaths() {
        SortedSet<String> out = new TreeSet<>();
        add(out, "", TOP);
        String pop = "populations.<name>";
        add(out, pop, POPULATION);
        add(out, pop + ".space", SPACE);
        addInit(out, pop + ".init", INIT.keySet());
        add(out, pop + ".init", INIT_COMMON);
        MODEL.values().forEach(keys -> add(out, "model", keys));
        OT_SOLVER.values().forEach(keys -> add(out, "model.solver", keys));
        BARYCENTER_SOLVER.values().forEach(keys -> add(out, "model.solver", keys));
        BARYCENTER_INPUT.values().forEach(keys -> add(out, "model.inputs[]", keys));
        DEEP_LINEAR_INIT.values().forEach(keys -> add(out, "model.init", keys));
        add(out, "model.data", DATA);
        INPUTS.values().forEach(keys -> add(out, "model.data.inputs", keys));
        add(out, "model.data.labels", FILE);
        TEACHER.values().forEach(keys -> add(out, "model.data.teacher", keys));
        add(out, "model.data.teacher.density", DENSITY);
        add(out, "model.data.teacher.density.modes[]", MODE);
        add(out, "model.data.test", TEST);
        add(out, "model.data.test.inputs", FILE);
        add(out, "model.data.test.labels", FILE);
        POTENTIAL.values().forEach(keys -> add(out, "model.potential", keys));
        PAYOFF.values().forEach(keys -> add(out, "model.payoff", keys));
        add(out, "model.payoff.coefficients[]", COEFFICIENT);
        add(out, "model.payoff.random", RANDOM);
        add(out, "model.niError", NI_ERROR);
        TEMPERATURE.values().forEach(keys -> add(out, "dynamics.temperature", keys));
        KERNEL.values().forEach(keys -> add(out, "model.kernel", keys));
        TARGET.values().forEach(keys -> add(out, "model.target", keys));
        add(out, "model.target.modes[]", MODE);
        addInit(out, "model.target.from", FROM_TYPES);
        DYNAMICS.values().forEach(keys -> add(out, "dynamics", keys));
        add(out, "engine", ENGINE);
        add(out, "output", OUTPUT);
        add(out, "output.fit[]", FIT);
        add(out, "output.predictor", PREDICTOR);
        add(out, "checkpoint", CHECKPOINT);
        return out;
    }

    private static void addInit(SortedSet<String> out, String prefix, Iterable<String> types) {
        for (String type : types) {
            add(out, prefix, INIT.get(type));
            if (INIT.get(type).contains("density")) {
                add(out, prefix + ".density", DENSITY);
                add(out, prefix + ".density.modes[]", MODE);
            }
        }
    }

    private static void add(SortedSet<String> out, String prefix, List<String> keys) {
        keys.forEach(k -> out.add(Node.join(prefix, k)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> ordered(Object... typeAndKeys) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < typeAndKeys.length; i += 2) m.put((String) typeAndKeys[i], (List<String>) typeAndKeys[i + 1]);
        return java.util.Collections.unmodifiableMap(m);
    }
}
