package lmo.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import lmo.engine.Sync;
import lmo.scenario.BindContext;
import lmo.scenario.MapReader.Check;
import lmo.scenario.Node.MapNode;
import lmo.scenario.Node.Scalar;

/**
 * Turns a scenario tree (overrides already applied) into a {@link Scenario}: the top-level keys, {@code dynamics},
 * {@code engine} and {@code output} here; populations in their binder; the model by its family ({@link ModelCatalog},
 * looked up by {@code model.type}), whose hooks say what it derives, implies and refuses. Stops at the first error.
 */
final class ScenarioBinder {
    private final Path file;
    private final int processors;
    private final List<Path> jars;

    /**
     * @param file the scenario file: its name is the default {@code name}, its directory resolves relative paths
     * @param processors the default {@code engine.shards}
     * @param jars the jars user payoff classes are loaded from ({@code --jar})
     */
    ScenarioBinder(Path file, int processors, List<Path> jars) {
        this.file = file;
        this.processors = processors;
        this.jars = jars;
    }

    Scenario bind(MapNode root) throws ScenarioException {
        MapReader top = MapReader.of(root, "");
        top.allow(Keys.TOP);
        String name = top.has("name") ? name(top) : top.resolve("name", Names.fromFileName(file.getFileName().toString()));
        String description = top.optString("description", "");
        long seed = top.optLong("seed", 0);
        int steps = top.requireInt("steps", Check.atLeast(0));

        DataFiles files = new DataFiles(file.toAbsolutePath().getParent());
        InitBinder inits = new InitBinder(files);
        boolean derived = !top.has("populations") && top.has("model") && derivesPopulation(top.requireMap("model"), jars);
        SortedMap<String, PopulationSpec> populations = derived ? new java.util.TreeMap<>()
                : new PopulationBinder(inits, solverPopulation(top, jars)).bind(top.requireMap("populations"));
        Locations where = new Locations(root);
        MapReader m = top.requireMap("model");
        ModelBinding<?> family = ModelCatalog.get().binding(m.choice("type", null, ModelCatalog.get().types(jars)), jars);
        BindContext context = new BindContext(populations, seed, files, inits, jars, where);
        return bind(top, family, m, context, derived, name, description, seed, steps);
    }

    /** The rest of {@link #bind(MapNode)}, typed by the model's family. */
    private <S extends ModelSpec> Scenario bind(MapReader top, ModelBinding<S> family, MapReader m, BindContext c,
            boolean derived, String name, String description, long seed, int steps) throws ScenarioException {
        SortedMap<String, PopulationSpec> populations = c.populations();
        S model = family.bind(m, c);
        if (derived) populations.put(model.population(), family.derivedPopulation(model));
        DynamicsSpec implied = family.impliedDynamics(model);
        DynamicsSpec dynamics = implied != null && !top.has("dynamics") ? implied : dynamics(top.requireMap("dynamics"));
        if (dynamics == implied) dynamics(implied instanceof LangevinSpec l ? top.resolveMap("dynamics", "type", l.type(),
                "stepSize", l.stepSize(), "temperature", l.temperature().a()) : top.resolveMap("dynamics", "type", "none"));
        String refused = family.refusedDynamics(model, dynamics);
        if (refused != null) throw top.requireMap("dynamics").error("type", refused);
        MapReader engineKeys = top.optMap("engine");
        EngineSpec engine = engine(engineKeys);
        double stepScale = stepScale(dynamics, populations.get(model.population()));
        OutputSpec output = output(top.optMap("output"), steps, steps * timeStep(dynamics) / stepScale, family, model);
        CheckpointSpec checkpoint = checkpoint(top.optMap("checkpoint"));
        return new Scenario(name, description, seed, steps, populations, model, dynamics, engine, output, checkpoint,
                c.where());
    }

    /** True for families that make their own population from their sizes: populations may be left out. */
    private static boolean derivesPopulation(MapReader model, List<Path> jars) throws ScenarioException {
        if (!model.has("type")) return false;
        ModelBinding<?> family = ModelCatalog.get().binding(model.requireString("type"), jars);
        return family != null && family.derivesPopulation();
    }

