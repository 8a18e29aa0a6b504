package lmo.family;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import lmo.model.Model;
import lmo.model.game.UserPayoffs;
import lmo.scenario.BuildContext;
import lmo.scenario.ModelBinding;
import lmo.scenario.ModelCatalog;
import lmo.scenario.BuildContext;
import lmo.scenario.ModelSpec;
import lmo.scenario.PopulationSpec;
import lmo.scenario.ScenarioException;

/**
 * The registry of model families: the built-in ones, one line each, in documented order (the order of
 * {@link #types}); looked up by {@code model.type}. User families come from jars ({@code --jar}): a jar whose
 * {@code META-INF/services/lmo.family.ModelFamily} names a class implementing {@link ModelFamily} (public, with a
 * public no-argument constructor) adds its {@code model.type} after the built-in ones. A user family may not take a
 * type that is already registered. The lookups without a jar list use the process-wide jars
 * ({@link UserPayoffs#jars}, set once by the command line), as a worker of a cluster does.
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

    /** The user families of each list of jars, loaded once. */
    private static final Map<List<Path>, List<ModelFamily<?>>> USER = new ConcurrentHashMap<>();

    /** The built-in families, in documented order. */
    public static List<ModelFamily<?>> all() { return BUILT_IN; }

    /** The built-in families, then the user families of {@code jars}, in the order of the jars. */
    public static List<ModelFamily<?>> all(List<Path> jars) throws ScenarioException {
        if (jars.isEmpty()) return BUILT_IN;
        List<ModelFamily<?>> out = new ArrayList<>(BUILT_IN);
        out.addAll(user(jars));
        return out;
    }

    /** The {@code model.type} strings of the built-in families and the process-wide jars', in order. */
    public static List<String> types() throws ScenarioException { return types(UserPayoffs.jars()); }

    /** The {@code model.type} strings of the built-in families and those of {@code jars}, in order. */
    public static List<String> types(List<Path> jars) throws ScenarioException {
        List<String> out = new ArrayList<>();
        for (ModelFamily<?> f : all(jars)) out.add(f.type());
        return out;
    }

    /** The family of {@code model.type} among the built-in ones and the process-wide jars', or null. */
    public static ModelFamily<?> lookup(String type) throws ScenarioException { return lookup(type, UserPayoffs.jars()); }

    /** The family of {@code model.type} among the built-in ones and those of {@code jars}, or null. */
    public static ModelFamily<?> lookup(String type, List<Path> jars) throws ScenarioException {
        for (ModelFamily<?> f : all(jars)) if (f.type().equals(type)) return f;
        return null;
    }

    /** The family of {@code model.type}, which must be registered (built in, or from the process-wide jars). */
    public static ModelFamily<?> of(String type) throws ScenarioException {
        ModelFamily<?> f = lookup(type);
        if (f == null) throw new IllegalArgumentException("no model family '" + type + "'; families: " + types());
        return f;
    }

    /**
     * The family that bound {@code spec}: the one of its type whose spec class it is an instance of, among the
     * built-in families and every user family loaded so far (a spec's class names the jar it came from).
     */
    static ModelFamily<?> of(ModelSpec spec) {
        for (ModelFamily<?> f : BUILT_IN) if (f.type().equals(spec.type())) return f;
        for (List<ModelFamily<?>> loaded : USER.values()) {
            for (ModelFamily<?> f : loaded) if (f.type().equals(spec.type()) && f.specType().isInstance(spec)) return f;
        }
        throw new IllegalArgumentException("no model family for a spec of type '" + spec.type() + "' ("
                + spec.getClass().getName() + ")");
    }

    /** The user families of {@code jars}, loaded once; an error names the jars and what is wrong. */
    private static List<ModelFamily<?>> user(List<Path> jars) throws ScenarioException {
        List<Path> key = List.copyOf(jars);
        List<ModelFamily<?>> loaded = USER.get(key);
        if (loaded != null) return loaded;
        List<ModelFamily<?>> found = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        BUILT_IN.forEach(f -> taken.add(f.type()));
        String where = "--jar " + String.join(", ", key.stream().map(Path::toString).toList());
        try {
            for (ModelFamily<?> f : ServiceLoader.load(ModelFamily.class, UserPayoffs.loader(key))) {
                String type = f.type();
                if (type == null || !type.matches("[a-z][a-z0-9-]*")) {
                    throw new ScenarioException(where + ": model family " + f.getClass().getName() + " has type '"
                            + type + "'; a type is lower-case letters, digits and '-', starting with a letter");
                }
                if (taken.contains(type)) {
                    throw new ScenarioException(where + ": model family " + f.getClass().getName() + " takes the type '"
                            + type + "', which is already registered");
                }
                taken.add(type);
                found.add(f);
            }
        } catch (ServiceConfigurationError e) {
            throw new ScenarioException(where + ": cannot load a model family: " + e.getMessage());
        }
        List<ModelFamily<?>> families = List.copyOf(found);
        List<ModelFamily<?>> raced = USER.putIfAbsent(key, families);
        return raced != null ? raced : families;
    }

    /** The model of a spec, built by its family. */
    public static Model build(ModelSpec spec, BuildContext c) throws ScenarioException {
        return of(spec).buildAny(spec, c);
    }

    /** The population the spec's family derives from it, or null (a family with a listed population). */
    public static PopulationSpec derivedPopulation(ModelSpec spec) {
        return of(spec).derivedPopulationOfAny(spec);
    }

    /**
     * The registry as the scenario layer sees it ({@link ModelCatalog}): provided as a service
     * ({@code META-INF/services/lmo.scenario.ModelCatalog}), so that {@code lmo.scenario} names no family.
     */
    public static final class Catalog implements ModelCatalog {
        @Override public List<String> types(List<Path> jars) throws ScenarioException { return Families.types(jars); }

        @Override
        public ModelBinding<?> binding(String type, List<Path> jars) throws ScenarioException {
            return Families.lookup(type, jars);
        }

        @Override public ModelBinding<?> bindingOf(ModelSpec spec) { return Families.of(spec); }

        @Override public List<? extends ModelBinding<?>> builtIn() { return BUILT_IN; }
    }
}
