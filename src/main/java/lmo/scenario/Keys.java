package lmo.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The keys each mapping of a scenario accepts, in documented order (the order {@link Scenario#toYaml()} writes them).
 * Polymorphic sections map each {@code type} to its keys. The binders check keys against these lists (the model's
 * keys are its family's, {@link ModelBinding#paths}), and {@link #allPaths()} composes them into every accepted key
 * path, which the documentation must cover.
 */
public final class Keys {
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
    public static final List<String> FROM_TYPES = List.of("uniform", "gaussian", "quantiles", "grid", "lattice");
    public static final List<String> DENSITY = List.of("type", "modes");
    public static final List<String> MODE = List.of("k", "amplitude");
    static final List<String> MASS_UPDATES = List.of("exponential", "linear");
    static final List<String> PREDICTOR = List.of("from", "to", "points");
    static final Map<String, List<String>> TEMPERATURE = ordered(
            "constant", List.of("type", "value"),
            "geometric", List.of("type", "initial", "factor", "stageSteps"),
            "logarithmic", List.of("type", "c"),
            "piecewise", List.of("type", "steps", "values"));
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
    static final List<String> ENGINE = List.of("shards", "blockSize", "sync", "staleness", "straggler");
    static final List<String> SYNC_MODES = List.of("bsp", "delayed", "bounded");
    static final List<String> STRAGGLER = List.of("probability", "shard", "factor");
    static final List<String> OUTPUT = List.of("every", "snapshotEvery", "metricsPort", "fit", "predictor",
            "trajectories");
    static final List<String> TRAJECTORIES = List.of("particles", "every");
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
        for (ModelBinding<?> family : ModelCatalog.get().builtIn()) family.paths().forEach(p -> out.add(Node.join("model", p)));
        TEMPERATURE.values().forEach(keys -> add(out, "dynamics.temperature", keys));
        DYNAMICS.values().forEach(keys -> add(out, "dynamics", keys));
        add(out, "engine", ENGINE);
        add(out, "engine.straggler", STRAGGLER);
        add(out, "output", OUTPUT);
        add(out, "output.fit[]", FIT);
        add(out, "output.predictor", PREDICTOR);
        add(out, "output.trajectories", TRAJECTORIES);
        add(out, "checkpoint", CHECKPOINT);
        return out;
    }

    /** The paths of an init mapping at {@code prefix} of the given types (with their densities' paths). */
    public static SortedSet<String> initPaths(String prefix, Iterable<String> types) {
        SortedSet<String> out = new TreeSet<>();
        addInit(out, prefix, types);
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