    /**
     * The population whose particles carry a solver value besides position and mass (the potential u of an
     * {@code ot} model, {@link ModelBinding#solverWidth}: its {@code model.population}, or the only population), or
     * null; read before the model is bound, for the populations' size bound (the model's binder reports a missing or
     * unknown population).
     */
    private static String solverPopulation(MapReader top, List<Path> jars) throws ScenarioException {
        if (!(top.node.get("model") instanceof MapNode model) || !(model.get("type") instanceof Scalar t)
                || t.isNull()) {
            return null;
        }
        ModelBinding<?> family = ModelCatalog.get().binding(t.text(), jars);
        if (family == null || family.solverWidth() == 0) return null;
        if (model.get("population") instanceof Scalar p && !p.isNull()) return p.text();
        return top.node.get("populations") instanceof MapNode pops && pops.entries().size() == 1
                ? pops.entries().keySet().iterator().next() : null;
    }

    /** An explicit {@code name}: it names the run directory, so it must follow {@link Names#RULE}. */
    private static String name(MapReader top) throws ScenarioException {
        String name = top.requireString("name");
        if (name.isEmpty()) throw top.error("name", "must not be empty; expected " + Names.RULE);
        if (!Names.isPlain(name)) {
            throw top.error("name", "must be " + Names.RULE + ", got " + Node.describe(top.require("name")));
        }
        return name;
    }

    static DynamicsSpec dynamics(MapReader m) throws ScenarioException {
        String type = m.choice("type", null, Keys.DYNAMICS.keySet());
        m.allow(Keys.DYNAMICS.get(type));
        Check positive = Check.greaterThan(0);
        switch (type) {
            case "wasserstein":
                return new WassersteinSpec(m.requireDouble("stepSize", positive), m.optBoolean("scaleStepByInit", false));
            case "fisher-rao":
                return new FisherRaoSpec(m.requireDouble("massStepSize", positive), m.optBoolean("conserveMass", true),
                        m.choice("massUpdate", "exponential", Keys.MASS_UPDATES));
            case "wfr":
                return new WfrSpec(m.requireDouble("stepSize", positive), m.requireDouble("massStepSize", positive),
                        m.optBoolean("conserveMass", true), m.choice("massUpdate", "exponential", Keys.MASS_UPDATES),
                        m.optBoolean("scaleStepByInit", false));
            case "gda":
                return gda(m, positive);
            case "none":
                return new NoneSpec();
            default:
                return new LangevinSpec(m.requireDouble("stepSize", positive), temperature(m),
                        m.optBoolean("scaleStepByInit", false));
        }
    }

    /** {@code dynamics.type: gda}; a missing step size defaults to the other one (one of them is required). */
    private static GdaSpec gda(MapReader m, Check positive) throws ScenarioException {
        String method = m.choice("method", "cp-mda", Keys.GDA_METHODS);
        String update = m.choice("update", "conic", Keys.GDA_UPDATES);
        String players = m.choice("players", "simultaneous", Keys.GDA_PLAYERS);
        if (method.equals("cp-mp") && players.equals("alternating")) {
            throw m.error("players", "alternating players are defined for method cp-mda; cp-mp (mirror-prox) moves"
                    + " both players from the same point");
        }
        if (!m.has("stepSize") && !m.has("massStepSize")) {
            throw m.node.origin().error(m.path, "missing required key 'stepSize' (or 'massStepSize')");
        }
        double eta = m.has("stepSize") ? m.requireDouble("stepSize", positive) : m.requireDouble("massStepSize", positive);
        double etaM = m.has("massStepSize") ? m.requireDouble("massStepSize", positive) : eta;
        m.resolve("stepSize", eta);
        m.resolve("massStepSize", etaM);
        return new GdaSpec(method, update, players, eta, etaM);
    }

    /**
     * The divisor of the step sizes: {@code max(1, alpha^2)} with alpha the {@code init.scale} of the model's
     * population when the dynamics has {@code scaleStepByInit: true}, else 1.
     */
    static double stepScale(DynamicsSpec d, PopulationSpec population) {
        boolean on = d instanceof WassersteinSpec w && w.scaleStepByInit() || d instanceof WfrSpec f && f.scaleStepByInit()
                || d instanceof LangevinSpec l && l.scaleStepByInit();
        return on ? Math.max(1.0, population.scale() * population.scale()) : 1.0;
    }

