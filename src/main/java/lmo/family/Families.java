package lmo.family;

import java.util.ArrayList;
import java.util.List;
import lmo.model.Model;
import lmo.scenario.ModelSpec;
import lmo.scenario.PopulationSpec;
import lmo.scenario.ScenarioException;

/**
 * The registry of model families: the built-in ones, one line each, in documented order (the order of
 * {@link #types}); looked up by {@code model.type}.
 */
public final class Families {
    private Families() {}

    private static final List<ModelFamily<?>> BUILT_IN = List.of(
            new MmdFamily(),
            new PotentialFamily(),
            new TwoLayerFamily(),
            new GameFamily(),
            new OtFamily(),
            new BarycenterFamily(),
            new ResNetFamily(),
            new DeepLinearFamily(),
            new MlpFamily());

    /** Every family, in documented order. */
    public static List<ModelFamily<?>> all() { return BUILT_IN; }

    /** The {@code model.type} strings, in documented order. */
    public static List<String> types() {
        List<String> out = new ArrayList<>();
        for (ModelFamily<?> f : BUILT_IN) out.add(f.type());
        return out;
    }

    /** The family of {@code model.type}, or null. */
    public static ModelFamily<?> lookup(String type) {
        for (ModelFamily<?> f : BUILT_IN) if (f.type().equals(type)) return f;
        return null;
    }

    /** The family of {@code model.type}, which must be registered. */
    public static ModelFamily<?> of(String type) {
        ModelFamily<?> f = lookup(type);
        if (f == null) throw new IllegalArgumentException("no model family '" + type + "'; families: " + types());
        return f;
    }

    /** The model of a spec, built by its family. */
    public static Model build(ModelSpec spec, BuildContext c) throws ScenarioException {
        return build(of(spec.type()), spec, c);
    }

    private static <S extends ModelSpec> Model build(ModelFamily<S> f, ModelSpec spec, BuildContext c)
            throws ScenarioException {
        return f.build(f.specType().cast(spec), c);
    }

    /** The population the spec's family derives from it, or null (a family with a listed population). */
    public static PopulationSpec derivedPopulation(ModelSpec spec) {
        return derivedPopulation(of(spec.type()), spec);
    }

    private static <S extends ModelSpec> PopulationSpec derivedPopulation(ModelFamily<S> f, ModelSpec spec) {
        return f.derivesPopulation() ? f.derivedPopulation(f.specType().cast(spec)) : null;
    }
}
