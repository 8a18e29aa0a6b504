package lmo.scenario;

import java.util.SortedMap;
import lmo.scenario.MapReader.Check;

/** Binds {@code model} of type {@code deep-linear}: sizes, data, init, sharpness settings; checks a listed population. */
final class DeepLinearBinder {
    private DeepLinearBinder() {}

    static DeepLinearSpec bind(MapReader m, SortedMap<String, PopulationSpec> populations, long seed) throws ScenarioException {
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
        String kind = init.choice("type", null, Keys.DEEP_LINEAR_INIT.keySet());
        init.allow(Keys.DEEP_LINEAR_INIT.get(kind));
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
}