    private EngineSpec engine(MapReader m) throws ScenarioException {
        m.allow(Keys.ENGINE);
        int shards = m.optInt("shards", processors, Check.atLeast(1));
        int blockSize = 0;
        if (m.has("blockSize") && !(m.node.get("blockSize") instanceof Scalar s && "auto".equals(s.text()))) {
            blockSize = m.requireInt("blockSize", v -> v >= 1 ? null : "must be >= 1 or auto");
        }
        if (blockSize == 0) m.resolve("blockSize", "auto");
        Sync.Mode mode = Sync.Mode.valueOf(m.choice("sync", "bsp", Keys.SYNC_MODES).toUpperCase(Locale.ROOT));
        int staleness = 0;
        if (mode == Sync.Mode.BSP) {
            if (m.has("staleness")) throw m.error("staleness", "needs engine.sync: delayed or bounded");
        } else {
            staleness = m.optInt("staleness", 0, Check.atLeast(0));
        }
        Sync.Straggler straggler = m.has("straggler") ? straggler(m.requireMap("straggler"), shards) : Sync.Straggler.NONE;
        return new EngineSpec(shards, blockSize, new Sync(mode, staleness, straggler));
    }

    /**
     * {@code engine.straggler}: {@code {probability: p, factor: f}} (each shard slow on a step with probability p)
     * or {@code {shard: i, factor: f}} (shard i slow on every step), f >= 1 the slowdown.
     */
    private static Sync.Straggler straggler(MapReader m, int shards) throws ScenarioException {
        m.allow(Keys.STRAGGLER);
        boolean byProbability = m.has("probability");
        boolean byShard = m.has("shard");
        if (byProbability && byShard) {
            String second = m.keys().indexOf("shard") > m.keys().indexOf("probability") ? "shard" : "probability";
            throw m.keyError(second, "give probability or shard, not both: {probability: p, factor: f} slows each"
                    + " shard on a step with probability p, {shard: i, factor: f} slows shard i on every step");
        }
        if (!byProbability && !byShard) {
            throw m.node.origin().error(m.path, "missing required key 'probability' or 'shard': {probability: p,"
                    + " factor: f} or {shard: i, factor: f}");
        }
        if (byProbability) {
            double p = m.requireDouble("probability", Check.between(0, 1));
            return new Sync.Straggler(p, m.requireDouble("factor", Check.atLeast(1)), -1);
        }
        int shard = m.requireInt("shard", Check.atLeast(0));
        if (shard >= shards) {
            throw m.error("shard", "must be < engine.shards (" + shards + "), got " + shard);
        }
        return new Sync.Straggler(0, m.requireDouble("factor", Check.atLeast(1)), shard);
    }

    /** {@code dynamics.temperature}: a number, or a schedule mapping (see {@link TemperatureSpec}). */
    private static TemperatureSpec temperature(MapReader m) throws ScenarioException {
        if (!m.has("temperature") || !(m.node.get("temperature") instanceof MapNode)) {
            return TemperatureSpec.constant(m.optDouble("temperature", 0, Check.atLeast(0)));
        }
        MapReader t = m.requireMap("temperature");
        String type = t.choice("type", null, Keys.TEMPERATURE.keySet());
        t.allow(Keys.TEMPERATURE.get(type));
        Check nonNegative = Check.atLeast(0);
        switch (type) {
            case "constant":
                return TemperatureSpec.constant(t.requireDouble("value", nonNegative));
            case "geometric":
                return new TemperatureSpec(type, t.requireDouble("initial", nonNegative), t.requireDouble("factor",
                        Check.atLeast(1)), t.requireInt("stageSteps", Check.atLeast(1)), new long[0], new double[0]);
            case "logarithmic":
                return new TemperatureSpec(type, t.requireDouble("c", nonNegative), 0, 0, new long[0], new double[0]);
            default: {
                int n = t.requireList("steps").size();
                if (n == 0) throw t.error("steps", "expected at least one step");
                int[] steps = t.ints("steps", n);
                double[] values = t.doubles("values", n, nonNegative);
                if (steps[0] != 0) throw t.error("steps", "the first step must be 0, got " + steps[0]);
                long[] s = new long[n];
                for (int j = 0; j < n; j++) {
                    if (j > 0 && steps[j] <= steps[j - 1]) throw t.error("steps", "steps must increase, got " + java.util.Arrays.toString(steps));
                    s[j] = steps[j];
                }
                return new TemperatureSpec(type, 0, 0, 0, s, values);
            }
        }
    }

