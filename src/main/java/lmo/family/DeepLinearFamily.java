package lmo.family;

import java.util.List;
import java.util.Map;
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
 * {@code model.type: deep-linear}: a deep linear network for univariate regression
 * ({@link lmo.model.deeplinear.DeepLinearModel}) whose L layers are the particles of its own population (a listed one
 * must match): sizes, data, init, sharpness settings. Trained by gradient descent (wasserstein).
 */
public final class DeepLinearFamily implements ModelFamily<DeepLinearSpec> {
    static final List<String> KEYS = List.of("type", "depth", "dim", "samples", "noise", "dataSeed", "init", "initSeed",
            "readoutSeed", "sharpnessEvery", "sharpnessTolerance");
    static final Map<String, List<String>> INIT = KeyLists.ordered(
            "gaussian", List.of("type", "scale"),
            "residual", List.of("type", "scale"));

    @Override public String type() { return "deep-linear"; }
    @Override public Class<DeepLinearSpec> specType() { return DeepLinearSpec.class; }
    @Override public List<Key> keys() { return DOCUMENTED; }
    @Override
    public SortedSet<String> paths() { return new KeyLists().add("", KEYS).addEach("init", INIT.values()).paths(); }
    @Override public boolean derivesPopulation() { return true; }
    @Override public PopulationSpec derivedPopulation(DeepLinearSpec spec) { return spec.derivedPopulation(); }
    @Override public String refusedDynamics(DeepLinearSpec spec, DynamicsSpec dynamics) { return Descent.refused(type(), dynamics); }

    @Override
    public DeepLinearSpec bind(MapReader m, BindContext c) throws ScenarioException {
        m.allow(KEYS);
        SortedMap<String, PopulationSpec> populations = c.populations();
        long seed = c.seed();
        long l = m.requireSize("depth", 1), d = m.requireSize("dim", 1);
        Limits.check(Limits.oneArray("depth x (dim^2 + 1) doubles (the layers' entries and masses)"), Limits.MAX_ARRAY,
                v -> (double) v[0] * ((double) v[1] * v[1] + 1), Limits.of(m, "depth", l, 1), Limits.of(m, "dim", d, 1));
        long n = m.requireSize("samples", d + 1);
        Limits.check(Limits.oneArray("samples x (dim + 1) doubles (the design X and the labels y)"), Limits.MAX_ARRAY,
                v -> (double) v[0] * (d + 1), Limits.of(m, "samples", n, d + 1));
        int depth = (int) l, dim = (int) d, samples = (int) n;
        double noise = m.optDouble("noise", 1.0, Check.atLeast(0));
        long dataSeed = m.optLong("dataSeed", 0);
        MapReader init = m.requireMap("init");
        String kind = init.choice("type", null, INIT.keySet());
        init.allow(INIT.get(kind));
        double scale = init.requireDouble("scale", Check.atLeast(0));
        long initSeed = m.optLong("initSeed", seed);
        long readoutSeed = m.optLong("readoutSeed", seed);
        if (!kind.equals("residual") && m.has("readoutSeed")) {
            throw m.keyError("readoutSeed", "the fixed read-out belongs to init residual; gaussian trains W_L");
        }
        if (!kind.equals("residual")) m.forget("readoutSeed");
        long every = m.optLong("sharpnessEvery", 1);
        if (every < 1) throw m.error("sharpnessEvery", "must be >= 1, got " + every);
        double tol = m.optDouble("sharpnessTolerance", 1e-10, Check.greaterThan(0));
        String name = DeepLinearSpec.LAYERS;
        if (!populations.isEmpty()) {
            if (populations.size() != 1) {
                throw m.error("type", "a deep linear network has one population (its layers), got: "
                        + String.join(", ", populations.keySet()));
            }
            name = populations.firstKey();
        }
        DeepLinearSpec spec = new DeepLinearSpec(name, depth, dim, samples, noise, dataSeed, kind, scale, initSeed,
                readoutSeed, every, tol);
        if (!populations.isEmpty() && !populations.get(name).equals(spec.derivedPopulation())) {
            throw m.error("type", "population '" + name + "' must be the network's " + depth + " layers in a euclidean"
                    + " space of dim " + dim * dim + " at their initial values (leave populations out: the model makes its own)");
        }
        try {
            lmo.deep.linear.Regression.paper(samples, dim, noise, dataSeed);
        } catch (IllegalArgumentException e) {
            throw m.error("samples", "cannot make the regression data: " + e.getMessage());
        }
        return spec;
    }

    @Override
    public Model build(DeepLinearSpec l, BuildContext c) {
        return new lmo.model.deeplinear.DeepLinearModel(c.index(l.population()), l.network(),
                lmo.deep.linear.Regression.paper(l.samples(), l.dim(), l.noise(), l.dataSeed()), l.sharpnessEvery(),
                l.sharpnessTolerance(), c.steps());
    }

    /** The documented keys: the rows of this family in docs/scenarios.md, the doc cut to its first sentence. */
    private static final List<Key> DOCUMENTED = List.of(
            new Key("type", "`deep-linear`", "required", "", "The functional."),
            new Key("depth", "integer", "required", ">= 1; with dim: [Limits](#limits)", "L."),
            new Key("dim", "integer", "required", ">= 1", "d, the input dimension (and the width)."),
            new Key("samples", "integer", "required", "> dim", "n (the design must have full column rank)."),
            new Key("noise", "number", "`1.0`", ">= 0", "The label noise before rescaling."),
            new Key("dataSeed", "integer", "`0`", "", "Keys X, w_true and the noise."),
            new Key("init", "mapping", "required", "",
                    "`{type: gaussian, scale}`: entries N(0, scale^2), W_L of 1 x d (small-scale init); `{type: "
                    + "residual, scale}`: all W_k d x d, `W_k = I + scale / sqrt(L d) G_k`, the output `r' W_L "
                    + "... W_1 x` with a fixed, untrained random unit read-out r."),
            new Key("init.type", "`gaussian` | `residual`", "required", "", "See `model.init`."),
            new Key("init.scale", "number", "required", ">= 0", "The init scale."),
            new Key("initSeed", "integer", "the scenario's `seed`", "", "Keys the initial layers."),
            new Key("readoutSeed", "integer", "the scenario's `seed`", "`residual` only",
                    "Keys the fixed read-out r."),
            new Key("sharpnessEvery", "integer", "`1`", ">= 1",
                    "The sharpness is computed on logged steps divisible by it, and at the last step (NaN in "
                    + "between)."),
            new Key("sharpnessTolerance", "number", "`1e-10`", "> 0",
                    "Relative tolerance of the Lanczos iteration (on exact Hessian-vector products)."));
}