    private static <S extends ModelSpec> OutputSpec output(MapReader m, int steps, double endTime,
            ModelBinding<S> family, S model) throws ScenarioException {
        m.allow(Keys.OUTPUT);
        int every = m.optInt("every", Math.max(1, steps / 100), Check.atLeast(1));
        int snapshotEvery = m.optInt("snapshotEvery", 0, Check.atLeast(0));
        int metricsPort = m.has("metricsPort") ? m.optInt("metricsPort", 0, Check.between(0, 65535)) : OutputSpec.OFF;
        List<FitSpec> fits = new ArrayList<>();
        List<Node> items = m.has("fit") ? m.requireList("fit") : List.of();
        for (int i = 0; i < items.size(); i++) {
            MapReader f = MapReader.of(items.get(i), m.path("fit") + "[" + i + "]");
            f.allow(Keys.FIT);
            String metric = f.requireString("metric");
            if (metric.isBlank()) throw f.error("metric", "must not be empty");
            String law = f.choice("law", null, FitSpec.LAWS);
            double from = f.optDouble("from", 0, Check.atLeast(0));
            double to = f.optDouble("to", Math.max(endTime, Math.nextUp(from)), Check.greaterThan(from));
            fits.add(new FitSpec(metric, law, from, to));
        }
        return new OutputSpec(every, snapshotEvery, metricsPort, fits, predictor(m, family, model),
                trajectories(m, every));
    }

    /**
     * {@code output.trajectories: {particles: K, every: k}}: K in 1 .. 1000 (per population min(K, count)), k >= 1
     * (default: {@code output.every}); absent: none (nothing is added to the resolved scenario).
     */
    private static lmo.engine.Trajectories trajectories(MapReader m, int logEvery) throws ScenarioException {
        if (!m.has("trajectories")) return lmo.engine.Trajectories.OFF;
        MapReader t = m.requireMap("trajectories");
        t.allow(Keys.TRAJECTORIES);
        int particles = t.requireInt("particles", Check.between(1, lmo.engine.Trajectories.MAX_PARTICLES));
        int every = t.optInt("every", logEvery, Check.atLeast(1));
        return new lmo.engine.Trajectories(particles, every);
    }

    /**
     * {@code output.predictor}: for a model whose family writes predictor.csv (two-layer with 1-D inputs), given or
     * by default the range of the training inputs widened by 10 % of it on each side, 201 points; an error for
     * other models (the family's refusal).
     */
    private static <S extends ModelSpec> PredictorSpec predictor(MapReader m, ModelBinding<S> family, S model)
            throws ScenarioException {
        String refusal = family.predictorRefusal(model);
        if (refusal != null) {
            if (!m.has("predictor")) return null;
            throw m.error("predictor", refusal);
        }
        MapReader p = m.optMap("predictor");
        p.allow(Keys.PREDICTOR);
        double[] range = family.predictorRange(model);
        double width = range[1] - range[0];
        double pad = width > 0 ? 0.1 * width : 1.0;
        double from = p.optDouble("from", range[0] - pad, Check.ANY);
        double to = p.optDouble("to", range[1] + pad, Check.greaterThan(from));
        long n = p.optSize("points", 201, 2);
        Limits.check(Limits.oneArray("points x 2 doubles (predictor.csv: x and f)"), Limits.MAX_ARRAY, v -> 2.0 * v[0],
                Limits.of(p, "points", n, 2));
        int points = (int) n;
        return new PredictorSpec(from, to, points);
    }

    /** Mean-field time per step: the step size (the mass step size for {@code fisher-rao}). */
    static double timeStep(DynamicsSpec d) {
        if (d instanceof WassersteinSpec w) return w.stepSize();
        if (d instanceof FisherRaoSpec f) return f.massStepSize();
        if (d instanceof WfrSpec w) return w.stepSize();
        if (d instanceof GdaSpec g) return g.timeStep();
        if (d instanceof NoneSpec) return 1;
        return ((LangevinSpec) d).stepSize();
    }

    private static CheckpointSpec checkpoint(MapReader m) throws ScenarioException {
        m.allow(Keys.CHECKPOINT);
        return new CheckpointSpec(m.optInt("every", 0, Check.atLeast(0)));
    }
}
